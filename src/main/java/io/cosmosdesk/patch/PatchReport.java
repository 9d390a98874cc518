package io.cosmosdesk.patch;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a bulk patch (or its undo) ended: counts per outcome, the per-item report (JSON Lines) and the journal
 * Undo reads.
 *
 * @param stopped why the job stopped before the end (unreachable, unauthorised ...), or null
 */
public record PatchReport(String jobId, Map<PatchOutcome, Long> counts, boolean cancelled, Path report,
        Path journal, String stopped) {

    public PatchReport {
        counts = Map.copyOf(counts);
    }

    public long count(PatchOutcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** "Patched 2 items; 1 changed since it was read, left as it is." */
    public String summary(String verb) {
        Map<PatchOutcome, Long> ordered = new EnumMap<>(PatchOutcome.class);
        ordered.putAll(counts);
        StringBuilder text = new StringBuilder();
        PatchOutcome main = verb.startsWith("Restored") ? PatchOutcome.RESTORED : PatchOutcome.PATCHED;
        long done = count(main);
        text.append(verb).append(' ').append(done).append(done == 1 ? " item" : " items");
        for (Map.Entry<PatchOutcome, Long> entry : ordered.entrySet()) {
            if (entry.getKey() != main && entry.getValue() > 0) {
                text.append("; ").append(entry.getValue()).append(' ').append(entry.getKey().words());
            }
        }
        text.append(cancelled ? " (cancelled)." : ".");
        if (stopped != null) {
            text.append(" Stopped: ").append(stopped);
        }
        return text.toString();
    }
}
