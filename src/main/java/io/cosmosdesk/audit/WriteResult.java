package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.time.Duration;

/**
 * How one {@link Write} ended: the HTTP status (0 when no answer came), the item's ETag afterwards, the item read
 * (reads only), the charge, the server's retry-after for a 429, and the classified failure when it failed.
 */
public record WriteResult<T>(Write<T> write, int status, String etag, ObjectNode item, double charge,
        Duration retryAfter, CosmosDeskException error) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
