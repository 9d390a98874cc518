package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's state does not grow with the job: ended items leave it, counted, with a bounded number of report lines. */
class JobStateTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int ITEMS = 25_000;

    @TempDir
    Path folder;

    @Test
    void endedItemsAreCountedAndOnlyABoundedNumberOfLinesIsKept() {
        Path file;
        try (MoveJournal journal = MoveJournal.create(folder, "big", header())) {
            for (int from = 0; from < ITEMS; from += 500) {
                ObjectNode listing = JSON.objectNode().put("t", "ITEMS").put("from", from);
                ArrayNode items = listing.putArray("items");
                for (int n = from; n < from + 500; n++) {
                    ObjectNode item = items.addObject().put("id", "i" + n).put("etag", "e" + n);
                    item.set("pk", PartitionKeyValue.of("p" + n % 7).toJsonArray());
                    item.set("dst", PartitionKeyValue.of("target").toJsonArray());
                }
                journal.append(listing);
                for (int n = from; n < from + 500; n++) {
                    ObjectNode planned = JSON.objectNode().put("t", "PLANNED").put("n", n).put("id", "i" + n)
                            .put("etag", "e" + n);
                    planned.set("src", PartitionKeyValue.of("p" + n % 7).toJsonArray());
                    planned.set("dst", PartitionKeyValue.of("target").toJsonArray());
                    journal.append(planned);
                }
                for (int n = from; n < from + 500; n++) {
                    boolean failed = n % 100 == 0;
                    journal.append(JSON.objectNode().put("t", failed ? "FAILED" : "DONE").put("n", n)
                            .put("outcome", failed ? "FAILED" : "MOVED").put("reason", failed ? "no" : null));
                }
            }
            journal.sync();
            file = journal.file();
        }

        JobState state = JobState.replay(file);

        assertThat(state.listed()).isEqualTo(ITEMS);
        assertThat(state.finishedCount()).isEqualTo(ITEMS);
        assertThat(state.count(MoveOutcome.FAILED)).isEqualTo(ITEMS / 100);
        assertThat(state.count(MoveOutcome.MOVED)).isEqualTo(ITEMS - ITEMS / 100);
        assertThat(state.open()).as("no ended item is held").isEmpty();
        assertThat(state.movedItems().cardinality()).isEqualTo(ITEMS - ITEMS / 100);
        // every line of the first REPORT_LINES items, then only the failures
        int failuresAfter = (ITEMS - JobState.REPORT_LINES) / 100;
        assertThat(state.lines()).hasSize(JobState.REPORT_LINES + failuresAfter);
        assertThat(state.linesLeftOut()).isEqualTo(ITEMS - JobState.REPORT_LINES - failuresAfter);
        assertThat(state.lines().get(ITEMS - 100).outcome()).isEqualTo(MoveOutcome.FAILED);
        assertThat(state.lines().get(ITEMS - 99)).isNull();
        assertThat(state.lines().get(42).outcome()).isEqualTo(MoveOutcome.MOVED);
    }

    private static ObjectNode header() {
        ObjectNode header = JSON.objectNode().put("t", "JOB").put("v", 1).put("job", "big").put("connection", "c")
                .put("database", "d").put("container", "c").put("hierarchical", false).put("streamed", true)
                .put("expected", ITEMS).put("created", "2026-01-01T00:00:00Z").put("editedBodies", false);
        header.putArray("paths").add("/pk");
        header.set("target", PartitionKeyValue.of("target").toJsonArray());
        return header;
    }
}
