package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.move.ItemOperations;
import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one batch of prepared rows in a mode, through the SDK's bulk execution with throttling and outages
 * retried ({@link ItemOperations}), and says how each row ended. The rule that makes replays safe lives here: a
 * 409 is followed by a read, and an item already there with the row's content is IDENTICAL (our own earlier
 * write whose answer was lost, or a row imported before), never a conflict and never a second copy.
 */
final class BatchWriter {

    /** How one row ended: the outcome, the status of its write (0 when none) and why, when it is not fine. */
    record Settled(PreparedRow row, RowOutcome outcome, int status, String reason) {
    }

    private final ItemOperations ops;
    private final ImportMode mode;
    private final Consumer<String> status;
    private final AuditOperation create;
    private final AuditOperation upsert;

    /** {@code create}/{@code upsert}: how the writes are recorded in the audit log (import or copy). */
    BatchWriter(ItemOperations ops, ImportMode mode, Consumer<String> status, AuditOperation create,
            AuditOperation upsert) {
        this.ops = ops;
        this.mode = mode;
        this.status = status;
        this.create = create;
        this.upsert = upsert;
    }

    /** Writes the rows that are ok and settles every row, in order. */
    List<Settled> write(List<PreparedRow> rows) {
        List<Op> writes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PreparedRow row = rows.get(i);
            if (row.ok()) {
                writes.add(mode == ImportMode.UPSERT ? Op.upsert(i, row.id(), row.key(), row.body(), upsert)
                        : Op.create(i, row.id(), row.key(), row.body(), create));
            }
        }
        Result[] written = new Result[rows.size()];
        for (Result result : ops.run(writes, status, () -> false)) {
            written[result.op().index()] = result;
        }
        Result[] existing = readConflicts(rows, written);
        List<Settled> settled = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            settled.add(settle(rows.get(i), written[i], existing[i]));
        }
        return settled;
    }

    /** The items already there for every 409, to tell our own earlier write from someone else's item. */
    private Result[] readConflicts(List<PreparedRow> rows, Result[] written) {
        Result[] existing = new Result[rows.size()];
        List<Op> reads = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (written[i] != null && written[i].status() == 409) {
                reads.add(Op.read(i, rows.get(i).id(), rows.get(i).key()));
            }
        }
        if (!reads.isEmpty()) {
            for (Result result : ops.run(reads, status, () -> false)) {
                existing[result.op().index()] = result;
            }
        }
        return existing;
    }

    private Settled settle(PreparedRow row, Result write, Result existing) {
        if (!row.ok()) {
            return new Settled(row, RowOutcome.INVALID, 0, row.problem());
        }
        int code = write.status();
        if (write.ok()) {
            return new Settled(row, mode == ImportMode.UPSERT ? RowOutcome.UPSERTED : RowOutcome.CREATED, code, null);
        }
        if (code == 409 && existing != null && existing.ok() && sameContent(existing.item(), row.body())) {
            return new Settled(row, RowOutcome.IDENTICAL, code, null);
        }
        if (code == 409 && mode == ImportMode.SKIP_EXISTING) {
            return new Settled(row, RowOutcome.SKIPPED, code,
                    "An item with this id already exists in this partition; it was left as it is.");
        }
        if (code == 409) {
            return new Settled(row, RowOutcome.CONFLICT, code, "An item with this id already exists in this partition "
                    + "with other content; it was not overwritten.");
        }
        return new Settled(row, RowOutcome.FAILED, code, write.reason());
    }

    static boolean sameContent(ObjectNode onServer, ObjectNode ours) {
        return onServer != null && ItemContent.equalByValue(ItemContent.withoutSystemProperties(onServer), ours);
    }
}
