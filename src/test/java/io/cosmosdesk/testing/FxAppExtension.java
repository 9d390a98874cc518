package io.cosmosdesk.testing;

import io.cosmosdesk.app.AppContext;
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
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TestFX start/stop every headless GUI test of the main window needs, in one place: before each test the
 * real main window is shown ({@link MainWindowFixture#show}) with all files under a fresh folder; after it the
 * {@link AppContext} is closed, every window (dialogs left open included) goes, pressed keys are released and
 * the global stylesheet the theme set is reset, so the next test class starts clean. Test methods may take an
 * {@link FxRobot} parameter.
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
    private final FxRobot robot = new FxRobot();
    private Consumer<Stage> afterShow = stage -> { };
    private Application application;
    private AppContext context;
    private Path home;

    private FxAppExtension(Supplier<DialogService> dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /** The main window with the dialog service {@code dialogs} gives (asked once per test, on the FX thread). */
    public static FxAppExtension mainWindow(Supplier<DialogService> dialogs) {
        return new FxAppExtension(dialogs);
    }

    /** Runs on the FX thread right after the window is shown, e.g. to resize it. */
    public FxAppExtension afterShow(Consumer<Stage> step) {
        this.afterShow = Objects.requireNonNull(step);
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
        home = Files.createTempDirectory("cosmosdesk-gui-");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new Application() {
            @Override
            public void start(Stage stage) {
                context = MainWindowFixture.show(stage, home, dialogs.get());
                afterShow.accept(stage);
            }

            @Override
            public void stop() {
                if (context != null) {
                    context.close();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
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
            context = null;
            deleteQuietly(home);
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
