package io.cosmosdesk.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedResourceChanges;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.TaskContext;
import java.util.function.Supplier;

/**
 * A {@link ControlPlane} whose database and container creates and deletes are recorded in the audit log, whichever
 * plane makes them (the data plane or Azure Resource Manager): appended and synced before the caller learns the
 * outcome, failures and refusals (a read-only connection, input refused before anything was sent) included.
 * Settings and throughput changes pass straight through: {@link ContainerSettingsService} records those with their
 * before and after.
 */
final class AuditedControlPlane implements ControlPlane {

    private final ControlPlane plane;
    private final AuditedResourceChanges audit;

    AuditedControlPlane(ControlPlane plane, AuditedResourceChanges audit) {
        this.plane = plane;
        this.audit = audit;
    }

    /** The plane that makes the changes (for tests and the switch: which one this connection uses). */
    ControlPlane plane() {
        return plane;
    }

    @Override
    public String name() {
        return plane.name();
    }

    @Override
    public ControlPlane reporting(TaskContext context) {
        return new AuditedControlPlane(plane.reporting(context), audit);
    }

    @Override
    public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
        ObjectNode after = through();
        after.set("throughput", ContainerSettingsService.throughputJson(throughput));
        recorded(connection, AuditOperation.DATABASE_CREATE, id == null ? "" : id.strip(), null, after, () -> {
            plane.createDatabase(connection, id, throughput);
            return null;
        });
    }

    @Override
    public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
        return recorded(connection, AuditOperation.CONTAINER_CREATE, spec.databaseId(), spec.id(), describe(spec),
                () -> plane.createContainer(connection, spec));
    }

    @Override
    public void deleteDatabase(CosmosConnection connection, String id) {
        recorded(connection, AuditOperation.DATABASE_DELETE, id, null, through(), () -> {
            plane.deleteDatabase(connection, id);
            return null;
        });
    }

    @Override
    public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
        recorded(connection, AuditOperation.CONTAINER_DELETE, ref.databaseId(), ref.containerId(), through(), () -> {
            plane.deleteContainer(connection, ref);
            return null;
        });
    }

    @Override
    public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change) {
        plane.replaceSettings(connection, ref, etag, change);
    }

    @Override
    public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
            Throughput throughput) {
        plane.replaceThroughput(connection, ref, expected, throughput);
    }

    /**
     * Records a refusal made before the plane was asked (the UI's read-only check), as the plane's own refusal
     * would be recorded. {@code container} null for a database.
     */
    void refused(CosmosConnection connection, AuditOperation operation, String database, String container,
            CosmosDeskException why) {
        audit.recordResource(connection.profile(), operation, database, container, through(), why, true);
    }

    /** Refused before anything was sent: a read-only connection, or input the checks turned down. */
    static boolean isRefusal(CosmosDeskException failure) {
        return failure.kind() == ErrorKind.READ_ONLY
                || failure.kind() == ErrorKind.BAD_REQUEST && failure.statusCode() == 0;
    }

    private <T> T recorded(CosmosConnection connection, AuditOperation operation, String database, String container,
            JsonNode after, Supplier<T> change) {
        T result;
        try {
            result = change.get();
        } catch (CosmosDeskException failure) {
            audit.recordResource(connection.profile(), operation, database, container, after, failure,
                    isRefusal(failure));
            throw failure;
        } catch (RuntimeException failure) {
            audit.recordResource(connection.profile(), operation, database, container, after,
                    CosmosErrors.classify(failure), false);
            throw failure;
        }
        audit.recordResource(connection.profile(), operation, database, container, after, null, false);
        return result;
    }

    /** Which control plane made the change: the entry's "after" says so. */
    private ObjectNode through() {
        return Json.MAPPER.createObjectNode().put("through", plane.name());
    }

    private ObjectNode describe(ContainerSpec spec) {
        ObjectNode after = through();
        ArrayNode key = after.putArray("partitionKeyPaths");
        spec.partitionKeyPaths().forEach(key::add);
        after.put("hierarchical", spec.hierarchical());
        after.set("throughput", ContainerSettingsService.throughputJson(spec.throughput()));
        if (spec.defaultTtlSeconds() == null) {
            after.putNull("defaultTtl");
        } else {
            after.put("defaultTtl", spec.defaultTtlSeconds());
        }
        ArrayNode unique = after.putArray("uniqueKeys");
        spec.uniqueKeys().forEach(paths -> {
            ArrayNode one = unique.addArray();
            paths.forEach(one::add);
        });
        if (spec.indexingPolicyJson() != null && !spec.indexingPolicyJson().isBlank()) {
            try {
                after.set("indexingPolicy", Json.MAPPER.readTree(spec.indexingPolicyJson()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                after.put("indexingPolicy", spec.indexingPolicyJson());
            }
        }
        return after;
    }
}
