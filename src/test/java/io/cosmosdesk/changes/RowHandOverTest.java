package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of rows to the table is an event of its own between two frames: run inside a pulse, its UI work and
 * the layout of the rows were one block, the first hand-overs after Live a stall over 50 ms. Rows still go over
 * whole and in order, at most every {@link RowHandOver#SHOW_EVERY}.
 */
class RowHandOverTest {

    /** Records how each hand-over was scheduled and runs it when the test says. */
    private static final class RecordingRunner implements TaskRunner {
        final List<String> how = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> due = new ArrayList<>();

        @Override
        public <T> TaskHandle start(BackgroundTask<T> task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void inFrameAfter(Duration delay, Runnable action) {
            how.add("in a frame");
            delays.add(delay);
            due.add(action);
        }

        @Override
        public void betweenFramesAfter(Duration delay, Runnable action) {
            how.add("between frames");
            delays.add(delay);
            due.add(action);
        }

        @Override
        public void shutdown() {
        }

        void runDue() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void rowsAreHandedOverBetweenFramesWholeAndInOrder() {
        CapturedRows captured = new CapturedRows(100, Long.MAX_VALUE);
        RecordingRunner runner = new RecordingRunner();
        RowHandOver handOver = new RowHandOver(captured, runner);

        handOver.deposit(rows(1, 3));
        handOver.roundEnded();
        handOver.deposit(rows(4, 5));
        handOver.roundEnded(); // one hand-over already waits: nothing more is scheduled
        assertThat(runner.how).containsExactly("between frames");
        assertThat(captured.rows()).isEmpty();

        runner.runDue();
        assertThat(captured.rows()).extracting(ChangeRow::id).containsExactly("r1", "r2", "r3", "r4", "r5");

        handOver.deposit(rows(6, 6));
        handOver.roundEnded();
        assertThat(runner.how).containsExactly("between frames", "between frames");
        assertThat(runner.delays.get(1)).as("the next one waits for the rest of SHOW_EVERY")
                .isPositive().isLessThanOrEqualTo(RowHandOver.SHOW_EVERY);
        runner.runDue();
        assertThat(captured.rows()).extracting(ChangeRow::id).containsExactly("r1", "r2", "r3", "r4", "r5", "r6");
    }

    private static List<ChangeRow> rows(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> new ChangeRow(n, null, "r" + n, PartitionKeyValue.of("c"),
                ChangeRow.Kind.NEW, "new", Json.MAPPER.createObjectNode().put("id", "r" + n), 10)).toList();
    }
}
