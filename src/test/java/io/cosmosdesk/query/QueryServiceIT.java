package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.Fault;
import io.cosmosdesk.sandbox.LocalCosmosServer.FaultMode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query tab's engine against the local server, through the real SDK. */
@ExtendWith(CosmosServerExtension.class)
class QueryServiceIT {

    private final QueryService service = new QueryService();

    static ContainerHandle handle(CosmosAsyncClient client, LocalCosmosServer server, CosmosAsyncContainer container,
            List<String> keyPaths) {
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint()), client);
        return new ContainerHandle(connection, new ContainerInfo(
                new ContainerRef(container.getDatabase().getId(), container.getId()), keyPaths, keyPaths.size() > 1,
                null));
    }

    /** 60 orders, 6 customers: n = 0..59, customerId cust-(n % 6), city by n % 3, tags, total n * 1.5. */
    private ContainerHandle orders(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 60, n -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "o" + n).put("customerId", "cust-" + (n % 6))
                    .put("n", n).put("total", n * 1.5).put("paid", n % 2 == 0);
            item.putObject("address").put("city", new String[] {"Oslo", "Lyon", "Porto"}[n % 3]);
            item.putArray("tags").add("t" + (n % 4));
            if (n % 10 == 0) {
                item.putNull("note");
            }
            return item;
        });
        return handle(client, server, container, List.of("/customerId"));
    }

    private List<JsonNode> all(QueryRequest request) {
        return all(request, QueryGuards.DEFAULTS);
    }

    private List<JsonNode> all(QueryRequest request, QueryGuards guards) {
        List<JsonNode> values = new ArrayList<>();
        try (QueryRun run = service.open(request, guards)) {
            while (run.hasMore()) {
                run.next().results().forEach(r -> values.add(r.json()));
            }
        }
        return values;
    }

    private static QueryRequest request(ContainerHandle handle, String text, QueryParameter... parameters) {
        return new QueryRequest(handle, text, List.of(parameters), QueryScope.crossPartition(), 100, false);
    }

    @Test
    void parametersOfEveryTypeAreSentAsParametersNotText(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        assertThat(all(request(handle, "SELECT VALUE c.n FROM c WHERE c.address.city = @city AND c.n < @max",
                new QueryParameter("@city", ParameterType.TEXT, "Lyon"),
                new QueryParameter("@max", ParameterType.NUMBER, "10"))))
                .extracting(JsonNode::asInt).containsExactlyInAnyOrder(1, 4, 7);
        assertThat(all(request(handle, "SELECT VALUE COUNT(1) FROM c WHERE c.paid = @paid",
                new QueryParameter("@paid", ParameterType.BOOLEAN, "true")))).extracting(JsonNode::asInt)
                .containsExactly(30);
        assertThat(all(request(handle, "SELECT VALUE c.id FROM c WHERE c.note = @nothing",
                new QueryParameter("@nothing", ParameterType.NULL, null)))).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("o0", "o10", "o20", "o30", "o40", "o50");
        assertThat(all(request(handle, "SELECT VALUE c.n FROM c WHERE ARRAY_CONTAINS(@ns, c.n)",
                new QueryParameter("@ns", ParameterType.JSON, "[3, 5, 99]")))).extracting(JsonNode::asInt)
                .containsExactlyInAnyOrder(3, 5);
        // a value that looks like SQL stays a value
        assertThat(all(request(handle, "SELECT * FROM c WHERE c.address.city = @city",
                new QueryParameter("@city", ParameterType.TEXT, "Lyon' OR 1=1 --")))).isEmpty();
        assertThat(all(request(handle, "SELECT VALUE c.n FROM c WHERE c.total = @t",
                new QueryParameter("@t", ParameterType.NUMBER, "4.5")))).extracting(JsonNode::asInt).containsExactly(3);
    }

    @Test
    void missingOrMistypedValuesAreRefusedBeforeAnythingIsSent(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        server.clearRecentRequests();
        assertThatThrownBy(() -> service.open(request(handle, "SELECT * FROM c WHERE c.n = @n",
                new QueryParameter("@n", ParameterType.NUMBER, "")), QueryGuards.DEFAULTS))
                .isInstanceOf(QueryInputException.class).hasMessage("Parameter @n has no value: type one, or set "
                        + "its type to null.");
        assertThatThrownBy(() -> service.open(request(handle, "SELECT * FROM c WHERE c.n = @n",
                new QueryParameter("@n", ParameterType.NUMBER, "ten")), QueryGuards.DEFAULTS))
                .isInstanceOf(QueryInputException.class).hasMessageContaining("\"ten\" is not one");
        assertThatThrownBy(() -> service.open(request(handle, "SELECT * FROM c WHERE c.n = @n",
                new QueryParameter("@n", ParameterType.JSON, "{oops")), QueryGuards.DEFAULTS))
                .isInstanceOf(QueryInputException.class).hasMessageStartingWith("Parameter @n is JSON, but its value "
                        + "is not valid JSON");
        assertThat(server.recentRequests()).noneMatch(r -> r.path() != null && r.path().endsWith("/docs"));
    }

    @Test
    void groupByProjectionsAndAggregates(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        List<JsonNode> groups = all(request(handle,
                "SELECT c.address.city AS city, COUNT(1) AS orders, SUM(c.n) AS sum, MIN(c.n) AS lo, MAX(c.n) AS hi "
                        + "FROM c GROUP BY c.address.city"));
        assertThat(groups).hasSize(3);
        JsonNode oslo = groups.stream().filter(g -> g.path("city").asText().equals("Oslo")).findFirst().orElseThrow();
        assertThat(oslo.path("orders").asInt()).isEqualTo(20);
        assertThat(oslo.path("sum").asInt()).isEqualTo(570); // 0 + 3 + ... + 57
        assertThat(oslo.path("lo").asInt()).isZero();
        assertThat(oslo.path("hi").asInt()).isEqualTo(57);

        List<JsonNode> projected = all(request(handle, "SELECT c.id, c.address.city FROM c WHERE c.n < 3"));
        assertThat(projected).hasSize(3).allSatisfy(p -> assertThat(p.size()).isEqualTo(2));

        assertThat(all(request(handle, "SELECT VALUE AVG(c.n) FROM c"))).extracting(JsonNode::asDouble)
                .containsExactly(29.5);
        assertThat(all(request(handle, "SELECT VALUE MAX(c.total) FROM c"))).extracting(JsonNode::asDouble)
                .containsExactly(88.5);
    }

    @Test
    void onePartitionScopeReadsOnlyThatPartition(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT VALUE c.n FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("cust-2")), 100, false);
        assertThat(all(request)).extracting(JsonNode::asInt).containsExactlyInAnyOrder(2, 8, 14, 20, 26, 32, 38, 44,
                50, 56);
        assertThat(request.scope().describe(handle.info().partitionKeyPaths())).isEqualTo("Partition \"cust-2\"");
    }

    @Test
    void aHierarchicalPrefixScopeReadsEveryPartitionStartingWithIt(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createHierarchicalContainer("/tenantId", "/deviceId", "/day");
        for (int n = 0; n < 24; n++) {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "r" + n).put("tenantId", "t" + (n % 2))
                    .put("deviceId", "d" + (n % 3)).put("day", "2026-12-0" + (1 + n % 4)).put("n", n);
            container.createItem(item).block();
        }
        ContainerHandle handle = handle(client, server, container, List.of("/tenantId", "/deviceId", "/day"));
        QueryRequest tenant = new QueryRequest(handle, "SELECT VALUE c.n FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("t1")), 100, false);
        server.clearRecentRequests();
        assertThat(all(tenant)).extracting(JsonNode::asInt).containsExactlyInAnyOrder(1, 3, 5, 7, 9, 11, 13, 15, 17,
                19, 21, 23);
        // the SDK scopes a prefix by effective partition key range, which the server now honours
        assertThat(server.recentRequests()).anyMatch(r -> r.headers().containsKey("x-ms-start-epk")
                && r.headers().containsKey("x-ms-end-epk"));
        assertThat(tenant.scope().describe(handle.info().partitionKeyPaths()))
                .isEqualTo("Partitions starting \"t1\" (/tenantId)");
        QueryRequest device = new QueryRequest(handle, "SELECT VALUE c.n FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("t1", "d2")), 100, false);
        assertThat(all(device)).extracting(JsonNode::asInt).containsExactlyInAnyOrder(5, 11, 17, 23);
        QueryRequest full = new QueryRequest(handle, "SELECT VALUE c.n FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("t1", "d2", "2026-12-02")), 100, false);
        assertThat(all(full)).extracting(JsonNode::asInt).containsExactlyInAnyOrder(5, 17);
    }

    @Test
    void pagesMetricsAndTotalsArePlausible(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c WHERE c.n >= 10", List.of(),
                QueryScope.crossPartition(), 20, true);
        try (QueryRun run = service.open(request, QueryGuards.DEFAULTS)) {
            run.metricsForEveryPage(true);
            QueryPage first = run.next();
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.results()).hasSize(20);
            assertThat(first.rangeLabel()).isEqualTo("1–20, more available");
            assertThat(first.requestCharge()).isPositive();
            assertThat(first.roundTrips()).isGreaterThanOrEqualTo(1);
            assertThat(first.activityId()).isNotBlank();
            QueryMetricsSummary metrics = first.metrics();
            assertThat(metrics.present()).isTrue();
            assertThat(metrics.outputDocumentCount()).isEqualTo(20);
            assertThat(metrics.retrievedDocumentCount()).isGreaterThanOrEqualTo(20);
            assertThat(metrics.outputDocumentSize()).isPositive();
            assertThat(metrics.totalExecutionTime()).isPositive();
            assertThat(first.indexAdvice().utilizedSingle()).contains("/n/?");

            QueryPage second = run.next();
            assertThat(second.firstIndex()).isEqualTo(20);
            assertThat(second.rangeLabel()).isEqualTo("21–40, more available");
            QueryPage third = run.next();
            assertThat(third.rangeLabel()).isEqualTo("41–50");
            assertThat(run.hasMore()).isFalse();
            QueryTotals totals = run.totals();
            assertThat(totals.pages()).isEqualTo(3);
            assertThat(totals.results()).isEqualTo(50);
            assertThat(totals.chargePerPage()).hasSize(3);
            assertThat(totals.requestCharge()).isEqualTo(first.requestCharge() + second.requestCharge()
                    + third.requestCharge());
            assertThat(totals.metrics().outputDocumentCount()).isEqualTo(50);
            assertThat(totals.metricsPages()).isEqualTo(3);
            assertThat(totals.roundTrips()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void onlyTheFirstPageAsksForQueryMetricsUnlessEveryPageIsAsked(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c WHERE c.n >= 10", List.of(),
                QueryScope.crossPartition(), 20, true);
        try (QueryRun run = service.open(request, QueryGuards.DEFAULTS)) {
            assertThat(run.next().metrics().outputDocumentCount()).isEqualTo(20);
            assertThat(run.next().metrics().present()).isFalse(); // not asked for: paging is not slowed by them
            run.metricsForEveryPage(true); // the Stats view's "Query metrics for every page", ticked mid-run
            QueryPage third = run.next();
            assertThat(third.metrics().present()).isTrue();
            assertThat(third.metrics().outputDocumentCount()).isEqualTo(10);
            QueryTotals totals = run.totals();
            assertThat(totals.pages()).isEqualTo(3);
            assertThat(totals.metricsPages()).isEqualTo(2);
            assertThat(totals.metrics().outputDocumentCount()).isEqualTo(30); // the pages it covers, no more
            assertThat(QueryStatsRows.of(totals, third)).contains(new QueryStatsRows.Row("Query metrics below cover",
                    "2 of 3 pages (the first page and those read while it was ticked; tick \"Query metrics for every page\" to "
                            + "measure every page read from now on)"));
        }
    }

    @Test
    void loadAllStreamsWithoutMetricsAfterTheFirstPage(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c WHERE c.n >= 10", List.of(),
                QueryScope.crossPartition(), 20, true);
        try (QueryRun run = service.open(request, QueryGuards.DEFAULTS)) {
            run.next();
            List<QueryPage> rest = new ArrayList<>();
            run.readRest(update -> {
                if (update instanceof QueryPage page) {
                    rest.add(page);
                }
            }, () -> false);
            assertThat(rest).isNotEmpty().allSatisfy(page -> assertThat(page.metrics().present()).isFalse());
            assertThat(run.totals().results()).isEqualTo(50);
            assertThat(run.totals().metricsPages()).isEqualTo(1);
            assertThat(QueryStatsRows.of(run.totals(), rest.get(rest.size() - 1)))
                    .contains(new QueryStatsRows.Row("Query metrics below cover", "1 of 3 pages (the first page only; "
                            + "tick \"Query metrics for every page\" to measure every page read from now on)"));
        }
    }

    @Test
    void readAheadStreamsTheSamePagesAndPagingGoesOnByTokenWhenItIsTurnedOff(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT VALUE c.id FROM c", List.of(),
                QueryScope.crossPartition(), 7, false);
        List<String> byToken = new ArrayList<>();
        all(request).forEach(v -> byToken.add(v.asText()));

        List<String> mixed = new ArrayList<>();
        try (QueryRun run = service.open(request, QueryGuards.DEFAULTS)) {
            run.next().results().forEach(r -> mixed.add(r.json().asText()));
            run.readAhead(true);
            for (int i = 0; i < 3; i++) {
                QueryPage page = run.next();
                assertThat(page.results()).hasSize(7);
                assertThat(page.requestCharge()).isPositive();
                page.results().forEach(r -> mixed.add(r.json().asText()));
            }
            run.readAhead(false);
            while (run.hasMore()) {
                run.next().results().forEach(r -> mixed.add(r.json().asText()));
            }
            assertThat(run.totals().results()).isEqualTo(60);
        }
        assertThat(mixed).containsExactlyElementsOf(byToken);
    }

    @Test
    void readAheadStopsAtTheRequestUnitLimit(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c", List.of(), QueryScope.crossPartition(), 10,
                false);
        double onePage;
        try (QueryRun probe = service.open(request, QueryGuards.DEFAULTS)) {
            onePage = probe.next().requestCharge();
        }
        try (QueryRun run = service.open(request, new QueryGuards(onePage * 2.5, Duration.ofSeconds(30)))) {
            run.readAhead(true);
            List<QueryPage> pages = new ArrayList<>();
            assertThatThrownBy(() -> {
                while (run.hasMore()) {
                    pages.add(run.next());
                }
            }).isInstanceOfSatisfying(QueryException.class,
                    e -> assertThat(e.reason()).isEqualTo(QueryException.Reason.REQUEST_UNIT_LIMIT));
            assertThat(pages).hasSizeBetween(2, 4);
        }
    }

    @Test
    void aSyntaxErrorSaysWhereRelativeToTheTextThatRan(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        String text = "SELECT *\nFROM c\nWHERE c.n >> > 1";
        try (QueryRun run = service.open(request(handle, text), QueryGuards.DEFAULTS)) {
            assertThatThrownBy(run::next).isInstanceOfSatisfying(QueryException.class, e -> {
                assertThat(e.reason()).isEqualTo(QueryException.Reason.SYNTAX_ERROR);
                QuerySyntaxError where = e.syntaxError().orElseThrow();
                assertThat(where.start()).isEqualTo(text.indexOf("> 1"));
                assertThat(where.line()).isEqualTo(3);
                assertThat(where.column()).isEqualTo("WHERE c.n >> ".length() + 1);
                assertThat(e.userMessage()).isEqualTo("Line 3, column 14: Syntax error, incorrect syntax near '>'.");
            });
        }
    }

    @Test
    void theRequestUnitLimitStopsARunAndSaysHowFarItGot(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        QueryRequest request = new QueryRequest(handle, "SELECT * FROM c", List.of(), QueryScope.crossPartition(), 10,
                false);
        double onePage;
        try (QueryRun probe = service.open(request, QueryGuards.DEFAULTS)) {
            onePage = probe.next().requestCharge();
        }
        QueryGuards guards = new QueryGuards(onePage * 2.5, Duration.ofSeconds(30));
        try (QueryRun run = service.open(request, guards)) {
            List<QueryPage> pages = new ArrayList<>();
            assertThatThrownBy(() -> {
                while (run.hasMore()) {
                    pages.add(run.next());
                }
            }).isInstanceOfSatisfying(QueryException.class, e -> {
                assertThat(e.reason()).isEqualTo(QueryException.Reason.REQUEST_UNIT_LIMIT);
                assertThat(e.userMessage()).startsWith("Stopped at the request-unit limit of")
                        .contains(pages.size() * 10 + " results in " + pages.size() + " pages read");
            });
            assertThat(pages).hasSizeBetween(2, 4);
            assertThat(run.hasMore()).isTrue();
            run.extendLimit();
            assertThat(run.next().results()).hasSize(10);
        }
    }

    @Test
    void closingARunEndsAPageStillWaiting(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        ContainerHandle handle = orders(client, server, data);
        QueryRun run = service.open(request(handle, "SELECT * FROM c"), QueryGuards.DEFAULTS);
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
            run.close();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
        } finally {
            server.clearFaults();
        }
    }

    @Test
    void aPageThatNeverAnswersHitsTheTimeout(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        server.setFault(Fault.of(FaultMode.TIMEOUT, 3).onMethods("POST")
                .onPathsContaining("/colls/" + handle.ref().containerId() + "/docs"));
        try (QueryRun run = service.open(request(handle, "SELECT * FROM c"), new QueryGuards(0, Duration.ofSeconds(2)))) {
            assertThatThrownBy(run::next).isInstanceOfSatisfying(QueryException.class, e -> {
                assertThat(e.reason()).isEqualTo(QueryException.Reason.TIMEOUT);
                assertThat(e.userMessage()).startsWith("The query did not answer within 2 s");
            });
        } finally {
            server.clearFaults();
        }
    }

    @Test
    void aThrottlingStormIsRetriedAndCounted(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = orders(client, server, data);
        server.setFault(Fault.of(FaultMode.THROTTLE, 4).onMethods("POST")
                .onPathsContaining("/colls/" + handle.ref().containerId() + "/docs"));
        try (QueryRun run = service.open(new QueryRequest(handle, "SELECT * FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("cust-1")), 100, false), QueryGuards.DEFAULTS)) {
            QueryPage page = run.next();
            assertThat(page.results()).hasSize(10);
            assertThat(page.retries()).isGreaterThanOrEqualTo(4);
            assertThat(run.totals().retries()).isEqualTo(page.retries());
        } finally {
            server.clearFaults();
        }
    }
}
