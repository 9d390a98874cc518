package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cosmosdesk.connection.DeferredSecretStore;
import io.cosmosdesk.connection.NoSecretStore;
import io.cosmosdesk.testing.MainWindowFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own start ({@link CosmosDeskApp}'s {@code init()} and {@code start()}, not the test fixture's window),
 * started as JavaFX starts it, its files in a fresh folder.
 */
class CosmosDeskAppStartGuiTest {

    @TempDir
    Path home;

    private String homeWas;
    private Stage stage;
    private Application app;

    @BeforeEach
    void useAFreshHome() throws Exception {
        homeWas = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        FxToolkit.registerPrimaryStage(); // starts the toolkit when this is the JVM's first GUI test
        stage = FxToolkit.registerStage(() -> new Stage(StageStyle.UNDECORATED));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            FxToolkit.setupFixture(() -> {
                stage.hide();
                Application.setUserAgentStylesheet(null);
            });
        } finally {
            if (homeWas == null) {
                System.clearProperty(AppDirectories.HOME_PROPERTY);
            } else {
                System.setProperty(AppDirectories.HOME_PROPERTY, homeWas);
            }
        }
    }

    /**
     * The keychain probe starts once the main window is whole ({@link FirstFrame#whenWhole}): in the frames before,
     * its threads took the CPU the joining parts needed (s17). The probe here is a stand-in run at once, on the
     * thread that starts it, so the test sees the window as it was at that moment. Seen failing with the probe
     * started through {@code TaskRunner.inNextFrame} (the second frame): whole when probed, [false].
     */
    @Test
    void theKeychainProbeStartsOnceTheMainWindowIsWhole() throws Exception {
        List<Boolean> wholeWhenProbed = new CopyOnWriteArrayList<>();
        start(() -> DeferredSecretStore.notStarted(() -> {
            wholeWhenProbed.add(stage.getScene() != null && CosmosDeskApp.isWhole(stage.getScene()));
            return new NoSecretStore();
        }, Runnable::run), shown -> { });

        assertThat(wholeWhenProbed).as("whole when probed (once)").containsExactly(true);
    }

    /**
     * {@code stage.show()} styles and lays out the window at the size it keeps: the pulse after it has no second
     * layout at another size to do, and no new tree cells to make and style (the scene had no size: show() laid it
     * out at its root's preferred size, the first pulse again at the window's; the installed app under Xvfb made 13
     * tree cells in show() and 7 more in that pulse, s18). Seen failing with the app's scene made without a size:
     * the tree 400 px high when shown, 640 once whole.
     */
    @Test
    void theWindowIsLaidOutAtItsOwnSizeWhenItShows() throws Exception {
        double[] treeWhenShown = new double[2];
        start(() -> DeferredSecretStore.notStarted(NoSecretStore::new), shown -> {
            TreeView<?> tree = (TreeView<?>) shown.getScene().getRoot().lookup("#resourceTree");
            treeWhenShown[0] = tree.getHeight();
            treeWhenShown[1] = tree.lookupAll(".tree-cell").size();
        });

        double[] treeNow = WaitForAsyncUtils.asyncFx(() -> {
            TreeView<?> tree = (TreeView<?>) stage.getScene().getRoot().lookup("#resourceTree");
            return new double[] {tree.getHeight(), tree.lookupAll(".tree-cell").size()};
        }).get();
        assertThat(treeWhenShown[0]).as("the tree's height when shown").isCloseTo(treeNow[0], within(0.5));
        assertThat(treeWhenShown[1]).as("the tree's cells when shown").isEqualTo(treeNow[1]);
    }

    /**
     * The app installs {@link io.cosmosdesk.ui.DialogPlacement} on its main window: a dialog the main window owns
     * opens centred on it, not where JavaFX puts a plain Stage (the screen's centre). The main window is moved to
     * the screen's top-left corner first, so the two places differ. Seen failing with the install removed from
     * {@code CosmosDeskApp.place}: the dialog's centre at the screen's (x 800), 350 px right of the window's (450).
     */
    @Test
    void dialogsOfTheMainWindowOpenCentredOnIt() throws Exception {
        start(() -> DeferredSecretStore.notStarted(NoSecretStore::new), shown -> { });
        Stage dialog = WaitForAsyncUtils.asyncFx(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(900);
            stage.setHeight(640);
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane();
            root.setPrefSize(400, 300);
            Stage opened = io.cosmosdesk.ui.DialogStages.of(stage, javafx.stage.Modality.WINDOW_MODAL, "Move items",
                    root, null);
            opened.show();
            return opened;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            double[] centres = WaitForAsyncUtils.asyncFx(() -> new double[] {
                    dialog.getX() + dialog.getWidth() / 2, dialog.getY() + dialog.getHeight() / 2,
                    stage.getX() + stage.getWidth() / 2, stage.getY() + stage.getHeight() / 2}).get();
            assertThat(centres[0]).as("the dialog's centre x").isCloseTo(centres[2], within(1.0));
            assertThat(centres[1]).as("the dialog's centre y").isCloseTo(centres[3], within(1.0));
        } finally {
            WaitForAsyncUtils.asyncFx(dialog::close).get();
        }
    }

    /**
     * The window shows with its icon at 128 px, the size JavaFX scales any icon to on Linux inside {@code show()}:
     * the 256 px icon decoded in {@code init()} and scaled down there cost the start 60-80 ms (s19). Seen failing
     * with the 256 px icon: [256.0].
     */
    @Test
    void theWindowShowsWithItsIconAtTheSizeTheWindowSystemGets() throws Exception {
        List<Double> iconsWhenShown = new CopyOnWriteArrayList<>();
        start(() -> DeferredSecretStore.notStarted(NoSecretStore::new),
                shown -> shown.getIcons().forEach(icon -> iconsWhenShown.add(icon.getWidth())));

        assertThat(iconsWhenShown).as("icon sizes when shown").containsExactly(128.0);
    }

    /** Starts the app with {@code keychain} as its keychain store; {@code whenShown} runs as the window shows. */
    private void start(Supplier<DeferredSecretStore> keychain, Consumer<Stage> whenShown) throws Exception {
        FxToolkit.setupFixture(() -> stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> whenShown.accept(stage)));
        app = FxToolkit.setupApplication(() -> new CosmosDeskApp(keychain));
        MainWindowFixture.waitForWholeWindow(stage);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
