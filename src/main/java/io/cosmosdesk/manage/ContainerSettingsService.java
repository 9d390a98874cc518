package io.cosmosdesk.manage;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.ConflictResolutionMode;
import com.azure.cosmos.models.ConflictResolutionPolicy;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosContainerRequestOptions;
import com.azure.cosmos.models.CosmosContainerResponse;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.ThroughputProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedResourceChanges;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.TaskContext;
import java.util.List;

/**
 * Reads a container's settings and applies a change to them through the connection's {@link ControlPlane}
 * (chosen by the {@link ControlPlaneSwitch}): settings with the container's ETag, throughput only if unchanged
 * since read. Read-only connections are refused here with a sentence; every change, refusal and failure is
 * recorded in the audit log. Blocking: call through the TaskRunner.
 */
public class ContainerSettingsService {

    private final ControlPlaneSwitch controlPlanes;
    private final AuditedResourceChanges audit;

    public ContainerSettingsService(ControlPlaneSwitch controlPlanes, AuditedResourceChanges audit) {
        this.controlPlanes = controlPlanes;
        this.audit = audit;
    }

    public ControlPlaneSwitch controlPlanes() {
        return controlPlanes;
    }

    public ContainerSettings read(ContainerHandle handle) {
        CosmosAsyncContainer container = handle.container();
        CosmosContainerResponse response;
        try {
            response = container.read(new CosmosContainerRequestOptions().setQuotaInfoEnabled(true)).block();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the settings of " + handle.ref(), e);
        }
        CosmosContainerProperties properties = response.getProperties();
        Throughput throughput = new Throughput.None();
        String note = null;
        try {
            throughput = throughputOf(container.readThroughput().block().getProperties());
        } catch (RuntimeException e) {
            CosmosDeskException mapped = CosmosErrors.classify(e);
            if (mapped.kind() == ErrorKind.FORBIDDEN) {
                note = "not readable with this sign-in";
            } else if (mapped.kind() == ErrorKind.NOT_FOUND || mapped.kind() == ErrorKind.BAD_REQUEST) {
                note = "none of its own (it shares its database's throughput, or the account is serverless)";
            } else {
                throw CosmosErrors.map("Reading the throughput of " + handle.ref(), e);
            }
        }
        var key = properties.getPartitionKeyDefinition();
        List<List<String>> unique = properties.getUniqueKeyPolicy() == null ? List.of()
                : properties.getUniqueKeyPolicy().getUniqueKeys().stream().map(k -> List.copyOf(k.getPaths())).toList();
        return new ContainerSettings(handle.ref(), properties.getETag(), key == null ? List.of() : key.getPaths(),
                key != null && key.getKind() == PartitionKind.MULTI_HASH, unique,
                describe(properties.getConflictResolutionPolicy()), properties.getDefaultTimeToLiveInSeconds(),
                IndexingPolicyJson.format(properties.getIndexingPolicy()),
                ComputedPropertiesJson.format(properties.getComputedProperties()), throughput, note,
                response.getIndexTransformationProgress());
    }

    /** The index transformation progress, 0-100, or -1 when the service does not report it. */
    public long indexTransformationProgress(ContainerHandle handle) {
        try {
            return handle.container().read(new CosmosContainerRequestOptions().setQuotaInfoEnabled(true)).block()
                    .getIndexTransformationProgress();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the indexing progress of " + handle.ref(), e);
        }
    }

    /**
     * Applies {@code change} to what was {@code loaded}, then reads the settings again. Throughput first (a
     * figure refused leaves the settings untouched), then the settings with the ETag they were read with.
     */
    public ContainerSettings apply(ContainerHandle handle, ContainerSettings loaded, SettingsChange change) {
        return apply(handle, loaded, change, null);
    }

