package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Optional;

/**
 * How the move dialog ended, for whoever opened it (the editor follows its item, the grid refreshes).
 *
 * @param report the job's report; null when no job ran to an end (closed before Run, or the job failed)
 * @param target the target the job ran to (levels may be kept per item); null when Run was never pressed
 * @param error the dialog's last error sentence; empty when none
 */
public record MoveDialogResult(MoveReport report, MoveTarget target, String error) {

    public MoveDialogResult {
        error = error == null ? "" : error;
    }

    /** True when Run was pressed: items may have moved, so views of the container need a reload. */
    public boolean jobRan() {
        return target != null;
    }

    /** Where an item that was under {@code source} went, if it moved; null when Run was never pressed. */
    public PartitionKeyValue targetFor(PartitionKeyValue source) {
        return target == null ? null : target.resolve(source);
    }

    /** How the item {@code id} under {@code source} ended; empty when no job reported on it. */
    public Optional<MoveReport.ItemResult> resultFor(String id, PartitionKeyValue source) {
        return report == null ? Optional.empty() : report.resultFor(id, source);
    }
}
