package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.CosmosDeskException;

/** The server stayed unreachable or unavailable through every retry; the job stops and can be resumed. */
public final class ServerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServerUnavailableException(CosmosDeskException last) {
        super(last.userMessage(), last);
    }

    public CosmosDeskException last() {
        return (CosmosDeskException) getCause();
    }
}
