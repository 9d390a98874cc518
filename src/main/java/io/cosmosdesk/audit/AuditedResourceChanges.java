package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.util.Locale;

/**
 * Records changes to a container or database itself (its settings, its throughput, its creation or deletion) in the
 * {@link AuditLog}, as {@link AuditedWrites} records item writes: appended and synced before the caller learns the
 * outcome, refused and failed changes included. The entry's id is the container's id (a database's for database
 * changes); before and after are the settings.
 */
public final class AuditedResourceChanges {

    private final AuditLog log;
    private final String user;

    public AuditedResourceChanges(AuditLog log) {
        this.log = log;
        this.user = System.getProperty("user.name", "");
    }

    /** A change that was made ({@code failure} null), failed, or was refused ({@code refused}). */
    public void record(ContainerHandle handle, AuditOperation operation, JsonNode before, JsonNode after,
            String etagBefore, String etagAfter, CosmosDeskException failure, boolean refused) {
        append(handle.connection().profile(), handle.ref().databaseId(), handle.ref().containerId(), operation,
                before, after, etagBefore, etagAfter, failure, refused);
    }

    /**
     * A database or container created or deleted ({@code failure} null), failed, or refused ({@code refused}).
     *
     * @param container null for a database's own creation or deletion
     */
    public void recordResource(ConnectionProfile profile, AuditOperation operation, String database,
            String container, JsonNode after, CosmosDeskException failure, boolean refused) {
        append(profile, database, container, operation, null, after, null, null, failure, refused);
    }

    private void append(ConnectionProfile profile, String database, String container, AuditOperation operation,
            JsonNode before, JsonNode after, String etagBefore, String etagAfter, CosmosDeskException failure,
            boolean refused) {
        AuditOutcome outcome = failure == null ? AuditOutcome.OK : refused ? AuditOutcome.REFUSED : AuditOutcome.FAILED;
        log.append(new AuditEntry(log.now().toString(), user, profile.name(),
                AuditEntries.safeEndpoint(profile.endpoint()), database, container == null ? "" : container,
                container == null ? database : container, null, operation.code(),
                outcome.name().toLowerCase(Locale.ROOT), failure == null ? null : failure.kind().name(),
                failure == null ? 200 : failure.statusCode(), failure == null ? null : failure.userMessage(),
                etagBefore, etagAfter, before, after, null));
    }
}
