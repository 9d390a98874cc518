package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.util.Locale;

/**
 * Records changes to a container itself (its settings, its throughput) in the {@link AuditLog}, as
 * {@link AuditedWrites} records item writes: appended and synced before the caller learns the outcome, refused
 * and failed changes included. The entry's id is the container's id; before and after are the settings.
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
        ConnectionProfile profile = handle.connection().profile();
        AuditOutcome outcome = failure == null ? AuditOutcome.OK : refused ? AuditOutcome.REFUSED : AuditOutcome.FAILED;
        log.append(new AuditEntry(log.now().toString(), user, profile.name(),
                AuditEntries.safeEndpoint(profile.endpoint()), handle.ref().databaseId(), handle.ref().containerId(),
                handle.ref().containerId(), null, operation.code(), outcome.name().toLowerCase(Locale.ROOT),
                failure == null ? null : failure.kind().name(), failure == null ? 200 : failure.statusCode(),
                failure == null ? null : failure.userMessage(), etagBefore, etagAfter, before, after, null));
    }
}
