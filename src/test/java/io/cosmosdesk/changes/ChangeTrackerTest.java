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
}
