package io.cosmosdesk.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.CosmosStoredProcedureProperties;
import com.azure.cosmos.models.CosmosStoredProcedureRequestOptions;
import com.azure.cosmos.models.CosmosTriggerProperties;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.ThroughputProperties;
import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Databases, containers, throughput, stored procedures and triggers. */
@ExtendWith(CosmosServerExtension.class)
class ResourcesIT {

    @Test
    void databaseCrud(CosmosAsyncClient client) {
        String id = CosmosTestData.uniqueName("db");
        assertThat(client.createDatabase(id).block().getProperties().getId()).isEqualTo(id);
        assertThatThrownBy(() -> client.createDatabase(id).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThat(client.readAllDatabases().map(CosmosDatabaseProperties::getId).collectList().block()).contains(id);
        assertThat(client.getDatabase(id).read().block().getProperties().getId()).isEqualTo(id);

        client.getDatabase(id).delete().block();
        assertThatThrownBy(() -> client.getDatabase(id).read().block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void containerCrudAndThroughput(CosmosTestData data) {
        CosmosAsyncDatabase database = data.createDatabase();
        String id = CosmosTestData.uniqueName("coll");
        CosmosContainerProperties properties = new CosmosContainerProperties(id, "/tenant");
        properties.setDefaultTimeToLiveInSeconds(3600);
        database.createContainer(properties, ThroughputProperties.createManualThroughput(600)).block();
        assertThatThrownBy(() -> database.createContainer(new CosmosContainerProperties(id, "/tenant")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

        CosmosAsyncContainer container = database.getContainer(id);
        CosmosContainerProperties read = container.read().block().getProperties();
        assertThat(read.getPartitionKeyDefinition().getPaths()).containsExactly("/tenant");
        assertThat(read.getDefaultTimeToLiveInSeconds()).isEqualTo(3600);
        assertThat(database.readAllContainers().map(CosmosContainerProperties::getId).collectList().block())
                .containsExactly(id);

        assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(600);
        container.replaceThroughput(ThroughputProperties.createManualThroughput(1000)).block();
        assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(1000);

        read.setDefaultTimeToLiveInSeconds(60);
        container.replace(read).block();
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isEqualTo(60);

        container.delete().block();
        assertThatThrownBy(() -> container.read().block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void containerWithoutExplicitThroughputHasTheMinimum(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(400);
    }

    @Test
    void storedProceduresAndTriggersCanBeStoredAndListed(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        String body = "function () { getContext().getResponse().setBody('hi'); }";
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("hello", body)).block();
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("bye", body)).block();
        assertThatThrownBy(() -> container.getScripts()
                .createStoredProcedure(new CosmosStoredProcedureProperties("hello", body)).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

        List<String> sprocs = container.getScripts().readAllStoredProcedures()
                .map(CosmosStoredProcedureProperties::getId).collectList().block();
        assertThat(sprocs).containsExactlyInAnyOrder("hello", "bye");
        assertThat(container.getScripts().getStoredProcedure("hello").read().block().getProperties().getBody())
                .isEqualTo(body);
        container.getScripts().getStoredProcedure("bye").delete().block();
        assertThat(container.getScripts().readAllStoredProcedures().collectList().block()).hasSize(1);

        // executed since issue 18 (ScriptsIT covers execution in depth)
        assertThat(container.getScripts().getStoredProcedure("hello")
                .execute(List.of(), new CosmosStoredProcedureRequestOptions().setPartitionKey(new PartitionKey("a")))
                .block().getResponseAsString()).isEqualTo("\"hi\"");

        CosmosTriggerProperties trigger = new CosmosTriggerProperties("stamp", "function () { }");
        trigger.setTriggerType(TriggerType.PRE);
        trigger.setTriggerOperation(TriggerOperation.CREATE);
        container.getScripts().createTrigger(trigger).block();
        assertThat(container.getScripts().readAllTriggers().map(CosmosTriggerProperties::getId).collectList().block())
                .containsExactly("stamp");
        CosmosTriggerProperties readTrigger = container.getScripts().getTrigger("stamp").read().block().getProperties();
        assertThat(readTrigger.getTriggerType()).isEqualTo(TriggerType.PRE);
        container.getScripts().getTrigger("stamp").delete().block();
        assertThat(container.getScripts().readAllTriggers().collectList().block()).isEmpty();
    }
}
