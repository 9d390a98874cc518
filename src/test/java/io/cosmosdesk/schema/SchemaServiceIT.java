package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema sampling against the local Cosmos-compatible server through the real SDK. */
@ExtendWith(CosmosServerExtension.class)
class SchemaServiceIT {

    private final SchemaService service = new SchemaService();

    static ContainerHandle handle(CosmosAsyncClient client, LocalCosmosServer server, CosmosAsyncContainer container,
            String keyPath) {
        ConnectionProfile profile = ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint());
        CosmosConnection connection = new CosmosConnection(profile, client); // the extension owns the client
        ContainerRef ref = new ContainerRef(container.getDatabase().getId(), container.getId());
        return new ContainerHandle(connection, new ContainerInfo(ref, List.of(keyPath), false, null));
    }

    /** 1,200 items keyed by region, inserted region by region: the first 300 all have region "north". */
    private static CosmosAsyncContainer seedClustered(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/region");
        String[] regions = {"north", "south", "east", "west"};
        CosmosTestData.insert(container, "/region", 1_200, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("item-%04d", i))
                    .put("region", regions[i / 300])
                    .put("amount", i * 1.5)
                    .put("createdAt", String.format("2024-01-%02dT10:00:00Z", 1 + i % 28));
            if (i % 10 == 0) {
                item.putNull("note");
            }
            item.put("tenth", i % 10 == 0);
            item.putArray("tags").add("t" + (i % 3));
            return item;
        });
        return container;
    }

    @Test
    void aSampleReadsItsShareFromTheFeedRangesWithItsCharge(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = seedClustered(data);
        int ranges = container.getFeedRanges().block().size();
        List<SampleProgress> progress = new ArrayList<>();

        SampleResult result = service.sample(handle(client, server, container, "/region"), 1_000, progress::add,
                () -> false);

        assertThat(result.itemsRead()).isEqualTo(1_000);
        assertThat(result.feedRanges()).isEqualTo(ranges);
        assertThat(result.requestCharge()).as("request charge").isPositive();
        assertThat(result.howDrawn()).startsWith("1,000 items").contains("feed range");
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).requestCharge()).isEqualTo(result.requestCharge());
        FieldSummary region = result.summary().field(FieldPath.ROOT.child("region")).orElseThrow();
        assertThat(region.type(ValueType.STRING).orElseThrow().strings().distinct())
                .as("the sample spans partition key values").isGreaterThan(1);
        assertThat(result.summary().field(FieldPath.ROOT.child("createdAt")).orElseThrow().count(ValueType.DATE))
                .isEqualTo(1_000);
        // every tenth item has "note": null (present, not missing); which items a sample holds depends on the slices
        FieldSummary note = result.summary().field(FieldPath.ROOT.child("note")).orElseThrow();
        long tenths = result.summary().field(FieldPath.ROOT.child("tenth")).orElseThrow().type(ValueType.BOOLEAN)
                .orElseThrow().booleans().trueCount();
        assertThat(tenths).isBetween(50L, 120L);
        assertThat(note.count(ValueType.NULL)).isEqualTo(tenths);
        assertThat(note.itemCount()).isEqualTo(tenths);
        assertThat(result.summary().field(FieldPath.ROOT.child("id")).orElseThrow().type(ValueType.STRING)
                .orElseThrow().strings().distinct()).as("no item read twice").isEqualTo(1_000);
        assertThat(result.summary().field(FieldPath.ROOT.child("tags").element()).orElseThrow().itemCount())
                .isEqualTo(1_000);
    }

    /** Remembers which items each range answered. */
    private static final class RecordingReader implements RangeReader {
        final RangeReader reader;
        final Map<Integer, List<String>> idsByRange = new TreeMap<>();

        RecordingReader(RangeReader reader) {
            this.reader = reader;
        }

        @Override
        public int rangeCount() {
            return reader.rangeCount();
        }

        @Override
        public int feedRanges() {
            return reader.feedRanges();
        }

        @Override
        public boolean hashSlices() {
            return reader.hashSlices();
        }

        @Override
        public Page read(int range, String continuationToken, int max) {
            Page page = reader.read(range, continuationToken, max);
            page.items().forEach(i -> idsByRange.computeIfAbsent(range, r -> new ArrayList<>()).add(i.get("id").asText()));
            return page;
        }
    }

    /**
     * 1,200 items, each with a key of its own: a sample of 100 takes 10 from each of 10 even slices of the key's
     * hash space, so it holds items from all over the key space whatever order they are stored in (the service
     * answers a physical partition's items in an order of its own; the local server by _rid).
     */
    @Test
    void aSampleIsSpreadOverTheWholeKeySpaceNotTheFirstItemsStored(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/key");
        CosmosTestData.insert(container, "/key", 1_200, i -> JsonNodeFactory.instance.objectNode()
                .put("id", String.format("item-%04d", i)).put("key", "key-" + i));
        ContainerHandle handle = handle(client, server, container, "/key");
        RecordingReader reader = new RecordingReader(CosmosRangeReader.openSliced(handle, 100, () -> false));

        SampleResult result = new SchemaSampler(reader).sample(100, p -> { }, () -> false);

        assertThat(result.itemsRead()).isEqualTo(100);
        assertThat(reader.idsByRange).as("items read from each slice").hasSize(10)
                .allSatisfy((range, ids) -> assertThat(ids).hasSize(10));
        Set<String> sampled = new HashSet<>();
        reader.idsByRange.values().forEach(sampled::addAll);
        assertThat(sampled).as("no item read twice").hasSize(100);
        assertThat(result.summary().field(FieldPath.ROOT.child("id")).orElseThrow().type(ValueType.STRING)
                .orElseThrow().strings().distinct()).isEqualTo(100);
        assertThat(result.howDrawn()).contains("from all over the partition-key space").contains("10 even slices")
                .contains("1 feed range");
        assertThat(service.sample(handle, 100, p -> { }, () -> false).howDrawn()).as("the service slices too")
                .isEqualTo(result.howDrawn());
    }

    @Test
    void allItemsComeWithAnEstimatedChargeFirst(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = seedClustered(data);
        ContainerHandle handle = handle(client, server, container, "/region");

        SchemaService.FullReadEstimate estimate = service.estimateFullRead(handle, () -> false);
        SampleResult all = service.sample(handle, Long.MAX_VALUE, p -> { }, () -> false);

        assertThat(estimate.items()).isEqualTo(1_200);
        assertThat(estimate.spentCharge()).isPositive();
        assertThat(estimate.estimatedCharge()).isPositive();
        assertThat(all.itemsRead()).isEqualTo(1_200);
        assertThat(all.summary().field(FieldPath.ROOT.child("id")).orElseThrow().type(ValueType.STRING)
                .orElseThrow().strings().distinct()).as("no item read twice").isEqualTo(1_200);
        assertThat(all.summary().field(FieldPath.ROOT.child("region")).orElseThrow().type(ValueType.STRING)
                .orElseThrow().strings().distinct()).isEqualTo(4);
        assertThat(all.summary().field(FieldPath.ROOT.child("note")).orElseThrow().count(ValueType.NULL))
                .isEqualTo(120);
        assertThat(all.requestCharge()).isPositive();
        // four key values hold every item, so a few slices take two pages: the estimate (an even spread) is low,
        // and says what it assumes
        assertThat(estimate.estimatedCharge()).isCloseTo(all.requestCharge(),
                org.assertj.core.api.Assertions.withinPercentage(25));
        assertThat(estimate.basis()).contains("two first pages").contains("pages from")
                .contains("if the items are spread evenly");
    }

    /**
     * Seen in the demo: "about 120 RU" for 12,000 items that were then read for ~32. The estimate was one page's
     * charge per item times the count, but a page's charge is mostly per request (on the local server all of it:
     * 1 RU a request) and the read takes pages of up to 1,000. Items keyed evenly: estimate and read agree.
     */
    @Test
    void theEstimateOfReadingAllIsCloseToWhatTheReadCosts(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 2_400, i -> JsonNodeFactory.instance.objectNode()
                .put("id", "order-" + i).put("customerId", "customer-" + i % 400).put("total", i));
        ContainerHandle handle = handle(client, server, container, "/customerId");

        SchemaService.FullReadEstimate estimate = service.estimateFullRead(handle, () -> false);
        SampleResult all = service.sample(handle, Long.MAX_VALUE, p -> { }, () -> false);

        System.out.printf("estimate %.1f RU %s; the read cost %.1f RU%n", estimate.estimatedCharge(),
                estimate.basis(), all.requestCharge());
        assertThat(all.itemsRead()).isEqualTo(2_400);
        assertThat(estimate.estimatedCharge()).as("the estimate against the read's charge")
                .isCloseTo(all.requestCharge(), org.assertj.core.api.Assertions.withinPercentage(10));
    }

    @Test
    void aCancelStopsAReadThatIsStillWaiting(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = seedClustered(data);
        ContainerHandle handle = handle(client, server, container, "/region");
        AtomicBoolean cancel = new AtomicBoolean();
        server.clearRecentRequests();
        server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.TIMEOUT, 1).onMethods("POST")
                .onPathsContaining("/docs"));
        try {
            CompletableFuture<SampleResult> running = CompletableFuture.supplyAsync(
                    () -> service.sample(handle, Long.MAX_VALUE, p -> { }, cancel::get));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.recentRequests().stream().noneMatch(r -> "timeout".equals(r.fault()))) {
                assertThat(System.nanoTime()).as("the query reached the server").isLessThan(deadline);
                Thread.onSpinWait();
            }
            long cancelledAt = System.nanoTime();
            cancel.set(true);
            SampleResult result = running.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(5));
            assertThat(result.stopped()).isTrue();
            assertThat(result.itemsRead()).isLessThan(1_200);
            assertThat(result.howDrawn()).contains("stopped");
            long queriesAtStop = server.recentRequests().stream().filter(r -> r.path().contains("/docs")).count();
            server.clearFaults();
            // a request of our own that the server answers after any the sampler could still have had under way
            container.readItem("item-0000", new com.azure.cosmos.models.PartitionKey("north"), ObjectNode.class)
                    .block();
            assertThat(server.recentRequests().stream().filter(r -> r.path().contains("/docs")
                    && "POST".equals(r.method())).count())
                    .as("nothing more is queried once stopped").isLessThanOrEqualTo(queriesAtStop);
        } finally {
            server.clearFaults();
        }
    }
}
