package io.cosmosdesk.move;

import java.nio.file.Path;
import java.time.Duration;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a move job ended, item by item, for the final report (and its JSON/CSV export).
 *
 * @param status how the job as a whole ended
 * @param message one sentence for the user about the job as a whole
 * @param items the items' lines in job order: every item's up to {@link #LINES} items; in a larger job the
 *        first {@link #LINES} and then only those of items that did not simply move (the journal has every one)
 * @param counts items per outcome, all of them, listed or not
 * @param journal where the job's journal is (under done/ once the job ended)
 */
public record MoveReport(String jobId, Status status, String message, List<ItemResult> items,
        Map<MoveOutcome, Long> counts, Duration duration, double requestCharge, Path journal) {

    /** Lines every report keeps, whatever the outcomes. */
    public static final int LINES = JobState.REPORT_LINES;

    public enum Status {
        COMPLETED, CANCELLED, ROLLED_BACK,
        /** The server stayed unreachable; the journal is intact and the job can be resumed or rolled back. */
        INTERRUPTED
    }

    /** One item's line in the report. */
    public record ItemResult(String id, String sourcePartitionKey, String targetPartitionKey, MoveOutcome outcome,
            String reason) {
    }

    public MoveReport {
        items = List.copyOf(items);
        counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** A report listing every item: the counts are those of {@code items}. */
    public MoveReport(String jobId, Status status, String message, List<ItemResult> items, Duration duration,
            double requestCharge, Path journal) {
        this(jobId, status, message, items, countsOf(items), duration, requestCharge, journal);
    }

    private static Map<MoveOutcome, Long> countsOf(List<ItemResult> items) {
        Map<MoveOutcome, Long> counts = new EnumMap<>(MoveOutcome.class);
        items.forEach(item -> counts.merge(item.outcome(), 1L, Long::sum));
        return counts;
    }

    /** Items the report has no line for (moved items of a large job): see the journal. */
    public long linesLeftOut() {
        return counts.values().stream().mapToLong(Long::longValue).sum() - items.size();
    }

    /** The line of the item {@code id} that was under {@code source}, if the job had it. */
    public Optional<ItemResult> resultFor(String id, PartitionKeyValue source) {
        String sourceText = source.display();
        return items.stream().filter(i -> i.id().equals(id) && i.sourcePartitionKey().equals(sourceText)).findFirst();
    }

    public long count(MoveOutcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public long moved() {
        return count(MoveOutcome.MOVED);
    }

    /** Items that did not move because of what is on the server: changed, deleted, or already there. */
    public long skipped() {
        return count(MoveOutcome.ALREADY_IN_TARGET) + count(MoveOutcome.NOT_STARTED) + count(MoveOutcome.NOT_FOUND);
    }

    public long conflicts() {
        return count(MoveOutcome.CONFLICT);
    }

    public long changedDuringMove() {
        return count(MoveOutcome.CHANGED);
    }

    public long failures() {
        return count(MoveOutcome.FAILED) + count(MoveOutcome.UNFINISHED);
    }

    /** e.g. "998 moved, 1 conflict, 1 changed during move, 0 failed". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(moved()).append(" moved");
        if (count(MoveOutcome.ROLLED_BACK) > 0) {
            text.append(", ").append(count(MoveOutcome.ROLLED_BACK)).append(" rolled back");
        }
        text.append(", ").append(skipped()).append(" skipped");
        text.append(", ").append(conflicts()).append(conflicts() == 1 ? " conflict" : " conflicts");
        text.append(", ").append(changedDuringMove()).append(" changed during move");
        if (count(MoveOutcome.KEPT_IN_TARGET) > 0) {
            text.append(", ").append(count(MoveOutcome.KEPT_IN_TARGET)).append(" kept in target");
        }
        text.append(", ").append(failures()).append(" failed");
        if (count(MoveOutcome.NEVER_STARTED) > 0) {
            text.append(", ").append(count(MoveOutcome.NEVER_STARTED)).append(" not started");
        }
        return text.toString();
    }
}
