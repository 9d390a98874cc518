package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosBulkPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/**
 * Partial document update (patch) through the SDK, with the semantics of the service's documentation: each
 * operation on objects and arrays (indices and "-"), what fails on a missing path (400), the filter predicate
 * (412 when the item does not match), If-Match, bulk and transactional batch.
 */
@ExtendWith(CosmosServerExtension.class)
class PatchOperationsIT {

    private static final PartitionKey A = new PartitionKey("a");

    private CosmosAsyncContainer container;

    @BeforeEach
    void createContainer(CosmosTestData data) {
        container = data.createContainer("/pk");
        container.createItem(item("id", "p", "pk", "a", "count", 1, "status", "Open", "customerId", "C-1",
                "tags", List.of("x", "y"), "address", Map.of("city", "Oslo"), "price", 2.5)).block();
    }

    private ObjectNode patch(CosmosPatchOperations operations) {
        return container.patchItem("p", A, operations, ObjectNode.class).block().getItem();
    }

    private ObjectNode patch(CosmosPatchOperations operations, CosmosPatchItemRequestOptions options) {
        return container.patchItem("p", A, operations, options, ObjectNode.class).block().getItem();
    }

    private static void assertStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(status));
    }

    @Test
    void setCreatesOrReplacesAndUpdatesAnArrayElement() {
        ObjectNode patched = patch(CosmosPatchOperations.create()
                .set("/address/zip", "0150")
                .set("/status", "Closed")
                .set("/tags/0", "first"));
        assertThat(patched.at("/address/zip").asText()).isEqualTo("0150");
        assertThat(patched.get("status").asText()).isEqualTo("Closed");
        assertThat(patched.get("tags").toString()).isEqualTo("[\"first\",\"y\"]");
    }

    @Test
    void addInsertsIntoArraysAtAnIndexOrAtTheEnd() {
        ObjectNode patched = patch(CosmosPatchOperations.create()
                .add("/tags/1", "between")
                .add("/tags/-", "last")
                .add("/tags/4", "appended")
                .add("/address/street", "Karl Johans gate"));
        assertThat(patched.get("tags").toString()).isEqualTo("[\"x\",\"between\",\"y\",\"last\",\"appended\"]");
        assertThat(patched.at("/address/street").asText()).isEqualTo("Karl Johans gate");
        assertStatus(() -> patch(CosmosPatchOperations.create().add("/tags/9", "far")), 400);
    }

    @Test
    void replaceAndRemoveFailOnAMissingPath() {
        ObjectNode patched = patch(CosmosPatchOperations.create().replace("/tags/1", "z").remove("/tags/0")
                .remove("/address/city"));
        assertThat(patched.get("tags").toString()).isEqualTo("[\"z\"]");
        assertThat(patched.get("address").size()).isZero();

        assertStatus(() -> patch(CosmosPatchOperations.create().replace("/absent", 1)), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().remove("/absent")), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().remove("/tags/5")), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().replace("/missing/deeper", 1)), 400);
        // a failed operation applies nothing, not even the operations before it
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/first", 1).remove("/absent")), 400);
        assertThat(container.readItem("p", A, ObjectNode.class).block().getItem().has("first")).isFalse();
    }

    @Test
    void incrementAddsToNumbersAndCreatesAMissingField() {
        ObjectNode patched = patch(CosmosPatchOperations.create().increment("/count", 4).increment("/price", 0.5)
                .increment("/visits", 1L));
        assertThat(patched.get("count").asLong()).isEqualTo(5);
        assertThat(patched.get("price").asDouble()).isEqualTo(3.0);
        assertThat(patched.get("visits").asLong()).isEqualTo(1);

        assertStatus(() -> patch(CosmosPatchOperations.create().increment("/status", 1)), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().increment("/nowhere/count", 1)), 400);
    }

    @Test
    void moveTakesAValueToAnotherPath() {
        ObjectNode patched = patch(CosmosPatchOperations.create().move("/address/city", "/city"));
        assertThat(patched.get("city").asText()).isEqualTo("Oslo");
        assertThat(patched.get("address").has("city")).isFalse();

        assertStatus(() -> patch(CosmosPatchOperations.create().move("/absent", "/other")), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().move("/address", "/address/inner")), 400);
    }

    @Test
    void systemPropertiesAndThePartitionKeyCannotBePatched() {
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/_etag", "x")), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/pk", "b")), 400);
        assertStatus(() -> patch(CosmosPatchOperations.create().remove("/pk")), 400);
    }

    @Test
    void moreThanTenOperationsAreRejected() {
        CosmosPatchOperations many = CosmosPatchOperations.create();
        for (int i = 0; i < 11; i++) {
            many.set("/f" + i, i);
        }
        assertStatus(() -> patch(many), 400);
    }

    @Test
    void theFilterPredicateDecidesWithTheItemsOwnCaseAndValues() {
        CosmosPatchItemRequestOptions open = new CosmosPatchItemRequestOptions()
                .setFilterPredicate("FROM c WHERE c.status = 'Open' AND c.customerId = 'C-1'");
        assertThat(patch(CosmosPatchOperations.create().set("/seen", true), open).get("seen").asBoolean()).isTrue();

        CosmosPatchItemRequestOptions closed = new CosmosPatchItemRequestOptions()
                .setFilterPredicate("from c where c.status = 'Closed'");
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/seen", false), closed), 412);

        // a literal that merely contains the word "select" is a condition like any other
        CosmosPatchItemRequestOptions selected = new CosmosPatchItemRequestOptions()
                .setFilterPredicate("FROM c WHERE c.status = 'selected'");
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/seen", false), selected), 412);

        CosmosPatchItemRequestOptions broken = new CosmosPatchItemRequestOptions()
                .setFilterPredicate("FROM c WHERE c.status = ");
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/seen", false), broken), 400);
    }

    @Test
    void theFilterPredicateLooksAtTheItemInItsOwnPartitionOnly() {
        container.createItem(item("id", "p", "pk", "b", "status", "Closed")).block();
        CosmosPatchItemRequestOptions closed = new CosmosPatchItemRequestOptions()
                .setFilterPredicate("FROM c WHERE c.status = 'Closed'");
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/seen", true), closed), 412);
    }

    @Test
    void ifMatchRefusesAChangedItem() {
        String etag = container.readItem("p", A, ObjectNode.class).block().getETag();
        patch(CosmosPatchOperations.create().set("/n", 1));
        CosmosPatchItemRequestOptions ifMatch = new CosmosPatchItemRequestOptions();
        ifMatch.setIfMatchETag(etag);
        assertStatus(() -> patch(CosmosPatchOperations.create().set("/n", 2), ifMatch), 412);
        assertStatus(() -> container.patchItem("absent", A, CosmosPatchOperations.create().set("/n", 1),
                ObjectNode.class).block(), 404);
    }

    @Test
    void bulkPatchHonoursIfMatchAndTheFilterPredicatePerItem() {
        container.createItem(item("id", "q", "pk", "a", "status", "Closed")).block();
        String stale = container.readItem("p", A, ObjectNode.class).block().getETag();
        patch(CosmosPatchOperations.create().set("/n", 1));
        String current = container.readItem("q", A, ObjectNode.class).block().getETag();

        CosmosPatchOperations operations = CosmosPatchOperations.create().set("/bulk", true).increment("/count", 1);
        List<CosmosItemOperation> bulk = List.of(
                CosmosBulkOperations.getPatchItemOperation("p", A, operations,
                        new CosmosBulkPatchItemRequestOptions().setIfMatchETag(stale)),
                CosmosBulkOperations.getPatchItemOperation("q", A, operations,
                        new CosmosBulkPatchItemRequestOptions().setIfMatchETag(current)
                                .setFilterPredicate("FROM c WHERE c.status = 'Closed'")),
                CosmosBulkOperations.getPatchItemOperation("q", A, CosmosPatchOperations.create().remove("/absent")));
        List<CosmosBulkOperationResponse<Object>> responses = container.executeBulkOperations(Flux.fromIterable(bulk))
                .collectList().block();
        Map<CosmosItemOperation, Integer> status = new java.util.IdentityHashMap<>();
        responses.forEach(r -> status.put(r.getOperation(), r.getResponse().getStatusCode()));
        assertThat(status.get(bulk.get(0))).isEqualTo(412);
        assertThat(status.get(bulk.get(1))).isEqualTo(200);
        assertThat(status.get(bulk.get(2))).isEqualTo(400);
        ObjectNode q = container.readItem("q", A, ObjectNode.class).block().getItem();
        assertThat(q.get("bulk").asBoolean()).isTrue();
        assertThat(q.get("count").asLong()).isEqualTo(1);
    }

    @Test
    void aTransactionalBatchOfPatchesIsAllOrNothing() {
        container.createItem(item("id", "q", "pk", "a", "status", "Closed")).block();
        CosmosBatch batch = CosmosBatch.createCosmosBatch(A);
        batch.patchItemOperation("p", CosmosPatchOperations.create().set("/batched", true));
        batch.patchItemOperation("q", CosmosPatchOperations.create().set("/batched", true),
                new CosmosBatchPatchItemRequestOptions().setFilterPredicate("FROM c WHERE c.status = 'Open'"));
        CosmosBatchResponse failed = container.executeCosmosBatch(batch).block();
        assertThat(failed.isSuccessStatusCode()).isFalse();
        assertThat(failed.getResults().get(1).getStatusCode()).isEqualTo(412);
        assertThat(container.readItem("p", A, ObjectNode.class).block().getItem().has("batched")).isFalse();

        CosmosBatch good = CosmosBatch.createCosmosBatch(A);
        good.patchItemOperation("p", CosmosPatchOperations.create().set("/batched", true));
        good.patchItemOperation("q", CosmosPatchOperations.create().set("/batched", true),
                new CosmosBatchPatchItemRequestOptions().setFilterPredicate("FROM c WHERE c.status = 'Closed'"));
        assertThat(container.executeCosmosBatch(good).block().isSuccessStatusCode()).isTrue();
        assertThat(container.readItem("q", A, ObjectNode.class).block().getItem().get("batched").asBoolean())
                .isTrue();
    }
}
