package io.cosmosdesk.app;

import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliIO;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/**
 * The jar's main class. It must not extend {@link Application}: a main class that does makes the
 * JDK's launcher demand JavaFX on the module path ("JavaFX runtime components are missing").
 * A command ({@code CosmosDesk export ...}) runs without loading JavaFX at all.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (args.length > 0 && Cli.handles(args)) {
            System.exit(Cli.run(args, CliIO.system()));
        }
        Optional<String> noDisplay = noDisplay(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            System.exit(1);
        }
        StartupWarmUp.begin();
        Application.launch(CosmosDeskApp.class, args);
    }

    /**
     * Why the window cannot open here, or empty: on Linux without DISPLAY or WAYLAND_DISPLAY (an SSH session, a
     * CI job) JavaFX died with "UnsupportedOperationException: Unable to open DISPLAY" and a stack trace.
     */
    static Optional<String> noDisplay(String osName, Map<String, String> env, String glassPlatform) {
        boolean linux = osName.toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headless = glassPlatform != null && !glassPlatform.isBlank(); // e.g. Monocle for headless tests
        if (!linux || headless || !isBlank(env.get("DISPLAY")) || !isBlank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("cosmosdesk: no display to open the window on (DISPLAY is not set). The commands "
                + "export, import, copy and schema run without one: CosmosDesk --help lists them.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
