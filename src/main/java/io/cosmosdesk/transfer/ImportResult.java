package io.cosmosdesk.transfer;

import java.nio.file.Path;

/**
 * How an import ended.
 *
 * @param report one JSON line per row with its outcome
 * @param failedItems the bodies of the rows that were not imported (conflicts, invalid, failed), one per line:
 *        fix them and import this file again
 * @param cancelled true when the user stopped it; rows after the last batch were not attempted
 */
public record ImportResult(ImportProgress totals, Path report, Path failedItems, boolean cancelled) {

    public long notImported() {
        return totals.count(RowOutcome.CONFLICT) + totals.count(RowOutcome.INVALID) + totals.count(RowOutcome.FAILED);
    }

    public boolean allFine() {
        return notImported() == 0 && !cancelled;
    }
}
