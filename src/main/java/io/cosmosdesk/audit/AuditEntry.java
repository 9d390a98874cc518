package io.cosmosdesk.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the audit log: one write CosmosDesk made (or refused to make). Never holds a key or token: the
 * connection is named by its saved name and endpoint only.
 *
 * @param time when the answer came (UTC, ISO-8601)
 * @param user the operating-system account CosmosDesk ran as
 * @param connection the connection's name as the user saved it
 * @param endpoint the account endpoint (scheme, host, port, path; never credentials)
 * @param partitionKey the item's partition key value, as {@link PartitionKeyValue#toJsonArray()} writes it
 * @param operation {@link AuditOperation#code()}
 * @param outcome {@code ok}, {@code failed} or {@code refused}
 * @param errorKind for failed and refused writes: the {@code ErrorKind} name
 * @param status the HTTP status Cosmos DB answered, 0 when none came
 * @param message for failed and refused writes: the sentence the user was shown
 * @param etagBefore the ETag the write was conditional on (or the version it replaced), null when none
 * @param etagAfter the item's ETag after the write, null for deletes and failures
 * @param before the item before (replace, delete), without system properties; null when there was none
 * @param after the item as written (create, replace), null for deletes and failures
 * @param job ties the entries of one job together (a move's job id, an import's), null for single writes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String time, String user, String connection, String endpoint, String database,
        String container, String id, JsonNode partitionKey, String operation, String outcome, String errorKind,
        int status, String message, String etagBefore, String etagAfter, JsonNode before, JsonNode after,
        String job) {

    @JsonIgnore
    public Instant instant() {
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    @JsonIgnore
    public AuditOutcome outcomeKind() {
        try {
            return AuditOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return AuditOutcome.FAILED;
        }
    }

    /** The operation, or null when a newer version wrote one this version does not know. */
    @JsonIgnore
    public AuditOperation operationKind() {
        return AuditOperation.fromCode(operation);
    }

    /** The partition key as the grid shows it. */
    @JsonIgnore
    public String partitionKeyDisplay() {
        if (partitionKey == null || !partitionKey.isArray()) {
            return "";
        }
        try {
            return PartitionKeyValue.fromJsonArray(partitionKey).display();
        } catch (RuntimeException e) {
            return partitionKey.toString();
        }
    }

    @JsonIgnore
    public boolean ok() {
        return outcomeKind() == AuditOutcome.OK;
    }
}
