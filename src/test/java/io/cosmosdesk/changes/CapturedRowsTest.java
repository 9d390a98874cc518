package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded buffer of a Live changes tab: the newest rows are kept, older ones counted. */
class CapturedRowsTest {

    private static ChangeRow row(int n, int chars) {
        return new ChangeRow(n, null, "i" + n, PartitionKeyValue.of("p"), ChangeRow.Kind.NEW, "new",
                JsonNodeFactory.instance.objectNode().put("id", "i" + n), chars);
    }

    private static List<ChangeRow> rows(int from, int to, int chars) {
        return IntStream.range(from, to).mapToObj(n -> row(n, chars)).toList();
    }

    private static List<Long> ids(List<? extends ChangeRow> rows) {
        return rows.stream().map(ChangeRow::sequence).toList();
    }

    @Test
    void theNewestRowsAreKeptAndOlderOnesCounted() {
        CapturedRows captured = new CapturedRows(5, 1_000_000);
        captured.add(rows(0, 3, 10));
        captured.add(rows(3, 8, 10));
        assertThat(ids(captured.rows())).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(captured.droppedCount()).isEqualTo(3);
        assertThat(captured.totalProperty().get()).isEqualTo(8);

        captured.add(rows(8, 20, 10));
        assertThat(ids(captured.rows())).containsExactly(15L, 16L, 17L, 18L, 19L);
        assertThat(captured.droppedCount()).isEqualTo(15);
    }

    @Test
    void theDefaultKeepsTenThousandRows() {
        CapturedRows captured = new CapturedRows(CapturedRows.MAX_ROWS, CapturedRows.MAX_BODY_CHARS);
        for (int batch = 0; batch < 12; batch++) {
            captured.add(rows(batch * 1_000, batch * 1_000 + 1_000, 100));
        }
        assertThat(captured.rows()).hasSize(10_000);
        assertThat(captured.rows().get(0).sequence()).isEqualTo(2_000);
        assertThat(captured.droppedCount()).isEqualTo(2_000);
    }

    @Test
    void largeBodiesAreBoundedByTheirSizeToo() {
        CapturedRows captured = new CapturedRows(100, 1_000);
        captured.add(rows(0, 4, 300));
        assertThat(ids(captured.rows())).containsExactly(1L, 2L, 3L);
        assertThat(captured.droppedCount()).isEqualTo(1);
        // one row larger than the whole budget is still shown (alone)
        captured.add(List.of(row(9, 5_000)));
        assertThat(ids(captured.rows())).containsExactly(9L);
    }

    @Test
    void whilePausedRowsWaitWithinTheSameBoundAndShowInOrderOnResume() {
        CapturedRows captured = new CapturedRows(5, 1_000_000);
        captured.add(rows(0, 2, 10));
        captured.pause();
        captured.add(rows(2, 4, 10));
        assertThat(ids(captured.rows())).containsExactly(0L, 1L);
        assertThat(captured.waitingProperty().get()).isEqualTo(2);
        assertThat(ids(captured.snapshot())).containsExactly(0L, 1L, 2L, 3L);

        // more than fit: the shown rows are older, so they go first, then the oldest waiting
        captured.add(rows(4, 9, 10));
        assertThat(captured.rows()).isEmpty();
        assertThat(captured.waitingProperty().get()).isEqualTo(5);
        assertThat(captured.droppedCount()).isEqualTo(4);

        captured.resume();
        assertThat(ids(captured.rows())).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(captured.waitingProperty().get()).isZero();
    }

    /** Full: a hand-over is one change to the list, the oldest leaving from the front as the newest come in. */
    @Test
    void aHandOverToAFullListIsOneChangeOfTheRowsThatMoved() {
        CapturedRows captured = new CapturedRows(4, 1_000_000);
        captured.add(rows(0, 4, 10));
        List<String> changes = new java.util.ArrayList<>();
        captured.rows().addListener((javafx.collections.ListChangeListener<ChangeRow>) change -> {
            StringBuilder text = new StringBuilder();
            while (change.next()) {
                text.append(change.wasRemoved() ? "-" + ids(change.getRemoved()) + "@" + change.getFrom() : "")
                        .append(change.wasAdded() ? "+" + ids(change.getAddedSubList()) + "@" + change.getFrom() : "");
            }
            changes.add(text.toString());
        });
        for (int round = 0; round < 3; round++) { // around the ring more than once
            captured.add(rows(4 + round * 3, 7 + round * 3, 10));
        }
        assertThat(changes).containsExactly("-[0, 1, 2]@0+[4, 5, 6]@1", "-[3, 4, 5]@0+[7, 8, 9]@1",
                "-[6, 7, 8]@0+[10, 11, 12]@1");
        assertThat(ids(captured.rows())).containsExactly(9L, 10L, 11L, 12L);
    }
}
