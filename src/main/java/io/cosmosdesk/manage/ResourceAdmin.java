package io.cosmosdesk.manage;

import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosContainerRequestOptions;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.ThroughputProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and deletes databases and containers over the data plane. Blocking; call through the TaskRunner.
 * Read-only connections are refused here, not only in the UI. With Microsoft Entra ID, the data plane does not
 * allow these operations at all (only the control plane does): such a refusal gets a sentence saying what works.
 */
public class ResourceAdmin implements ControlPlane {

    /** What the real service answers an Entra ID token that tries a control-plane operation over the data plane. */
    public static final String ENTRA_CONTROL_PLANE = "Microsoft Entra ID data-plane roles cannot create or delete"
            + " databases and containers or change throughput and settings: Cosmos DB allows that only through the"
            + " control plane (Azure Resource Manager) with a role such as Cosmos DB Operator or Contributor, or with"
            + " the account key. Connect with the account key, or ask for such a role and use the Azure portal or CLI.";

    /** A change made elsewhere between reading the settings and applying a change to them. */
    public static final String CHANGED_ELSEWHERE = "The container's settings were changed elsewhere since they were"
            + " read here; nothing was applied, so their change is kept. Reload to see the settings as they are now,"
            + " then make your change again.";

    /**
     * Switching a container between manual and autoscale throughput is a migration, not a replace: the Java SDK
     * (4.81) has no call for it over the data plane; Azure Resource Manager has ({@link ArmOperations}).
     */
    public static final String MODE_SWITCH = "Switching between manual and autoscale throughput is a migration that"
            + " the data plane does not make: use the Azure portal or the Azure CLI (az cosmosdb sql container"
            + " throughput migrate), then change the figure here.";

    /** The SDK cannot send an empty list of computed properties. */
    public static final String NO_EMPTY_COMPUTED = "The last computed property cannot be removed here: the Cosmos DB"
            + " Java SDK refuses an empty list. Keep one, or remove it in the Azure portal.";

    @Override
    public String name() {
        return "the data plane";
    }

