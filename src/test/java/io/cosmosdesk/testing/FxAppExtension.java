package io.cosmosdesk.testing;

import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.ui.DialogService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TestFX start/stop every headless GUI test needs, in one place: before each test a window is shown
 * (for {@link #mainWindow} the real main window, {@link MainWindowFixture#show}, with all files under a fresh
 * folder); after it the test's stop step runs (the {@link AppContext} is closed), every window (dialogs left
 * open included) goes, pressed keys are released and the global stylesheet a theme set is reset, so the next
 * test starts clean. Test methods may take an {@link FxRobot} parameter.
 *
 * <p>Each test gets a stage of its own, never the toolkit's one primary stage as an earlier test of the same JVM
 * left it: a window keeps its size, place, min/max sizes, scene, title, maximized/iconified/full-screen state and
 * handlers, and remembers privately that its size and place were set by hand (no public call forgets that; a
 * deferred {@code sizeToScene} would override the size the next test sets). A fresh undecorated stage, as TestFX's
 * primary stage is, is the one complete reset; the old one is hidden after its test and dropped.
 *
 * <pre>
 * private final DialogService dialogs = mock(DialogService.class);
 * &#64;RegisterExtension
 * final FxAppExtension app = FxAppExtension.mainWindow(() -&gt; dialogs);
 * ... app.context() ...
 * </pre>
 *
 * Register it after {@link CosmosServerExtension} (declared with {@code @ExtendWith} on the class) so the
 * server is up first; it replaces TestFX's {@code ApplicationExtension} and its {@code @Start}/{@code @Stop}.
 */
public final class FxAppExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<DialogService> dialogs;
    private final Consumer<Stage> start;
    private final FxRobot robot = new FxRobot();
    private Consumer<Stage> afterShow = stage -> { };
    private Consumer<AppContext> onShown = context -> { };
    private Consumer<AppContext> beforeShow = context -> { };
    private Runnable onStop = () -> { };
    private Supplier<Path> homeFolder;
    private Application application;
    private Stage mainStage;
    private AppContext context;
    private Path home;
    private boolean ownHome;

    private FxAppExtension(Supplier<DialogService> dialogs, Consumer<Stage> start) {
        this.dialogs = dialogs;
        this.start = start;
    }

    /** The main window with the dialog service {@code dialogs} gives (asked once per test, on the FX thread). */
    public static FxAppExtension mainWindow(Supplier<DialogService> dialogs) {
        return new FxAppExtension(Objects.requireNonNull(dialogs), null);
    }

    /** Any window: {@code start} fills and shows the primary stage on the FX thread, as {@code @Start} did. */
    public static FxAppExtension showing(Consumer<Stage> start) {
        return new FxAppExtension(null, Objects.requireNonNull(start));
    }

    /**
     * For {@link #showing}: one view alone in {@code stage}, styled as the app styles its windows (the theme is
     * applied before {@code start} runs; this adds the app's stylesheet), and shown.
     */
    public static void showStyled(Stage stage, javafx.scene.Parent view, double width, double height) {
        javafx.scene.Scene scene = new javafx.scene.Scene(view, width, height);
        scene.getStylesheets().add(io.cosmosdesk.app.Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** Runs on the FX thread right after the window is shown, e.g. to keep the stage or resize it. */
    public FxAppExtension afterShow(Consumer<Stage> step) {
        this.afterShow = Objects.requireNonNull(step);
        return this;
    }

    /** Hears the main window's context once it is shown, e.g. to keep it in a field of the test. */
    /** Runs before the main window loads: register container or menu actions here. */
    public FxAppExtension beforeShow(Consumer<AppContext> listener) {
        this.beforeShow = Objects.requireNonNull(listener);
        return this;
    }

    public FxAppExtension onShown(Consumer<AppContext> listener) {
        this.onShown = Objects.requireNonNull(listener);
        return this;
    }

    /** Runs on the FX thread after each test, before the windows go (the main window's context closes anyway). */
    public FxAppExtension onStop(Runnable step) {
        this.onStop = Objects.requireNonNull(step);
        return this;
    }

    /** Where the main window keeps its files, when the test needs a folder of its own (default: a fresh one). */
    public FxAppExtension home(Supplier<Path> folder) {
        this.homeFolder = Objects.requireNonNull(folder);
        return this;
    }

    /** The running app's context; set once the window is shown. */
    public AppContext context() {
        return Objects.requireNonNull(context, "the main window is not shown yet");
    }

    /** This test's settings folder (config, data and logs live under it). */
    public Path home() {
        return Objects.requireNonNull(home, "the main window is not shown yet");
    }

    @Override
    public void beforeEach(ExtensionContext extension) throws Exception {
        ownHome = homeFolder == null;
        home = ownHome ? Files.createTempDirectory("cosmosdesk-gui-") : homeFolder.get();
        FxToolkit.registerPrimaryStage(); // starts the toolkit on the first test of the JVM
        FxToolkit.registerStage(() -> new Stage(StageStyle.UNDECORATED));
        application = FxToolkit.setupApplication(() -> new Application() {
            @Override
            public void start(Stage stage) {
                if (FxAppExtension.this.start != null) {
                    // as in the app, where the main window applies the theme before any other window shows:
                    // our stylesheet's -color-* lookups come from it
                    Theme.LIGHT.apply();
                    FxAppExtension.this.start.accept(stage);
                } else {
                    mainStage = stage;
                    context = MainWindowFixture.show(stage, home, dialogs.get(), beforeShow);
                    onShown.accept(context);
                }
                afterShow.accept(stage);
            }

            @Override
            public void stop() {
                try {
                    onStop.run();
                } finally {
                    if (context != null) {
                        context.close();
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (mainStage != null) {
            MainWindowFixture.waitForWholeWindow(mainStage);
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        try {
            if (application != null) {
                FxToolkit.cleanupAfterTest(robot, application);
                WaitForAsyncUtils.waitForFxEvents();
            }
        } finally {
            FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
            application = null;
            mainStage = null;
            context = null;
            if (ownHome) {
                deleteQuietly(home);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return robot;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no test failure
        }
    }
}
