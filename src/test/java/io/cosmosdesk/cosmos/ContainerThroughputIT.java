package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ThroughputProperties;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tree shows a container's own throughput where the account serves it, and no figure (no error) otherwise. */
@ExtendWith(CosmosServerExtension.class)
class ContainerThroughputIT {

    @Test
    void provisionedContainersShowTheirFigureOthersNone(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncDatabase database = data.createDatabase();
        database.createContainer(new CosmosContainerProperties("provisioned", "/pk"),
                ThroughputProperties.createManualThroughput(600)).block();
        database.createContainer(new CosmosContainerProperties("plain", "/pk")).block();
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint()), client);

        List<ContainerInfo> containers = new ResourceService().readContainers(connection, database.getId());

        assertThat(containers).extracting(info -> info.ref().containerId()).containsExactly("plain", "provisioned");
        ContainerInfo provisioned = containers.get(1);
        assertThat(provisioned.throughput()).isEqualTo(600);
        assertThat(provisioned.partitionKeyPaths()).containsExactly("/pk");
    }
}
