package io.cosmosdesk.audit;

/** How an audited write ended. */
public enum AuditOutcome {
    /** The server applied it. */
    OK,
    /** Sent, and the server (or the network) said no; the entry names the error kind. */
    FAILED,
    /** Never sent: CosmosDesk refused it (read-only connection, too large, no id, no ETag to be conditional on). */
    REFUSED
}
