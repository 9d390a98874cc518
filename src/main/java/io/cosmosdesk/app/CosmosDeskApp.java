package io.cosmosdesk.app;

import io.cosmosdesk.connection.DeferredSecretStore;
import io.cosmosdesk.connection.KeyringSecretStore;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import io.cosmosdesk.ui.KeepMaximized;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: builds the {@link AppContext}, shows the main window, tears down on exit. */
public class CosmosDeskApp extends Application {

    static final String ICON = "/io/cosmosdesk/app/icon-128.png";

    private final java.util.function.Supplier<DeferredSecretStore> keychain;
    private AppContext context;
    private DeferredSecretStore secrets;
    private Path placementFile;
    private Optional<WindowPlacement> savedPlacement = Optional.empty();
    private WindowPlacement normal;
    private Stage stage;
    private CompletableFuture<Image> icon;

    public CosmosDeskApp() {
        this(() -> DeferredSecretStore.notStarted(KeyringSecretStore::detect));
    }

    /** Tests: {@code keychain} makes the (not yet started) keychain store, with a stand-in for the OS probe. */
    CosmosDeskApp(java.util.function.Supplier<DeferredSecretStore> keychain) {
        this.keychain = keychain;
    }

    /** The keychain probe takes about a second: it runs in the background once the window is whole. */
    @Override
    public void init() {
        StartupTrace.mark("init (toolkit up)");
        icon = decodeIcon();
        TextWarmUp.begin();
        secrets = keychain.get();
        // read here, on the launcher thread, not on the UI thread
        placementFile = AppDirectories.detect().config().resolve(WindowPlacement.FILE_NAME);
        savedPlacement = WindowPlacement.load(placementFile);
        StartupTrace.mark("init done");
    }

