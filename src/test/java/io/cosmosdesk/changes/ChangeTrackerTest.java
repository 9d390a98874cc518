package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versions a tab remembers for its diffs are bounded by count and by size. */
class ChangeTrackerTest {

    private static ObjectNode item(String id, String text) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("pk", "p").put("text", text);
    }

    @Test
    void anItemWhoseEarlierVersionWasForgottenSaysSo() {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"), 2, Long.MAX_VALUE);
        tracker.track(item("a", "1"));
        tracker.track(item("b", "1"));
        tracker.track(item("c", "1")); // a is forgotten
        assertThat(tracker.track(item("c", "2")).summary()).isEqualTo("text: \"1\" → \"2\"");
        ChangeRow again = tracker.track(item("a", "2"));
        assertThat(again.kind()).isEqualTo(ChangeRow.Kind.UPDATED);
        assertThat(again.summary()).isEqualTo(ChangeTracker.EARLIER_VERSION_DROPPED);
    }

    @Test
    void largeVersionsAreForgottenSoonerThanSmallOnes() {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"), 1_000, 1_000);
        tracker.track(item("big", "x".repeat(900)));
        tracker.track(item("small", "1"));
        tracker.track(item("other", "x".repeat(200))); // over the size budget: the big one goes first
        assertThat(tracker.track(item("small", "2")).summary()).isEqualTo("text: \"1\" → \"2\"");
        assertThat(tracker.track(item("big", "y")).summary()).isEqualTo(ChangeTracker.EARLIER_VERSION_DROPPED);
    }

    private static ObjectNode change(String json) {
        try {
            return (ObjectNode) io.cosmosdesk.json.Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void allVersionsRowsSayCreatedReplacedAndWhatWasDeleted() {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"));
        ChangeRow created = tracker.trackVersion(change("{\"current\":{\"id\":\"a\",\"pk\":\"p\",\"n\":1,\"_ts\":100},"
                + "\"metadata\":{\"operationType\":\"create\",\"lsn\":5,\"crts\":100}}"));
        assertThat(created.kind()).isEqualTo(ChangeRow.Kind.NEW);
        assertThat(created.summary()).isEqualTo("new");
        assertThat(created.operation()).isEqualTo(new ChangeOperation(ChangeOperation.Type.CREATE, 5, false));

        ChangeRow replaced = tracker.trackVersion(change("{\"current\":{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"_ts\":101},"
                + "\"metadata\":{\"operationType\":\"replace\",\"lsn\":7,\"previousImageLSN\":5,\"crts\":101}}"));
        assertThat(replaced.kind()).isEqualTo(ChangeRow.Kind.UPDATED);
        assertThat(replaced.summary()).isEqualTo("n: 1 → 2");

        ChangeRow deleted = tracker.trackVersion(change("{\"current\":{},\"previous\":{\"id\":\"a\",\"pk\":\"p\",\"n\":2,"
                + "\"_ts\":101},\"metadata\":{\"operationType\":\"delete\",\"lsn\":9,\"previousImageLSN\":7,"
                + "\"crts\":102,\"timeToLiveExpired\":false,\"id\":\"a\",\"partitionKey\":{\"pk\":\"p\"}}}"));
        assertThat(deleted.kind()).isEqualTo(ChangeRow.Kind.DELETED);
        assertThat(deleted.id()).isEqualTo("a");
        assertThat(deleted.partitionKey()).isEqualTo(io.cosmosdesk.cosmos.PartitionKeyValue.of("p"));
        assertThat(deleted.summary()).isEqualTo("deleted: pk: \"p\" · n: 2");
        assertThat(deleted.modified()).isEqualTo(java.time.Instant.ofEpochSecond(102));
        assertThat(deleted.body().path("n").asInt()).isEqualTo(2);

        // created again after the delete: new, not a diff against the deleted version
        ChangeRow again = tracker.trackVersion(change("{\"current\":{\"id\":\"a\",\"pk\":\"p\",\"n\":9},"
                + "\"metadata\":{\"operationType\":\"create\",\"lsn\":11}}"));
        assertThat(again.kind()).isEqualTo(ChangeRow.Kind.NEW);
    }

    @Test
    void aDeleteWithoutItsPreviousImageTakesIdAndKeyFromTheMetadata() {
        ChangeTracker tracker = new ChangeTracker(List.of("/tenant", "/user/id"));
        ChangeRow deleted = tracker.trackVersion(change("{\"current\":{},\"metadata\":{\"operationType\":\"delete\","
                + "\"lsn\":3,\"crts\":50,\"timeToLiveExpired\":true,\"id\":\"x\","
                + "\"partitionKey\":{\"tenant\":\"t1\",\"user/id\":7}}}"));
        assertThat(deleted.id()).isEqualTo("x");
        assertThat(deleted.partitionKey()).isEqualTo(io.cosmosdesk.cosmos.PartitionKeyValue.of("t1", 7));
        assertThat(deleted.summary()).isEqualTo("deleted (time to live expired)");
        assertThat(deleted.operation().timeToLiveExpired()).isTrue();
    }

    @Test
    void aReplaceOfAnItemNotSeenBeforeUsesTheFeedsPreviousImageOrSaysSo() {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"));
        ChangeRow withImage = tracker.trackVersion(change("{\"current\":{\"id\":\"a\",\"pk\":\"p\",\"s\":\"paid\"},"
                + "\"previous\":{\"id\":\"a\",\"pk\":\"p\",\"s\":\"open\"},\"metadata\":{\"operationType\":\"replace\",\"lsn\":2}}"));
        assertThat(withImage.summary()).isEqualTo("s: \"open\" → \"paid\"");
        ChangeRow without = tracker.trackVersion(change("{\"current\":{\"id\":\"b\",\"pk\":\"p\"},"
                + "\"metadata\":{\"operationType\":\"replace\",\"lsn\":4}}"));
        assertThat(without.kind()).isEqualTo(ChangeRow.Kind.UPDATED);
        assertThat(without.summary()).isEqualTo(ChangeTracker.EARLIER_VERSION_NOT_SEEN);
    }

    @Test
    void theVersionsItRemembersDoNotKeepTheFeedsTrees() throws InterruptedException {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"));
        ObjectNode first = item("a", "1");
        first.putObject("customer").put("name", "Ann").putArray("tags").add("x");
        java.lang.ref.WeakReference<ObjectNode> tree = new java.lang.ref.WeakReference<>(first);
        tracker.track(first); // the row, which holds the tree for the table, is dropped at once
        first = null;
        for (int i = 0; i < 20 && tree.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        // held as a tree, each version was dozens of objects that every young collection copied while it lived
        assertThat(tree.get()).as("the first version's tree, after its row was dropped").isNull();
        ObjectNode second = item("a", "2");
        second.putObject("customer").put("name", "Bob").putArray("tags").add("x");
        assertThat(tracker.track(second).summary()).isEqualTo("text: \"1\" → \"2\" · customer.name: \"Ann\" → \"Bob\"");
    }

    @Test
    void aRememberedVersionDiffsExactlyAsTheTreeTheFeedGave() {
        String[][] versions = {
            {"\"d\":1.0,\"e\":1.5E20,\"f\":-0.0,\"g\":0.1,\"h\":1e-7", "\"d\":2.0,\"e\":1.5E21,\"f\":0.5,\"g\":0.2,\"h\":2e-7"},
            {"\"big\":123456789012345678901234567890,\"l\":9007199254740993,\"i\":7,\"m\":-3",
                "\"big\":123456789012345678901234567891,\"l\":9007199254740994,\"i\":7.0,\"m\":-3.25"},
            {"\"t\":true,\"n\":null,\"u\":\"\u00e9\u2192\ud83d\ude00 \\\"q\\\" \\n\",\"gone\":\"x\"",
                "\"t\":false,\"n\":1,\"u\":\"\u00e8 \\t\",\"added\":[]"},
            {"\"arr\":[1,{\"x\":2}],\"o\":{\"deep\":{\"v\":3.25,\"w\":[]}},\"s\":\"" + "y".repeat(60) + "\"",
                "\"arr\":[1,{\"x\":3}],\"o\":{\"deep\":{\"v\":3.5,\"w\":{}}},\"s\":\"" + "z".repeat(60) + "\""},
        };
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"));
        for (int n = 0; n < versions.length; n++) {
            String before = "{\"id\":\"v" + n + "\",\"pk\":\"p\"," + versions[n][0] + ",\"_ts\":1}";
            String after = "{\"id\":\"v" + n + "\",\"pk\":\"p\"," + versions[n][1] + ",\"_ts\":2}";
            // read as the SDK reads the feed's items (its own mapper), and compared as trees, as before the tracker
            // kept its versions as JSON text
            String expected = FieldDiff.summary(FieldDiff.between(sdkTree(before), sdkTree(after)));
            assertThat(expected).isNotEqualTo(FieldDiff.UNCHANGED);
            tracker.track(sdkTree(before));
            assertThat(tracker.track(sdkTree(after)).summary()).as(versions[n][0]).isEqualTo(expected);
        }
    }

    private static ObjectNode sdkTree(String json) {
        try {
            return (ObjectNode) com.azure.cosmos.implementation.Utils.getSimpleObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
