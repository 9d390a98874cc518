package io.cosmosdesk.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CosmosDesk's command line: {@code CosmosDesk <command> [options]} runs a command instead of opening the window,
 * for scripts, CI fixtures and SSH sessions. No JavaFX class loads on this path, so no display is needed.
 */
public final class Cli {

    /** Everything was done. */
    public static final int OK = 0;
    /** Some items failed; the report names them. */
    public static final int SOME_FAILED = 1;
    /** Bad arguments or bad input. */
    public static final int BAD_INPUT = 2;
    /** Cannot connect or sign in. */
    public static final int CANNOT_CONNECT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    private static final Set<String> HELP = Set.of("--help", "-h", "help", "-?");

    /** Every command, in the order {@code --help} lists them. Add yours here. */
    static final List<Command> COMMANDS = List.of(new io.cosmosdesk.transfer.ExportCommand(),
            new io.cosmosdesk.transfer.ImportCommand(), new io.cosmosdesk.transfer.CopyCommand(),
            new io.cosmosdesk.schema.SchemaCommand());

    private Cli() {
    }

    /** True when {@code args} ask for a command (or the command line's help) rather than the window. */
    public static boolean handles(String[] args) {
        // the window takes only --options: a first word is a command, a mistyped one refused here with a sentence
        // (it used to start the window, which without a display died with a stack trace)
        return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
    }

    static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    /** Runs the command {@code args} name and returns its exit status; every failure is a sentence on stderr. */
    public static int run(String[] args, CliIO io) {
        if (args.length == 0 || HELP.contains(args[0])) {
            io.out().print(help());
            return OK;
        }
        Optional<Command> command = command(args[0]);
        if (command.isEmpty()) {
            io.err().println("cosmosdesk: unknown command \"" + args[0] + "\".");
            io.err().print(help());
            return BAD_INPUT;
        }
        quietConsoleLog();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.stream().anyMatch(HELP::contains)) {
            io.out().print(command.get().usage());
            return OK;
        }
        try {
            return command.get().run(CliArgs.parse(rest), io);
        } catch (CliException e) {
            io.err().println("cosmosdesk " + args[0] + ": " + e.getMessage());
            LOG.debug("{} stopped", args[0], e);
            return e.status();
        } catch (Exception e) {
            io.err().println("cosmosdesk " + args[0] + ": stopped: " + e);
            LOG.warn("{} failed", args[0], e);
            return BAD_INPUT;
        }
    }

    /**
     * A command prints its own sentences; the log's console copy (warnings with the SDK's long diagnostics) would
     * bury them, so it goes to the log file only.
     */
    private static void quietConsoleLog() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder("""
                Usage: CosmosDesk                      open the window
                       CosmosDesk <command> [options]  run a command without a window (no display needed)

                Commands:
                """);
        if (COMMANDS.isEmpty()) {
            text.append("  (none in this build)\n");
        }
        for (Command command : COMMANDS) {
            text.append(String.format("  %-8s %s%n", command.name(), command.summary()));
        }
        text.append("""

                `CosmosDesk <command> --help` lists a command's options.
                Exit status: 0 all done, 1 some items failed (report written), 2 bad arguments or input,
                3 cannot connect or sign in.
                """);
        return text.toString();
    }
}
