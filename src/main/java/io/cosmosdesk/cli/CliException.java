package io.cosmosdesk.cli;

/** Stops a command with an exit status and one sentence for the user (printed to stderr, never a stack trace). */
public final class CliException extends RuntimeException {

    private final int status;

    public CliException(int status, String sentence) {
        super(sentence);
        this.status = status;
    }

    public CliException(int status, String sentence, Throwable cause) {
        super(sentence, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
