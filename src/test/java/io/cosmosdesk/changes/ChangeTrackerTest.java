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
}
