package io.cosmosdesk.cosmos;

import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKind;
import java.util.Comparator;
import java.util.List;

/** Reads the account's resources: databases and containers. Blocking; call through the TaskRunner. */
public class ResourceService {

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
            List<CosmosContainerProperties> containers = connection.client().getDatabase(databaseId)
                    .readAllContainers().collectList().block();
            return containers == null ? List.of() : containers.stream()
                    .map(properties -> toInfo(databaseId, properties))
                    .sorted(Comparator.comparing(info -> info.ref().containerId(), String.CASE_INSENSITIVE_ORDER))
                    .toList();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading containers of " + databaseId, e);
        }
    }

    static ContainerInfo toInfo(String databaseId, CosmosContainerProperties properties) {
        PartitionKeyDefinition key = properties.getPartitionKeyDefinition();
        List<String> paths = key == null || key.getPaths() == null ? List.of() : List.copyOf(key.getPaths());
        boolean hierarchical = key != null && key.getKind() == PartitionKind.MULTI_HASH;
        return new ContainerInfo(new ContainerRef(databaseId, properties.getId()), paths, hierarchical, null);
    }
}
