package io.cosmosdesk.transfer;

/**
 * The input as a whole cannot be read (no such file, no permission, empty, binary, an encoding we do not read):
 * one sentence for the user, never a stack trace. Problems of single rows are {@link SourceRow}s instead.
 */
public final class ImportInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportInputException(String sentence) {
        super(sentence);
    }

    public ImportInputException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** The sentence to show. */
    public String sentence() {
        return getMessage();
    }
}