    /**
     * The window's icon, decoded on a thread of its own: in {@code init()} the UI thread waits for it, in
     * {@code start()} it is the UI thread's time. 128 px, the one size JavaFX hands the window system on Linux (it
     * scales whatever it gets to 128 x 128 inside {@code show()}); the 256 px icon decoded in {@code init()} and
     * scaled down in {@code show()} cost the start 60-80 ms on two cores (the sampled start, s19).
     */
    private static CompletableFuture<Image> decodeIcon() {
        return TextWarmUp.image(ICON);
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        FxDialogService dialogs = new FxDialogService(stage);
        context = new AppContext(AppDirectories.detect(), new FxTaskRunner(), dialogs, new CosmosClientFactory(),
                secrets, System.getenv());
        StartupTrace.mark("app context built");
        MainViewModel main = context.mainViewModel();
        options.theme().map(Theme::fromName).ifPresent(main.themeProperty()::set);

        WindowPlacement placement = placement();
        Rectangle2D size = sceneSize(placement);
        stage.setScene(createMainScene(context, size.getWidth(), size.getHeight()));
        StartupTrace.mark("main window built");
        stage.titleProperty().bind(main.windowTitleProperty());
        stage.getIcons().add(icon.join());
        place(stage, placement);
        stage.show();
        StartupTrace.mark("main window shown");
        // once the window is whole, not beside its first frames (a connection that needs a key before then starts it
        // itself): the probe's threads would take the CPU the parts joining the window need
        FirstFrame.whenWhole(stage.getScene().getRoot(), secrets::start);

        options.emulatorProfile().ifPresent(profile ->
                main.connect(profile, new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY),
                        options.databaseId().orElse(null), options.containerId().orElse(null)));
    }

    /**
     * The main window's scene, {@code width} x {@code height} (the window's inside when it shows); also used by GUI
     * tests so they drive exactly what users see. A scene without a size is styled and laid out inside
     * {@code stage.show()} at its root's preferred size (284 px wide), and the window's size then reaches it only
     * in the pulse after: that pulse laid the whole window out again, at its real size, with the tree's viewport
     * filled by seven more (empty) cells and a CSS pass for them (packaging/README.md, "Start-up", s18). Sized, the
     * first pass is the one the window keeps.
     */
    public static Scene createMainScene(AppContext context, double width, double height) {
        return mainScene(context, width, height);
    }

    /**
     * The main window's scene without a size of its own: styled and laid out first at its root's preferred size when
     * it shows (as under a window manager that maps a new window small before giving it its size). The app sizes its
     * scene ({@link #createMainScene(AppContext, double, double)}); a test of what the window does with a first
     * layout smaller than the window uses this.
     */
    public static Scene createMainScene(AppContext context) {
        return mainScene(context, -1, -1);
    }

    private static Scene mainScene(AppContext context, double width, double height) {
        // before the first control exists: Control's static set-up would otherwise load JavaFX's own Modena
        // theme first (about 40 ms of the UI thread at start), only for the controller to replace it
        context.mainViewModel().themeProperty().get().apply();
        StartupTrace.mark("theme applied");
        Scene scene = new Scene(MainWindowView.build(context.mainWindowController(), context.tasks()), width, height);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        return scene;
    }

    /**
     * Whether every part of the main window {@code scene} shows has joined it: the first frame holds the connection
     * tree, the rest joins in the frames after it ({@link FirstFrame}). FX thread.
     */
    public static boolean isWhole(Scene scene) {
        return FirstFrame.isWhole(scene.getRoot());
    }

    /**
     * Opens where the window was last closed, when a screen still shows that place. The size is set before
     * showing and once more when shown: some window managers (openbox) map a new window at 200 x 200 and
     * would otherwise keep it. The stage never goes below the usable minimum, and a passing size below it
     * is never remembered.
     */
    private WindowPlacement placement() {
        List<WindowPlacement.Area> screens = Screen.getScreens().stream().map(s -> area(s.getVisualBounds())).toList();
        return WindowPlacement.choose(savedPlacement, area(Screen.getPrimary().getVisualBounds()), screens);
    }

    /**
     * The size the window's inside will have: {@code placement}'s, or its screen's when maximized. A window
     * manager's frame takes a few pixels of it; the scene then shrinks by those in the first pulse, which adds no
     * cells.
     */
    private static Rectangle2D sceneSize(WindowPlacement placement) {
        if (!placement.maximized()) {
            return new Rectangle2D(0, 0, placement.width(), placement.height());
        }
        List<Screen> screens = Screen.getScreensForRectangle(placement.x(), placement.y(), placement.width(),
                placement.height());
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    private void place(Stage stage, WindowPlacement placement) {
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, placement.width()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, placement.height()));
        apply(stage, placement);
        stage.setOnShown(shown -> apply(stage, placement));
        normal = placement;
        // a maximised window reports the screen's bounds: remember the ones it returns to
        javafx.beans.InvalidationListener remember = obs -> {
            WindowPlacement now = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    false);
            // not while a dialog blocks the window: its size then is the window manager's answer to the pinned
            // hints (see KeepMaximized), not one the user chose
            if (!stage.isMaximized() && !stage.isIconified() && now.isValid() && !KeepMaximized.blocked(stage)) {
                normal = now;
            }
        };
        stage.xProperty().addListener(remember);
        stage.yProperty().addListener(remember);
        stage.widthProperty().addListener(remember);
        stage.heightProperty().addListener(remember);
        KeepMaximized.install(stage);
        io.cosmosdesk.ui.DialogPlacement.install(stage);
        this.stage = stage;
    }

    private static void apply(Stage stage, WindowPlacement placement) {
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
    }

    private static WindowPlacement.Area area(Rectangle2D bounds) {
        return new WindowPlacement.Area(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    private void savePlacement() {
        if (stage == null || normal == null || placementFile == null) {
            return;
        }
        try {
            new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized())
                    .save(placementFile);
        } catch (IOException | RuntimeException e) {
            // only a convenience: the next start opens at the default place
        }
    }

    @Override
    public void stop() {
        savePlacement();
        if (context != null) {
            context.close();
        }
    }
}
