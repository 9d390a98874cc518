package io.cosmosdesk.app;

import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliIO;
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
        StartupWarmUp.begin();
        Application.launch(CosmosDeskApp.class, args);
    }
}
