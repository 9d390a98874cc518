package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.sandbox.LocalCosmosServer.Fault;
import io.cosmosdesk.sandbox.LocalCosmosServer.FaultMode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Esc on a run against the local server: the run stops without ending, and goes on from the pages kept, with no page
 * lost or shown twice, whether the stop came between pages, during Load all, or while a page was still on its way.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryRunStopIT {

    private final QueryService service = new QueryService();

    private static ContainerHandle items(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 40, n -> JsonNodeFactory.instance.objectNode()
                .put("id", "o" + n).put("customerId", "cust-" + (n % 4)).put("n", n));
        return QueryServiceIT.handle(client, server, container, List.of("/customerId"));
    }

    private static QueryRequest request(ContainerHandle handle) {
        return new QueryRequest(handle, "SELECT VALUE c.id FROM c", List.of(), QueryScope.crossPartition(), 6, false);
    }

    private static List<String> ids(QueryPage page) {
        return page.results().stream().map(r -> r.json().asText()).toList();
    }

    private List<String> everyId(QueryRequest request) {
        List<String> ids = new ArrayList<>();
        try (QueryRun run = service.open(request, QueryGuards.DEFAULTS)) {
            while (run.hasMore()) {
                ids.addAll(ids(run.next()));
            }
        }
        return ids;
    }

    @Test
    void aRunStoppedBetweenPagesOrDuringLoadAllGoesOnFromThePagesKept(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = items(client, server, data);
        List<String> expected = everyId(request(handle));
        assertThat(expected).hasSize(40);

        List<String> kept = new ArrayList<>();
        try (QueryRun run = service.open(request(handle), QueryGuards.DEFAULTS)) {
            QueryPage first = run.next();
            kept.addAll(ids(first));
            QueryTotals afterFirst = run.totals();
            QueryPage notTaken = run.next(); // read as the user pressed Esc: never shown
            run.stop(afterFirst);
            assertThat(run.hasMore()).isTrue();
            QueryPage again = run.next();
            assertThat(again.number()).isEqualTo(2);
            assertThat(again.firstIndex()).isEqualTo(6);
            assertThat(ids(again)).isEqualTo(ids(notTaken));
            kept.addAll(ids(again));
            assertThat(run.totals().pages()).isEqualTo(2);
            assertThat(run.totals().results()).isEqualTo(12);

            // Load all (read-ahead stream) stopped after two more pages, the second of them not taken
            List<QueryPage> loaded = new ArrayList<>();
            QueryTotals[] keptTotals = {run.totals()};
            boolean[] stopped = {false};
            run.readRest(update -> {
                if (update instanceof QueryPage page) {
                    loaded.add(page);
                    if (loaded.size() == 1) {
                        keptTotals[0] = keptTotals[0].plus(page);
                    } else {
                        run.stop(keptTotals[0]);
                        stopped[0] = true;
                    }
                }
            }, () -> stopped[0]);
            kept.addAll(ids(loaded.get(0)));
            assertThat(run.hasMore()).isTrue();
            QueryPage resumed = run.next();
            assertThat(resumed.number()).isEqualTo(4);
            assertThat(resumed.firstIndex()).isEqualTo(3L * 6);
            kept.addAll(ids(resumed));
            while (run.hasMore()) {
                kept.addAll(ids(run.next()));
            }
            assertThat(run.totals().results()).isEqualTo(40);
        }
        assertThat(kept).containsExactlyElementsOf(expected);
    }

    @Test
    void aStopWhileTheFirstPageIsOnItsWayEndsTheWaitAndTheRunCanStillReadIt(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        ContainerHandle handle = items(client, server, data);
        List<String> expected = everyId(request(handle));
        QueryRun run = service.open(request(handle), QueryGuards.DEFAULTS);
        server.clearRecentRequests();
        server.setFault(Fault.of(FaultMode.TIMEOUT, 1).onMethods("POST")
                .onPathsContaining("/colls/" + handle.ref().containerId() + "/docs"));
        try {
            CompletableFuture<QueryPage> waiting = CompletableFuture.supplyAsync(run::next);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.recentRequests().stream().noneMatch(r -> r.fault() != null) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waiting).isNotDone();
            run.stop(QueryTotals.NONE);
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
        } finally {
            server.clearFaults();
        }
        assertThat(run.hasMore()).isTrue();
        List<String> read = new ArrayList<>();
        QueryPage first = run.next();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.metrics().present()).isTrue(); // still the run's first page, which asks for metrics
        read.addAll(ids(first));
        while (run.hasMore()) {
            read.addAll(ids(run.next()));
        }
        run.close();
        assertThat(read).containsExactlyElementsOf(expected);
    }
}
