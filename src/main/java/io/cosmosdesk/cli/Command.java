package io.cosmosdesk.cli;

/** One command of the command line ({@code CosmosDesk export ...}); registered in {@link Cli#COMMANDS}. */
public interface Command {

    /** The word that selects it: "export", "import", "copy", "schema". */
    String name();

    /** One line for {@code CosmosDesk --help}. */
    String summary();

    /** The full text for {@code CosmosDesk <name> --help}: every option. */
    String usage();

    /**
     * Runs the command. Progress goes to {@code io.err()}, data to {@code io.out()} or a file.
     *
     * @return the exit status ({@link Cli#OK}, {@link Cli#SOME_FAILED}, ...)
     * @throws CliException to stop with a status and a sentence
     */
    int run(CliArgs args, CliIO io) throws Exception;
}
