package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.RecordedRequest;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** The Items tab's page stream against the local server: one query execution, one page per pull, disposable. */
@ExtendWith(CosmosServerExtension.class)
class ItemPageStreamIT {

    private final ItemQueryService service = new ItemQueryService(io.cosmosdesk.testing.TestAudit.writes());

    private static ContainerHandle seeded(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data,
            int total) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        Flux<CosmosItemOperation> operations = Flux.fromStream(IntStream.range(0, total).mapToObj(i ->
                CosmosBulkOperations.getCreateItemOperation(JsonNodeFactory.instance.objectNode()
                        .put("id", "i" + i).put("pk", "p" + (i % 7)).put("n", i), new PartitionKey("p" + (i % 7)))));
        container.executeBulkOperations(operations).blockLast();
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint()), client);
        return new ContainerHandle(connection, new ContainerInfo(
                new ContainerRef(container.getDatabase().getId(), container.getId()), List.of("/pk"), false, null));
    }

    private static boolean isTrue(RecordedRequest request, String header) {
        return request.headers() != null && "true".equalsIgnoreCase(request.headers().get(header));
    }

    /** Query requests for the container's documents: {plans, pages}. */
    private static int[] queryRequests(LocalCosmosServer server, ContainerHandle handle) {
        int plans = 0;
        int pages = 0;
        for (RecordedRequest request : server.recentRequests()) {
            if (request.path() == null || !request.path().contains("/colls/" + handle.ref().containerId() + "/docs")) {
                continue;
            }
            if (isTrue(request, "x-ms-cosmos-is-query-plan-request")) {
                plans++;
            } else if (isTrue(request, "x-ms-documentdb-isquery")) {
                pages++;
            }
        }
        return new int[] {plans, pages};
    }

    @Test
    void yieldsTheSameRowsAndTokensAsPagingWithContinuationTokens(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = seeded(client, server, data, 230);
        List<ItemQuery> queries = List.of(ItemQuery.all(),
                ItemQuery.all().withSort(new ItemQuery.Sort(JsonPath.parse("/n"), true)),
                ItemQuery.filtered("WHERE c.n >= 40 AND c.n < 130"));
        for (ItemQuery query : queries) {
            List<String> byToken = new ArrayList<>();
            String token = null;
            do {
                ItemPage page = service.queryItemsPage(handle, query, token, 25);
                page.items().forEach(row -> byToken.add(row.id()));
                token = page.continuationToken();
            } while (token != null);

            List<String> streamed = new ArrayList<>();
            try (ItemPageStream stream = service.openItemPages(handle, query, null, 25)) {
                ItemPage page;
                do {
                    page = stream.next();
                    assertThat(page.items().size()).isLessThanOrEqualTo(25);
                    if (page.hasMore()) {
                        assertThat(page.items()).as("a page with a continuation has items").isNotEmpty();
                        assertThat(page.requestCharge()).isPositive();
                    }
                    page.items().forEach(row -> streamed.add(row.id()));
                    assertThat(stream.continuationToken()).isEqualTo(page.continuationToken());
                } while (page.hasMore());
                assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class);
            }
            assertThat(streamed).as(query.describe()).containsExactlyElementsOf(byToken);

            List<String> readAhead = new ArrayList<>();
            try (ItemPageStream stream = service.openItemPages(handle, query, null, 25)) {
                stream.readAhead();
                ItemPage page;
                do {
                    page = stream.next();
                    page.items().forEach(row -> readAhead.add(row.id()));
                    assertThat(stream.continuationToken()).isEqualTo(page.continuationToken());
                } while (page.hasMore());
            }
            assertThat(readAhead).as("read ahead: " + query.describe()).containsExactlyElementsOf(byToken);
        }
    }

    @Test
    void aStreamsTokenIsWherePagingCarriesOnAfterItStops(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = seeded(client, server, data, 100);
        List<String> ids = new ArrayList<>();
        String token;
        try (ItemPageStream stream = service.openItemPages(handle, ItemQuery.all(), null, 30)) {
            stream.next().items().forEach(row -> ids.add(row.id()));
            stream.next().items().forEach(row -> ids.add(row.id()));
            token = stream.continuationToken();
        }
        try (ItemPageStream rest = service.openItemPages(handle, ItemQuery.all(), token, 30)) {
            ItemPage page;
            do {
                page = rest.next();
                page.items().forEach(row -> ids.add(row.id()));
            } while (page.hasMore());
        }
        assertThat(ids).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void onlyThePagesPulledAreRequestedNotTheWholeQueryAndNothingAfterClose(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) throws InterruptedException {
        int pages = 100;
        ContainerHandle handle = seeded(client, server, data, pages * 5);
        server.clearRecentRequests();
        ItemPageStream stream = service.openItemPages(handle, ItemQuery.all(), null, 5);
        assertThat(queryRequests(server, handle)).as("nothing is sent before the first pull").containsExactly(0, 0);

        for (int i = 0; i < 3; i++) {
            assertThat(stream.next().items()).hasSize(5);
        }
        // an SDK page stream left open keeps reading ahead in the background (all 100 pages here): wait until
        // the requests have settled, then check only the pages pulled were asked for
        int[] settled = queryRequests(server, handle);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            int[] now = queryRequests(server, handle);
            if (now[1] == settled[1]) {
                break;
            }
            settled = now;
        }
        assertThat(settled[0]).as("query plans: at most one per page").isLessThanOrEqualTo(3);
        assertThat(settled[1]).as("pages requested for 3 pulled (the SDK may ask one ahead per page)")
                .isBetween(3, 6);

        stream.close();
        assertThatThrownBy(stream::next).isInstanceOf(CancellationException.class);
        service.countItems(handle, ItemQuery.all()); // logged after anything the closed stream might still send
        assertThat(queryRequests(server, handle)[1]).as("the count's page, and no further page of the stream")
                .isEqualTo(settled[1] + 1);
    }

    @Test
    void closeEndsAPullThatIsStillWaiting(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        ContainerHandle handle = seeded(client, server, data, 20);
        ItemPageStream stream = service.openItemPages(handle, ItemQuery.all(), null, 5);
        server.clearRecentRequests();
        server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.TIMEOUT, 1)
                .onMethods("POST").onPathsContaining("/colls/" + handle.ref().containerId() + "/docs"));
        try {
            CompletableFuture<ItemPage> waiting = CompletableFuture.supplyAsync(stream::next);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.recentRequests().stream().noneMatch(r -> r.fault() != null) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waiting).isNotDone();
            stream.close();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
        } finally {
            server.clearFaults();
        }
    }
}
