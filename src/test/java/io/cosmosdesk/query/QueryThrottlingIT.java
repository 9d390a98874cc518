package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 429 storm on the local server (its fault mode) through a connection as the app opens it: the query's own
 * client does not retry throttled requests, so the run retries them itself and tells each wait as it starts.
 */
@ExtendWith(CosmosServerExtension.class)
class QueryThrottlingIT {

    private final QueryService service = new QueryService();
    private CosmosConnection connection;
    private LocalCosmosServer server;

    private ContainerHandle orders(LocalCosmosServer local, CosmosTestData data) {
        this.server = local;
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 30, n -> JsonNodeFactory.instance.objectNode()
                .put("id", "o" + n).put("customerId", "cust-" + (n % 3)).put("n", n));
        connection = new CosmosClientFactory().open(ConnectionProfile.create("Local", AuthKind.EMULATOR,
                local.endpoint()), new Credentials.AccountKey(local.key()));
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef(container.getDatabase().getId(),
                container.getId()), List.of("/customerId"), false, null));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.clearFaults();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void eachRetryIsToldWhileTheRunWaitsAndThePageComesThrough(LocalCosmosServer local, CosmosTestData data) {
        ContainerHandle handle = orders(local, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c WHERE c.n < 10", List.of(),
                QueryScope.crossPartition(), 100, false);
        List<QueryThrottle> heard = new CopyOnWriteArrayList<>();
        List<Boolean> pageArrivedWhenTold = new CopyOnWriteArrayList<>();
        boolean[] delivered = {false};
        try (QueryRun run = service.open(request, new QueryGuards(5_000, Duration.ofSeconds(60), 9))) {
            run.onThrottled(throttle -> {
                heard.add(throttle);
                pageArrivedWhenTold.add(delivered[0]);
            });
            local.clearRecentRequests();
            local.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 3)
                    .onMethods("POST").onPathsContaining("/docs").retryAfter(Duration.ofMillis(200)));
            QueryPage page = run.next();
            delivered[0] = true;
            assertThat(page.results()).hasSize(10);
            assertThat(page.retries()).isEqualTo(3);
        }
        assertThat(heard).extracting(QueryThrottle::attempt).containsExactly(1, 2, 3);
        assertThat(heard).allSatisfy(throttle -> {
            assertThat(throttle.attempts()).isEqualTo(9);
            assertThat(throttle.describe()).matches("Throttled, retrying \\(\\d/9\\)…");
            assertThat(throttle.delay()).isEqualTo(Duration.ofMillis(200));
        });
        assertThat(pageArrivedWhenTold).containsOnly(false);
        assertThat(local.recentRequests()).filteredOn(r -> "429".equals(r.fault())
                && r.path().contains("/colls/" + handle.ref().containerId() + "/")).hasSize(3);
    }

    @Test
    void aStormLongerThanTheRetriesStopsWithASentence(LocalCosmosServer local, CosmosTestData data) {
        ContainerHandle handle = orders(local, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c", List.of(), QueryScope.crossPartition(),
                100, false);
        List<QueryThrottle> heard = new CopyOnWriteArrayList<>();
        try (QueryRun run = service.open(request, new QueryGuards(5_000, Duration.ofSeconds(60), 3))) {
            run.onThrottled(heard::add);
            local.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 50)
                    .onMethods("POST").onPathsContaining("/docs").retryAfter(Duration.ofMillis(50)));
            assertThatThrownBy(run::next).isInstanceOfSatisfying(QueryException.class, stopped -> {
                assertThat(stopped.reason()).isEqualTo(QueryException.Reason.THROTTLED);
                assertThat(stopped.userMessage()).isNotBlank().doesNotContain("Something went wrong");
            });
        }
        assertThat(heard).extracting(QueryThrottle::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void loadAllRetriesAThrottledStreamFromTheLastPageDelivered(LocalCosmosServer local, CosmosTestData data) {
        ContainerHandle handle = orders(local, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c", List.of(), QueryScope.crossPartition(),
                5, false);
        List<QueryThrottle> heard = new CopyOnWriteArrayList<>();
        int results = 0;
        try (QueryRun run = service.open(request, new QueryGuards(5_000, Duration.ofSeconds(60), 9))) {
            run.onThrottled(heard::add);
            results += run.next().results().size();
            run.readAhead(true);
            local.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 2)
                    .onMethods("POST").onPathsContaining("/docs").retryAfter(Duration.ofMillis(100)));
            while (run.hasMore()) {
                results += run.next().results().size();
            }
        }
        assertThat(results).isEqualTo(30);
        assertThat(heard).extracting(QueryThrottle::attempt).containsExactly(1, 2);
    }
}
