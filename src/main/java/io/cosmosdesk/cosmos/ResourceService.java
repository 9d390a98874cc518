package io.cosmosdesk.cosmos;

import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.ThroughputProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Comparator;
import java.util.List;

/** Reads the account's resources: databases and containers. Blocking; call through the TaskRunner. */
public class ResourceService {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceService.class);
    private static final Duration THROUGHPUT_TIMEOUT = Duration.ofSeconds(5);

    public List<String> readDatabases(CosmosConnection connection) {
        try {
            List<CosmosDatabaseProperties> databases = connection.client().readAllDatabases()
                    .collectList().block();
            return databases == null ? List.of() : databases.stream()
                    .map(CosmosDatabaseProperties::getId)
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading databases of " + connection.profile().name(), e);
        }
    }

    public List<ContainerInfo> readContainers(CosmosConnection connection, String databaseId) {
        try {
            CosmosAsyncDatabase database = connection.client().getDatabase(databaseId);
            List<CosmosContainerProperties> containers = database.readAllContainers().collectList().block();
            if (containers == null) {
                return List.of();
            }
            Map<String, Integer> throughputs = readThroughputs(database, containers);
            return containers.stream()
                    .map(properties -> toInfo(databaseId, properties, throughputs.get(properties.getId())))
                    .sorted(Comparator.comparing(info -> info.ref().containerId(), String.CASE_INSENSITIVE_ORDER))
                    .toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading containers of " + databaseId, e);
        }
    }

    /**
     * Each container's own provisioned throughput (manual RU/s, or the autoscale maximum). Containers
     * without one (serverless accounts, shared database throughput, or a service that does not serve
     * offers) are simply left out: no figure, no error.
     */
    private static Map<String, Integer> readThroughputs(CosmosAsyncDatabase database,
            List<CosmosContainerProperties> containers) {
        Map<String, Integer> figures = new ConcurrentHashMap<>();
        try {
            Flux.fromIterable(containers)
                    .flatMap(properties -> database.getContainer(properties.getId()).readThroughput()
                            .timeout(THROUGHPUT_TIMEOUT)
                            .doOnNext(response -> {
                                Integer figure = figureOf(response.getProperties());
                                if (figure != null) {
                                    figures.put(properties.getId(), figure);
                                }
                            })
                            .onErrorResume(error -> {
                                LOG.debug("No throughput for {}: {}", properties.getId(), error.toString());
                                return Mono.empty();
                            }), 4)
                    .then()
                    .block(THROUGHPUT_TIMEOUT.multipliedBy(2));
        } catch (RuntimeException e) {
            LOG.debug("Throughput of containers in {} not read", database.getId(), e);
        }
        return figures;
    }

    private static Integer figureOf(ThroughputProperties properties) {
        if (properties == null) {
            return null;
        }
        Integer manual = properties.getManualThroughput();
        if (manual != null && manual > 0) {
            return manual;
        }
        int autoscale = properties.getAutoscaleMaxThroughput();
        return autoscale > 0 ? autoscale : null;
    }

    static ContainerInfo toInfo(String databaseId, CosmosContainerProperties properties) {
        return toInfo(databaseId, properties, null);
    }

    static ContainerInfo toInfo(String databaseId, CosmosContainerProperties properties, Integer throughput) {
        PartitionKeyDefinition key = properties.getPartitionKeyDefinition();
        List<String> paths = key == null || key.getPaths() == null ? List.of() : List.copyOf(key.getPaths());
        boolean hierarchical = key != null && key.getKind() == PartitionKind.MULTI_HASH;
        return new ContainerInfo(new ContainerRef(databaseId, properties.getId()), paths, hierarchical, throughput);
    }

    /** The ids of a container's stored procedures, triggers or user-defined functions, sorted. */
    public List<String> readScriptIds(CosmosConnection connection, ContainerRef ref, ScriptKind kind) {
        try {
            com.azure.cosmos.CosmosAsyncScripts scripts = connection.client().getDatabase(ref.databaseId())
                    .getContainer(ref.containerId()).getScripts();
            Flux<String> ids = switch (kind) {
                case STORED_PROCEDURE -> scripts.readAllStoredProcedures()
                        .map(com.azure.cosmos.models.CosmosStoredProcedureProperties::getId);
                case TRIGGER -> scripts.readAllTriggers().map(com.azure.cosmos.models.CosmosTriggerProperties::getId);
                case USER_DEFINED_FUNCTION -> scripts.readAllUserDefinedFunctions()
                        .map(com.azure.cosmos.models.CosmosUserDefinedFunctionProperties::getId);
            };
            List<String> list = ids.collectList().block();
            return list == null ? List.of() : list.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the " + kind.groupLabel().toLowerCase(java.util.Locale.ROOT) + " of " + ref, e);
        }
    }
}