    @Override
    public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
        connection.requireWritable();
        ResourceNames.idProblem("database", id).ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        throughput.problem().ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        try {
            ThroughputProperties properties = throughputProperties(throughput);
            if (properties == null) {
                connection.client().createDatabase(id.strip()).block();
            } else {
                connection.client().createDatabase(id.strip(), properties).block();
            }
        } catch (RuntimeException e) {
            throw mapped(connection, "Creating the database " + id, e, "A database named \"" + id.strip()
                    + "\" already exists.");
        }
    }

    @Override
    public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
        connection.requireWritable();
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, String.join(" ", problems));
        }
        CosmosContainerProperties properties = properties(spec);
        try {
            ThroughputProperties throughput = throughputProperties(spec.throughput());
            var database = connection.client().getDatabase(spec.databaseId());
            var created = throughput == null ? database.createContainer(properties).block()
                    : database.createContainer(properties, throughput).block();
            CosmosContainerProperties stored = created == null || created.getProperties() == null ? properties
                    : created.getProperties();
            Integer figure = spec.throughput() instanceof Throughput.Manual manual ? manual.requestUnits()
                    : spec.throughput() instanceof Throughput.Autoscale auto ? auto.maxRequestUnits() : null;
            List<String> paths = stored.getPartitionKeyDefinition() == null ? spec.partitionKeyPaths()
                    : stored.getPartitionKeyDefinition().getPaths();
            return new ContainerInfo(new ContainerRef(spec.databaseId(), spec.id()), paths, spec.hierarchical(),
                    figure);
        } catch (RuntimeException e) {
            throw mapped(connection, "Creating the container " + spec.id(), e, "A container named \"" + spec.id()
                    + "\" already exists in " + spec.databaseId() + ".");
        }
    }

    @Override
    public void deleteDatabase(CosmosConnection connection, String id) {
        connection.requireWritable();
        try {
            connection.client().getDatabase(id).delete().block();
        } catch (RuntimeException e) {
            throw mapped(connection, "Deleting the database " + id, e, null);
        }
    }

    @Override
    public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
        connection.requireWritable();
        try {
            connection.client().getDatabase(ref.databaseId()).getContainer(ref.containerId()).delete().block();
        } catch (RuntimeException e) {
            throw mapped(connection, "Deleting the container " + ref, e, null);
        }
    }

    @Override
    public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change) {
        connection.requireWritable();
        List<String> problems = change.problems();
        if (!problems.isEmpty()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, String.join(" ", problems));
        }
        try {
            var container = connection.container(ref);
            CosmosContainerProperties properties = container.read().block().getProperties();
            if (etag != null && !etag.equals(properties.getETag())) {
                throw new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE, CHANGED_ELSEWHERE);
            }
            properties.setDefaultTimeToLiveInSeconds(change.defaultTtlSeconds());
            properties.setIndexingPolicy(IndexingPolicyJson.parse(change.indexingPolicyJson()));
            var computed = ComputedPropertiesJson.parse(change.computedPropertiesJson());
            if (!computed.isEmpty()) {
                properties.setComputedProperties(computed);
            } else if (properties.getComputedProperties() != null && !properties.getComputedProperties().isEmpty()) {
                // the Java SDK refuses an empty list (IllegalArgumentException), so the last one cannot go
                throw new CosmosDeskException(ErrorKind.BAD_REQUEST, NO_EMPTY_COMPUTED);
            }
            container.replace(properties, new CosmosContainerRequestOptions().setIfMatchETag(etag)).block();
        } catch (CosmosDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            CosmosDeskException mapped = mapped(connection, "Changing the settings of " + ref, e, null);
            if (mapped.statusCode() == 412 || mapped.kind() == ErrorKind.CHANGED_BY_SOMEONE_ELSE) {
                throw new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE, CHANGED_ELSEWHERE, mapped.statusCode(),
                        mapped.subStatusCode(), mapped.activityId(), mapped.requestCharge(), e);
            }
            throw mapped;
        }
    }

    @Override
    public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
            Throughput throughput) {
        connection.requireWritable();
        switch (throughput.replacing(expected)) {
            case NOTHING -> {
                return;
            }
            case MODE_SWITCH -> throw connection.profile().authKind() == AuthKind.ENTRA_ID
                    // the data plane refuses an Entra token any throughput change: say so, so that the control
                    // plane (which makes the migration) can be offered
                    ? new CosmosDeskException(ErrorKind.FORBIDDEN, ENTRA_CONTROL_PLANE)
                    : new CosmosDeskException(ErrorKind.BAD_REQUEST, MODE_SWITCH);
            case FIGURE -> { }
        }
        try {
            var container = connection.container(ref);
            Throughput current = ContainerSettingsService.throughputOf(container.readThroughput().block()
                    .getProperties());
            if (!current.equals(expected)) {
                throw new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE, CHANGED_ELSEWHERE);
            }
            container.replaceThroughput(throughputProperties(throughput)).block();
        } catch (CosmosDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            throw mapped(connection, "Changing the throughput of " + ref, e, null);
        }
    }

    private static CosmosDeskException mapped(CosmosConnection connection, String action, RuntimeException e,
            String conflict) {
        CosmosDeskException mapped = CosmosErrors.map(action, e);
        if (mapped.kind() == ErrorKind.FORBIDDEN && connection.profile().authKind() == AuthKind.ENTRA_ID) {
            return new CosmosDeskException(ErrorKind.FORBIDDEN, ENTRA_CONTROL_PLANE, mapped.statusCode(),
                    mapped.subStatusCode(), mapped.activityId(), mapped.requestCharge(), e);
        }
        if (mapped.kind() == ErrorKind.CONFLICT && conflict != null) {
            return new CosmosDeskException(ErrorKind.CONFLICT, conflict, mapped.statusCode(), mapped.subStatusCode(),
                    mapped.activityId(), mapped.requestCharge(), e);
        }
        return mapped;
    }

    static ThroughputProperties throughputProperties(Throughput throughput) {
        if (throughput instanceof Throughput.Manual manual) {
            return ThroughputProperties.createManualThroughput(manual.requestUnits());
        }
        if (throughput instanceof Throughput.Autoscale autoscale) {
            return ThroughputProperties.createAutoscaledThroughput(autoscale.maxRequestUnits());
        }
        return null;
    }

    static CosmosContainerProperties properties(ContainerSpec spec) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(new ArrayList<>(spec.partitionKeyPaths()));
        key.setKind(spec.hierarchical() ? PartitionKind.MULTI_HASH : PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        CosmosContainerProperties properties = new CosmosContainerProperties(spec.id(), key);
        if (spec.defaultTtlSeconds() != null) {
            properties.setDefaultTimeToLiveInSeconds(spec.defaultTtlSeconds());
        }
        if (!spec.uniqueKeys().isEmpty()) {
            UniqueKeyPolicy unique = new UniqueKeyPolicy();
            unique.setUniqueKeys(spec.uniqueKeys().stream().map(UniqueKey::new).toList());
            properties.setUniqueKeyPolicy(unique);
        }
        if (spec.indexingPolicyJson() != null && !spec.indexingPolicyJson().isBlank()) {
            properties.setIndexingPolicy(IndexingPolicyJson.parse(spec.indexingPolicyJson()));
        }
        return properties;
    }
}
