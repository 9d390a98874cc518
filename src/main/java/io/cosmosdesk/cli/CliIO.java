package io.cosmosdesk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** What a command may touch of the outside world; tests pass their own. */
public record CliIO(PrintStream out, PrintStream err, Map<String, String> env, InputStream in) {

    public static CliIO system() {
        return new CliIO(System.out, System.err, System.getenv(), System.in);
    }
}
