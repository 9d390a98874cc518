package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * What a failed page of a query run becomes: a cancellation, a refusal of the user's input, or a {@link QueryException}
 * with its sentence (timeout, syntax error and where, rejected, throttled, anything else mapped by CosmosErrors).
 * Part of {@link PagedQueryRun}.
 */
final class QueryFailures {

    private QueryFailures() {
    }

    /** {@code error} (of a page of {@code request}) as the exception the query tab shows or stops on. */
    static RuntimeException of(Throwable error, QueryRequest request, java.time.Duration timeout) {
        Throwable cause = CosmosErrors.unwrap(error);
        if (cause instanceof CancellationException cancelled) {
            return cancelled;
        }
        if (cause instanceof QueryInputException input) {
            return input;
        }
        if (cause instanceof TimeoutException) {
            return new QueryException(QueryException.Reason.TIMEOUT, ErrorKind.TIMEOUT, String.format(Locale.ROOT,
                    "The query did not answer within %d s (the query timeout in Settings). Results read before "
                            + "stay; narrow the query or raise the timeout.", timeout.toSeconds()),
                    null, cause);
        }
        CosmosDeskException mapped = CosmosErrors.map("Running the query on " + request.handle().ref(), cause);
        if (mapped.kind() == ErrorKind.CANCELLED) {
            return new CancellationException("Cancelled.");
        }
        if (mapped.kind() == ErrorKind.BAD_REQUEST) {
            String message = mapped.userMessage().replaceFirst("^Cosmos DB rejected the request: ", "");
            QuerySyntaxError position = QuerySyntaxError.find(serviceText(cause), request.text(), message)
                    .orElse(null);
            if (position != null) {
                return new QueryException(QueryException.Reason.SYNTAX_ERROR, mapped.kind(),
                        position.describe(), position, mapped);
            }
            return new QueryException(QueryException.Reason.FAILED, mapped.kind(), "The query was rejected: "
                    + message, null, mapped);
        }
        if (mapped.kind() == ErrorKind.THROTTLED) {
            return new QueryException(QueryException.Reason.THROTTLED, mapped.kind(), mapped.userMessage(), null,
                    mapped);
        }
        return new QueryException(QueryException.Reason.FAILED, mapped.kind(), mapped.userMessage(), null, mapped);
    }

    private static String serviceText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