    /** As {@link #apply(ContainerHandle, ContainerSettings, SettingsChange)}, long waits shown to {@code context}. */
    public ContainerSettings apply(ContainerHandle handle, ContainerSettings loaded, SettingsChange change,
            TaskContext context) {
        boolean settings = change.changesSettings(loaded);
        boolean throughput = change.changesThroughput(loaded);
        ControlPlane chosen = controlPlanes.forConnection(handle.connection());
        ControlPlane plane = context == null ? chosen : chosen.reporting(context);
        try {
            handle.connection().requireWritable();
        } catch (CosmosDeskException refused) {
            if (throughput) {
                audit.record(handle, AuditOperation.THROUGHPUT, throughputJson(loaded.throughput()),
                        throughputJson(change.throughput()), null, null, refused, true);
            }
            if (settings) {
                audit.record(handle, AuditOperation.CONTAINER_SETTINGS, settingsJson(loaded.unchanged()),
                        settingsJson(change), loaded.etag(), null, refused, true);
            }
            throw refused;
        }
        if (throughput) {
            try {
                plane.replaceThroughput(handle.connection(), handle.ref(), loaded.throughput(), change.throughput());
                audit.record(handle, AuditOperation.THROUGHPUT, throughputJson(loaded.throughput()),
                        throughputJson(change.throughput()), null, null, null, false);
            } catch (CosmosDeskException failed) {
                audit.record(handle, AuditOperation.THROUGHPUT, throughputJson(loaded.throughput()),
                        throughputJson(change.throughput()), null, null, failed,
                        AuditedControlPlane.isRefusal(failed));
                throw failed;
            }
        }
        if (settings) {
            try {
                plane.replaceSettings(handle.connection(), handle.ref(), loaded.etag(), change);
            } catch (CosmosDeskException failed) {
                audit.record(handle, AuditOperation.CONTAINER_SETTINGS, settingsJson(loaded.unchanged()),
                        settingsJson(change), loaded.etag(), null, failed,
                        AuditedControlPlane.isRefusal(failed));
                throw failed;
            }
        }
        ContainerSettings after = read(handle);
        if (settings) {
            audit.record(handle, AuditOperation.CONTAINER_SETTINGS, settingsJson(loaded.unchanged()),
                    settingsJson(after.unchanged()), loaded.etag(), after.etag(), null, false);
        }
        return after;
    }

    static Throughput throughputOf(ThroughputProperties properties) {
        if (properties == null) {
            return new Throughput.None();
        }
        if (properties.getAutoscaleMaxThroughput() > 0) {
            return new Throughput.Autoscale(properties.getAutoscaleMaxThroughput());
        }
        Integer manual = properties.getManualThroughput();
        return manual == null || manual <= 0 ? new Throughput.None() : new Throughput.Manual(manual);
    }

    static String describe(ConflictResolutionPolicy policy) {
        if (policy == null || policy.getMode() == null || policy.getMode() == ConflictResolutionMode.LAST_WRITER_WINS) {
            String path = policy == null || policy.getConflictResolutionPath() == null
                    || policy.getConflictResolutionPath().isBlank() ? "/_ts" : policy.getConflictResolutionPath();
            return "Last writer wins, by " + path + " (applies with several write regions)";
        }
        String procedure = policy.getConflictResolutionProcedure();
        return "Custom" + (procedure == null || procedure.isBlank() ? ": conflicts go to the conflicts feed"
                : ", by the stored procedure " + procedure);
    }

    static JsonNode throughputJson(Throughput throughput) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (throughput instanceof Throughput.Manual manual) {
            node.put("manual", manual.requestUnits());
        } else if (throughput instanceof Throughput.Autoscale autoscale) {
            node.put("autoscaleMax", autoscale.maxRequestUnits());
        }
        return node;
    }

    static JsonNode settingsJson(SettingsChange change) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (change.defaultTtlSeconds() == null) {
            node.putNull("defaultTtl");
        } else {
            node.put("defaultTtl", change.defaultTtlSeconds());
        }
        node.set("indexingPolicy", tree(change.indexingPolicyJson()));
        node.set("computedProperties", tree(change.computedPropertiesJson()));
        return node;
    }

    private static JsonNode tree(String json) {
        try {
            return json == null || json.isBlank() ? Json.MAPPER.createArrayNode() : Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
