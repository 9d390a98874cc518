package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** Transactional batches (all or nothing within one partition) and bulk execution. */
@ExtendWith(CosmosServerExtension.class)
class BatchAndBulkIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void createContainer(CosmosTestData data) {
        container = data.createContainer("/pk");
    }

    private List<String> idsInPartition(String pk) {
        return container.queryItems("SELECT VALUE c.id FROM c",
                new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(pk)), String.class).collectList().block();
    }

    @Test
    void batchAppliesEveryOperation() {
        container.createItem(item("id", "existing", "pk", "a", "v", 1)).block();
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey("a"));
        batch.createItemOperation(item("id", "b1", "pk", "a"));
        batch.upsertItemOperation(item("id", "b2", "pk", "a"));
        batch.replaceItemOperation("existing", item("id", "existing", "pk", "a", "v", 2));
        batch.patchItemOperation("existing", CosmosPatchOperations.create().increment("/v", 10));
        batch.readItemOperation("b1");
        CosmosBatchResponse response = container.executeCosmosBatch(batch).block();

        assertThat(response.isSuccessStatusCode()).isTrue();
        assertThat(response.getResults()).hasSize(5);
        assertThat(response.getResults().get(0).getStatusCode()).isEqualTo(201);
        assertThat(response.getResults().get(4).getItem(ObjectNode.class).get("id").asText()).isEqualTo("b1");
        assertThat(idsInPartition("a")).containsExactlyInAnyOrder("existing", "b1", "b2");
        assertThat(container.readItem("existing", new PartitionKey("a"), ObjectNode.class).block()
                .getItem().get("v").asInt()).isEqualTo(12);
    }

    @Test
    void aFailingOperationRollsBackTheWholeBatch() {
        container.createItem(item("id", "taken", "pk", "a", "v", 1)).block();
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey("a"));
        batch.createItemOperation(item("id", "new1", "pk", "a"));
        batch.replaceItemOperation("taken", item("id", "taken", "pk", "a", "v", 2));
        batch.createItemOperation(item("id", "taken", "pk", "a"));   // 409: already exists
        batch.createItemOperation(item("id", "new2", "pk", "a"));
        CosmosBatchResponse response = container.executeCosmosBatch(batch).block();

        assertThat(response.isSuccessStatusCode()).isFalse();
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getResults()).extracting(r -> r.getStatusCode()).containsExactly(424, 424, 409, 424);
        assertThat(idsInPartition("a")).containsExactly("taken");
        assertThat(container.readItem("taken", new PartitionKey("a"), ObjectNode.class).block()
                .getItem().get("v").asInt()).isEqualTo(1);
    }

    @Test
    void batchOperationsMustStayInTheBatchPartition() {
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey("a"));
        batch.createItemOperation(item("id", "ok", "pk", "a"));
        batch.createItemOperation(item("id", "elsewhere", "pk", "b"));
        CosmosBatchResponse response = container.executeCosmosBatch(batch).block();
        assertThat(response.isSuccessStatusCode()).isFalse();
        assertThat(idsInPartition("a")).isEmpty();
        assertThat(idsInPartition("b")).isEmpty();
    }

    private static String idOf(CosmosItemOperation operation) {
        Object item = operation.getItem();
        return item instanceof ObjectNode node ? node.get("id").asText() : operation.getId();
    }

    @Test
    void bulkReportsEachOperation() {
        container.createItem(item("id", "dup", "pk", "p1")).block();
        Flux<CosmosItemOperation> operations = Flux.just(
                CosmosBulkOperations.getCreateItemOperation(item("id", "n1", "pk", "p1"), new PartitionKey("p1")),
                CosmosBulkOperations.getCreateItemOperation(item("id", "n2", "pk", "p2"), new PartitionKey("p2")),
                CosmosBulkOperations.getCreateItemOperation(item("id", "dup", "pk", "p1"), new PartitionKey("p1")),
                CosmosBulkOperations.getUpsertItemOperation(item("id", "n3", "pk", "p3"), new PartitionKey("p3")),
                CosmosBulkOperations.getDeleteItemOperation("missing", new PartitionKey("p1")));
        List<CosmosBulkOperationResponse<Object>> responses = container.executeBulkOperations(operations).collectList().block();

        assertThat(responses).hasSize(5);
        assertThat(responses).extracting(r -> idOf(r.getOperation()) + "=" + r.getResponse().getStatusCode())
                .containsExactlyInAnyOrder("n1=201", "n2=201", "dup=409", "n3=201", "missing=404");
        assertThat(idsInPartition("p2")).containsExactly("n2");
        assertThatThrownBy(() -> container.readItem("n9", new PartitionKey("p1"), ObjectNode.class).block())
                .isInstanceOf(CosmosException.class);
    }
}
