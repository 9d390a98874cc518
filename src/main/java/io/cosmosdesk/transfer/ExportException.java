package io.cosmosdesk.transfer;

/**
 * An export that could not be done or finished, with one sentence for the user (what went wrong and that no
 * partial file was left). The cause goes to the log.
 */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the file side (a path, a permission, a full disk) or the account side (a query, a connection). */
    public enum Reason { FILE, SOURCE }

    private final Reason reason;

    public ExportException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The sentence to show. */
    public String sentence() {
        return getMessage();
    }
}
