package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.Fault;
import io.cosmosdesk.sandbox.LocalCosmosServer.FaultMode;
import io.cosmosdesk.sandbox.LocalCosmosServer.RecordedRequest;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local server's own switches: injected faults and the request log. */
@ExtendWith(CosmosServerExtension.class)
class LocalServerControlIT {

    @RegisterExtension
    final AfterEachCallback faults = CosmosServerExtension.clearingFaults();

    @Test
    void throttlingIsRetriedByTheSdk(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        server.clearRecentRequests();
        server.setFault(Fault.of(FaultMode.THROTTLE, 2).onMethods("POST").onPathsContaining("/docs"));

        assertThat(container.createItem(item("id", "1", "pk", "a")).block().getStatusCode()).isEqualTo(201);

        List<RecordedRequest> creates = server.recentRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/docs")).toList();
        assertThat(creates).extracting(RecordedRequest::status).containsExactly(429, 429, 201);
        assertThat(creates).extracting(RecordedRequest::fault).containsExactly("429", "429", null);
    }

    @Test
    void unavailableSurfacesAsAnError(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(item("id", "1", "pk", "a")).block();
        server.setFault(Fault.of(FaultMode.UNAVAILABLE, 20).onMethods("DELETE"));
        assertThatThrownBy(() -> container.deleteItem("1", new PartitionKey("a")).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        server.clearFaults();
        assertThat(container.readItem("1", new PartitionKey("a"), ObjectNode.class).block().getStatusCode()).isEqualTo(200);
    }

    /** The case journals exist for: the write is applied, and the answer is lost on the way back. */
    @Test
    void applyThenDropWritesTheItemButTheClientNeverHearsOfIt(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        server.clearRecentRequests();
        server.setFault(Fault.of(FaultMode.APPLY_THEN_DROP, 1).onMethods("POST").onPathsContaining("/docs"));

        assertThatThrownBy(() -> container.createItem(item("id", "1", "pk", "a", "n", 7)).block())
                .isInstanceOf(CosmosException.class);

        ObjectNode stored = container.readItem("1", new PartitionKey("a"), ObjectNode.class).block().getItem();
        assertThat(stored.get("n").asInt()).isEqualTo(7);
        List<RecordedRequest> creates = server.recentRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/docs")).toList();
        assertThat(creates.get(0).fault()).isEqualTo("applyThenDrop");
    }

    /**
     * The write is applied and its answer held while the client waits (the moment a kill -9 test stops a job): the
     * item is stored, the request log shows the status the answer would have had, and the client has heard nothing.
     */
    @Test
    void applyThenHoldWritesTheItemAndKeepsTheClientWaiting(LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/pk");
        server.clearRecentRequests();
        server.setFault(Fault.of(FaultMode.APPLY_THEN_HOLD, 1).onMethods("POST").onPathsContaining("/docs"));

        java.util.concurrent.CompletableFuture<Integer> answer = container.createItem(item("id", "1", "pk", "a", "n", 7))
                .map(response -> response.getStatusCode()).toFuture();

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        List<RecordedRequest> held = List.of();
        while (held.isEmpty() && System.nanoTime() < deadline) {
            held = server.recentRequests().stream()
                    .filter(r -> "applyThenHold".equals(r.fault()) && r.status() != null).toList();
            if (held.isEmpty()) {
                Thread.sleep(20); // polling the server's log until the held write shows, not a wait for time
            }
        }
        assertThat(held).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(201));
        ObjectNode stored = container.readItem("1", new PartitionKey("a"), ObjectNode.class).block().getItem();
        assertThat(stored.get("n").asInt()).isEqualTo(7);
        assertThat(answer).isNotDone();
        answer.cancel(true);
    }

    @Test
    void requestLogShowsTheAuthTypeButNeverTheSignature(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        server.clearRecentRequests();
        container.createItem(item("id", "1", "pk", "a")).block();
        container.readItem("1", new PartitionKey("a"), ObjectNode.class).block();

        List<RecordedRequest> requests = server.recentRequests();
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authType()).isEqualTo("master");
            assertThat(r.headers()).doesNotContainKey("authorization");
            assertThat(r.headers().values()).noneMatch(v -> v.contains("sig="));
        });
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).endsWith("/docs/1");
            assertThat(r.headers()).containsEntry("x-ms-documentdb-partitionkey", "[\"a\"]");
            assertThat(r.status()).isEqualTo(200);
        });
    }
}
