package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.ComputedProperty;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosContainerRequestOptions;
import com.azure.cosmos.models.CosmosContainerResponse;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingPolicy;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.ThroughputProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the container settings pane relies on: replacing a container's settings (indexing policy, time to live,
 * computed properties) keeps its items and honours If-Match, time to live expires items from every read, unique
 * keys are enforced within a logical partition, and throughput is replaced for manual and autoscale offers.
 */
@ExtendWith(CosmosServerExtension.class)
class ContainerSettingsIT {

    @Test
    void replaceStoresPolicyTtlAndComputedPropertiesAndKeepsTheItems(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(item("id", "1", "pk", "a", "name", "Ada")).block();
        container.createItem(item("id", "2", "pk", "b", "name", "Bob")).block();

        CosmosContainerProperties properties = container.read().block().getProperties();
        String etagBefore = properties.getETag();
        IndexingPolicy policy = new IndexingPolicy();
        policy.setIncludedPaths(List.of(new IncludedPath("/*")));
        policy.setExcludedPaths(List.of(new ExcludedPath("/big/*"), new ExcludedPath("/\"_etag\"/?")));
        properties.setIndexingPolicy(policy);
        properties.setDefaultTimeToLiveInSeconds(-1);
        properties.setComputedProperties(List.of(new ComputedProperty("cp_lower", "SELECT VALUE LOWER(c.name) FROM c")));
        CosmosContainerResponse replaced = container.replace(properties,
                new CosmosContainerRequestOptions().setIfMatchETag(etagBefore)).block();
        assertThat(replaced.getProperties().getETag()).isNotEqualTo(etagBefore);

        CosmosContainerResponse read = container.read(new CosmosContainerRequestOptions().setQuotaInfoEnabled(true))
                .block();
        CosmosContainerProperties stored = read.getProperties();
        assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(-1);
        assertThat(stored.getIndexingPolicy().getExcludedPaths()).extracting(ExcludedPath::getPath)
                .contains("/big/*");
        assertThat(stored.getComputedProperties()).extracting(ComputedProperty::getName, ComputedProperty::getQuery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cp_lower", "SELECT VALUE LOWER(c.name) FROM c"));
        assertThat(stored.getPartitionKeyDefinition().getPaths()).containsExactly("/pk");
        assertThat(read.getIndexTransformationProgress()).isEqualTo(100);
        // the items are still there
        assertThat(container.readAllItems(new PartitionKey("a"), ObjectNode.class).collectList().block()).hasSize(1);
        assertThat(container.readItem("2", new PartitionKey("b"), ObjectNode.class).block().getItem()
                .get("name").asText()).isEqualTo("Bob");

        // turning time to live off again removes it
        stored.setDefaultTimeToLiveInSeconds(null);
        container.replace(stored).block();
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isNull();
    }

    @Test
    void replaceWithAnOutdatedEtagIsRefused(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        CosmosContainerProperties mine = container.read().block().getProperties();
        CosmosContainerProperties theirs = container.read().block().getProperties();
        theirs.setDefaultTimeToLiveInSeconds(60);
        container.replace(theirs).block();

        mine.setDefaultTimeToLiveInSeconds(3600);
        assertThatThrownBy(() -> container.replace(mine,
                new CosmosContainerRequestOptions().setIfMatchETag(mine.getETag())).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isEqualTo(60);
    }

    @Test
    void replacingThePartitionKeyOrUniqueKeysIsRefused(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        CosmosContainerProperties properties = container.read().block().getProperties();
        UniqueKeyPolicy unique = new UniqueKeyPolicy();
        unique.setUniqueKeys(List.of(new UniqueKey(List.of("/email"))));
        properties.setUniqueKeyPolicy(unique);
        assertThatThrownBy(() -> container.replace(properties).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void expiredItemsDisappearFromReadsQueriesAndTheReadFeed(CosmosTestData data) {
        CosmosContainerProperties withDefault = new CosmosContainerProperties(CosmosTestData.uniqueName("ttl"), "/pk");
        withDefault.setDefaultTimeToLiveInSeconds(1);
        CosmosAsyncContainer expiring = data.createContainer(withDefault);
        expiring.createItem(item("id", "default", "pk", "a")).block();
        expiring.createItem(item("id", "never", "pk", "a", "ttl", -1)).block();
        expiring.createItem(item("id", "longer", "pk", "a", "ttl", 3600)).block();

        CosmosContainerProperties onWithoutDefault = new CosmosContainerProperties(CosmosTestData.uniqueName("ttl"),
                "/pk");
        onWithoutDefault.setDefaultTimeToLiveInSeconds(-1);
        CosmosAsyncContainer perItem = data.createContainer(onWithoutDefault);
        perItem.createItem(item("id", "own", "pk", "a", "ttl", 1)).block();
        perItem.createItem(item("id", "keeps", "pk", "a")).block();

        CosmosAsyncContainer off = data.createContainer("/pk");
        off.createItem(item("id", "ignored", "pk", "a", "ttl", 1)).block();

        waitUntil(() -> isGone(expiring, "default") && isGone(perItem, "own"), Duration.ofSeconds(15));

        assertThat(ids(expiring, "SELECT * FROM c")).containsExactlyInAnyOrder("never", "longer");
        assertThat(expiring.readAllItems(new PartitionKey("a"), ObjectNode.class).map(n -> n.get("id").asText())
                .collectList().block()).containsExactlyInAnyOrder("never", "longer");
        assertThat(expiring.queryItems("SELECT VALUE COUNT(1) FROM c", new CosmosQueryRequestOptions(), Integer.class)
                .collectList().block()).containsExactly(2);
        assertThat(ids(perItem, "SELECT * FROM c")).containsExactly("keeps");
        // time to live off: an item's own ttl means nothing
        assertThat(ids(off, "SELECT * FROM c")).containsExactly("ignored");
        assertThat(isGone(off, "ignored")).isFalse();
    }

    @Test
    void uniqueKeysAreEnforcedWithinALogicalPartition(CosmosTestData data) {
        CosmosContainerProperties properties = new CosmosContainerProperties(CosmosTestData.uniqueName("uk"), "/pk");
        UniqueKeyPolicy unique = new UniqueKeyPolicy();
        unique.setUniqueKeys(List.of(new UniqueKey(List.of("/email")),
                new UniqueKey(List.of("/name/first", "/name/last"))));
        properties.setUniqueKeyPolicy(unique);
        CosmosAsyncContainer container = data.createContainer(properties);

        container.createItem(person("1", "a", "ada@example.com", "Ada", "Lovelace")).block();
        assertConflict(() -> container.createItem(person("2", "a", "ada@example.com", "Other", "Name")).block());
        // another logical partition may hold the same values
        container.createItem(person("3", "b", "ada@example.com", "Ada", "Lovelace")).block();
        // one path of a composite unique key alone is not a duplicate
        container.createItem(person("4", "a", "byron@example.com", "Ada", "Byron")).block();
        assertConflict(() -> container.createItem(person("5", "a", "x@example.com", "Ada", "Byron")).block());
        assertConflict(() -> container.upsertItem(person("6", "a", "ada@example.com", "New", "Person")).block());
        assertConflict(() -> container.replaceItem(person("4", "a", "ada@example.com", "Ada", "Byron"), "4",
                new PartitionKey("a"), new CosmosItemRequestOptions()).block());
        // replacing an item with its own values is fine, and a freed value can be taken
        container.replaceItem(person("4", "a", "byron@example.com", "Ada", "Byron", "note"), "4",
                new PartitionKey("a"), new CosmosItemRequestOptions()).block();
        container.deleteItem("1", new PartitionKey("a")).block();
        container.createItem(person("7", "a", "ada@example.com", "Ada", "Lovelace")).block();
        assertThat(ids(container, "SELECT * FROM c")).containsExactlyInAnyOrder("3", "4", "7");
    }

    @Test
    void throughputIsReplacedForManualAndAutoscaleOffers(CosmosTestData data) {
        CosmosAsyncContainer manual = data.createContainer("/pk");
        manual.replaceThroughput(ThroughputProperties.createManualThroughput(800)).block();
        assertThat(manual.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(800);
        assertThatThrownBy(() -> manual.replaceThroughput(ThroughputProperties.createManualThroughput(300)).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));

        var database = data.createDatabase();
        String id = CosmosTestData.uniqueName("auto");
        database.createContainer(new CosmosContainerProperties(id, "/pk"),
                ThroughputProperties.createAutoscaledThroughput(4000)).block();
        CosmosAsyncContainer autoscale = database.getContainer(id);
        autoscale.replaceThroughput(ThroughputProperties.createAutoscaledThroughput(6000)).block();
        assertThat(autoscale.readThroughput().block().getProperties().getAutoscaleMaxThroughput()).isEqualTo(6000);
    }

    private static ObjectNode person(String id, String pk, String email, String first, String last, String... note) {
        ObjectNode node = item("id", id, "pk", pk, "email", email);
        node.putObject("name").put("first", first).put("last", last);
        if (note.length > 0) {
            node.put("note", note[0]);
        }
        return node;
    }

    private static void assertConflict(Runnable write) {
        assertThatThrownBy(write::run)
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }

    private static List<String> ids(CosmosAsyncContainer container, String query) {
        return container.queryItems(query, new CosmosQueryRequestOptions(), ObjectNode.class)
                .map(n -> n.has("id") ? n.get("id").asText() : n.toString()).collectList().block();
    }

    private static boolean isGone(CosmosAsyncContainer container, String id) {
        try {
            container.readItem(id, new PartitionKey("a"), ObjectNode.class).block();
            return false;
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                return true;
            }
            throw e;
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
