package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ErrorKind;
import java.util.Optional;

/**
 * A query run that stopped before its end, with the sentence to show. {@link Reason#REQUEST_UNIT_LIMIT} and
 * {@link Reason#TIMEOUT} are the guards; the pages delivered before stay valid.
 */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the run stopped. */
    public enum Reason { SYNTAX_ERROR, REQUEST_UNIT_LIMIT, TIMEOUT, THROTTLED, FAILED }

    private final Reason reason;
    private final ErrorKind kind;
    private final transient QuerySyntaxError syntaxError;

    public QueryException(Reason reason, ErrorKind kind, String userMessage, QuerySyntaxError syntaxError,
            Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
        this.kind = kind;
        this.syntaxError = syntaxError;
    }

    public Reason reason() {
        return reason;
    }

    /** The Cosmos failure kind behind it; {@link ErrorKind#UNKNOWN} for the guards. */
    public ErrorKind kind() {
        return kind;
    }

    public String userMessage() {
        return getMessage();
    }

    public Optional<QuerySyntaxError> syntaxError() {
        return Optional.ofNullable(syntaxError);
    }
}
