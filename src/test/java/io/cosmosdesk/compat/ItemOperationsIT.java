package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Point operations on items, with the status codes and system properties the service gives. */
@ExtendWith(CosmosServerExtension.class)
class ItemOperationsIT {

    private static final int TWO_MB = 2 * 1024 * 1024;

    private CosmosAsyncContainer container;

    @BeforeEach
    void createContainer(CosmosTestData data) {
        container = data.createContainer("/pk");
    }

    @Test
    void createReadReplaceUpsertDelete() {
        CosmosItemResponse<ObjectNode> created = container.createItem(item("id", "1", "pk", "a", "n", 1)).block();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getItem().get("_ts").asLong()).isPositive();
        assertThat(created.getItem().get("_etag").asText()).isEqualTo(created.getETag());

        ObjectNode read = container.readItem("1", new PartitionKey("a"), ObjectNode.class).block().getItem();
        assertThat(read.get("n").asInt()).isEqualTo(1);

        CosmosItemResponse<ObjectNode> replaced =
                container.replaceItem(item("id", "1", "pk", "a", "n", 2), "1", new PartitionKey("a")).block();
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(replaced.getItem().get("n").asInt()).isEqualTo(2);

        CosmosItemResponse<ObjectNode> upsertedExisting = container.upsertItem(item("id", "1", "pk", "a", "n", 3)).block();
        assertThat(upsertedExisting.getStatusCode()).isEqualTo(200);
        CosmosItemResponse<ObjectNode> upsertedNew = container.upsertItem(item("id", "2", "pk", "a", "n", 4)).block();
        assertThat(upsertedNew.getStatusCode()).isEqualTo(201);

        assertThat(container.deleteItem("1", new PartitionKey("a")).block().getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> container.readItem("1", new PartitionKey("a"), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void etagChangesOnEveryWrite() {
        String first = container.createItem(item("id", "e", "pk", "a")).block().getETag();
        String second = container.replaceItem(item("id", "e", "pk", "a", "v", 1), "e", new PartitionKey("a")).block().getETag();
        String third = container.upsertItem(item("id", "e", "pk", "a", "v", 2)).block().getETag();
        String fourth = container.patchItem("e", new PartitionKey("a"),
                CosmosPatchOperations.create().set("/v", 3), ObjectNode.class).block().getETag();
        assertThat(first).isNotBlank();
        assertThat(java.util.List.of(first, second, third, fourth)).doesNotHaveDuplicates();
    }

    @Test
    void readingAMissingItemIsNotFound() {
        assertThatThrownBy(() -> container.readItem("nope", new PartitionKey("a"), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> container.deleteItem("nope", new PartitionKey("a")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> container.replaceItem(item("id", "nope", "pk", "a"), "nope", new PartitionKey("a")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void readingAnItemOfAMissingContainerIsNotFound() {
        CosmosAsyncContainer missing = container.getDatabase().getContainer("no-such-container");
        assertThatThrownBy(() -> missing.readItem("1", new PartitionKey("a"), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void duplicateIdConflictsOnlyWithinItsPartition() {
        container.createItem(item("id", "dup", "pk", "a")).block();
        assertThatThrownBy(() -> container.createItem(item("id", "dup", "pk", "a")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

        CosmosItemResponse<ObjectNode> otherPartition = container.createItem(item("id", "dup", "pk", "b")).block();
        assertThat(otherPartition.getStatusCode()).isEqualTo(201);
        assertThat(container.readItem("dup", new PartitionKey("b"), ObjectNode.class).block().getItem().get("pk").asText())
                .isEqualTo("b");
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        String etag = container.createItem(item("id", "c", "pk", "a", "v", 0)).block().getETag();
        String newer = container.replaceItem(item("id", "c", "pk", "a", "v", 1), "c", new PartitionKey("a"),
                new CosmosItemRequestOptions().setIfMatchETag(etag)).block().getETag();

        CosmosItemRequestOptions stale = new CosmosItemRequestOptions().setIfMatchETag(etag);
        assertThatThrownBy(() -> container.replaceItem(item("id", "c", "pk", "a", "v", 2), "c", new PartitionKey("a"), stale).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThatThrownBy(() -> container.deleteItem("c", new PartitionKey("a"), stale).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));

        CosmosItemRequestOptions current = new CosmosItemRequestOptions().setIfMatchETag(newer);
        assertThat(container.deleteItem("c", new PartitionKey("a"), current).block().getStatusCode()).isEqualTo(204);
    }

    @Test
    void patchOperations() {
        container.createItem(item("id", "p", "pk", "a", "count", 1, "name", "old", "tags", java.util.List.of("x"),
                "gone", true)).block();
        CosmosPatchOperations ops = CosmosPatchOperations.create()
                .increment("/count", 5)
                .replace("/name", "new")
                .add("/tags/-", "y")
                .set("/added", "yes")
                .remove("/gone");
        ObjectNode patched = container.patchItem("p", new PartitionKey("a"), ops, ObjectNode.class).block().getItem();
        assertThat(patched.get("count").asInt()).isEqualTo(6);
        assertThat(patched.get("name").asText()).isEqualTo("new");
        assertThat(patched.get("tags")).hasSize(2);
        assertThat(patched.get("added").asText()).isEqualTo("yes");
        assertThat(patched.has("gone")).isFalse();

        assertThatThrownBy(() -> container.patchItem("p", new PartitionKey("a"),
                CosmosPatchOperations.create().replace("/absent", 1), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void itemsOverTwoMegabytesAreTooLarge() {
        String big = "x".repeat(TWO_MB + 1);
        assertThatThrownBy(() -> container.createItem(item("id", "big", "pk", "a", "blob", big)).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(413));
        assertThatThrownBy(() -> container.readItem("big", new PartitionKey("a"), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));

        String fits = "x".repeat(TWO_MB - 64 * 1024);
        assertThat(container.createItem(item("id", "fits", "pk", "a", "blob", fits)).block().getStatusCode())
                .isEqualTo(201);
        container.createItem(item("id", "grow", "pk", "a")).block();
        assertThatThrownBy(() -> container.replaceItem(item("id", "grow", "pk", "a", "blob", big), "grow",
                new PartitionKey("a")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(413));
    }
}
