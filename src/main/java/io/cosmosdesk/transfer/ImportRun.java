package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.move.ItemOperations;
import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import io.cosmosdesk.move.MoveJournal;
import io.cosmosdesk.move.MoveTuning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of an import, new or resumed: reads the file from its start (rows the journal counts as done are only
 * prepared, to rebuild the duplicate check and the generated ids), then sends the rest batch by batch. Each batch
 * is recorded before it is sent and recorded done after its outcomes are in the report, so a crash anywhere
 * re-sends at most the batch in flight; create and skip modes see their own earlier write as a 409 whose body
 * equals the row (IDENTICAL), upsert writes the same body again. Rows are never lost and never doubled.
 */
final class ImportRun {

    private final ImportRequest request;
    private final List<String> keyPaths;
    private final MoveJournal journal;
    private final ImportReportWriter report;
    private final ItemOperations ops;
    private final MoveTuning tuning;
    private final ImportStep.Listener steps;
    private final ImportControl control;
    private final long doneThrough;
    private final ImportCounts counts;
    private final long started = System.nanoTime();
    private long batch;
    private volatile String status;
    private ItemReader reader;

    ImportRun(ContainerHandle target, ImportRequest request, List<String> keyPaths, MoveJournal journal,
            ImportReportWriter report, MoveTuning tuning, ImportStep.Listener steps, ImportControl control,
            ImportJournal.State resumed) {
        this.request = request;
        this.keyPaths = keyPaths;
        this.journal = journal;
        this.report = report;
        this.tuning = tuning;
        this.steps = steps;
        this.control = control;
        this.doneThrough = resumed == null ? 0 : resumed.doneThrough();
        this.counts = resumed == null ? new ImportCounts() : resumed.counts();
        this.batch = resumed == null ? 0 : resumed.batches();
        this.ops = new ItemOperations(target.container(), tuning, line -> status = line);
    }

    /** Runs to the end of the file or a cancel; true when cancelled. */
    boolean run() {
        ItemPreparation preparation = new ItemPreparation(keyPaths, request.generateIds(), request.idSeed());
        boolean cancelled = false;
        try (ItemReader input = ItemReaders.open(request.file(), request.format(), request.csv())) {
            reader = input;
            List<PreparedRow> pending = new ArrayList<>(tuning.batchSize());
            for (SourceRow source = input.next(); source != null; source = input.next()) {
                PreparedRow row = preparation.prepare(source);
                if (row.row() <= doneThrough) {
                    continue;
                }
                pending.add(row);
                if (pending.size() >= tuning.batchSize()) {
                    if (control.isCancelRequested()) {
                        cancelled = true;
                        break;
                    }
                    send(pending);
                    pending = new ArrayList<>(tuning.batchSize());
                }
            }
            if (!cancelled && !pending.isEmpty()) {
                if (control.isCancelRequested()) {
                    cancelled = true;
                } else {
                    send(pending);
                }
            }
        }
        steps.reached(ImportStep.BEFORE_END, batch);
        return cancelled;
    }

    private void send(List<PreparedRow> rows) {
        batch++;
        journal.appendAndSync(ImportJournal.batch(batch, rows.get(0).row(), rows.get(rows.size() - 1).row()));
        steps.reached(ImportStep.AFTER_BATCH_RECORDED, batch);

        List<Op> writes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PreparedRow row = rows.get(i);
            if (row.ok()) {
                writes.add(request.mode() == ImportMode.UPSERT ? Op.upsert(i, row.id(), row.key(), row.body())
                        : Op.create(i, row.id(), row.key(), row.body()));
            }
        }
        Result[] written = new Result[rows.size()];
        for (Result result : ops.run(writes, line -> status = line, () -> false)) {
            written[result.op().index()] = result;
        }
        Result[] existing = readConflicts(rows, written);
        steps.reached(ImportStep.AFTER_WRITES, batch);

        for (int i = 0; i < rows.size(); i++) {
            settle(rows.get(i), written[i], existing[i]);
        }
        report.flush();
        steps.reached(ImportStep.AFTER_REPORT_WRITTEN, batch);
        journal.appendAndSync(ImportJournal.done(batch, rows.get(rows.size() - 1).row(), report.reportLength(),
                report.failedLength(), counts));
        status = null;
        control.report(progress());
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
            for (Result result : ops.run(reads, line -> status = line, () -> false)) {
                existing[result.op().index()] = result;
            }
        }
        return existing;
    }

    private void settle(PreparedRow row, Result write, Result existing) {
        RowOutcome outcome;
        String reason = null;
        int status = write == null ? 0 : write.status();
        if (!row.ok()) {
            outcome = RowOutcome.INVALID;
            reason = row.problem();
        } else if (write.ok()) {
            outcome = request.mode() == ImportMode.UPSERT ? RowOutcome.UPSERTED : RowOutcome.CREATED;
        } else if (status == 409 && existing != null && existing.ok() && sameContent(existing.item(), row.body())) {
            outcome = RowOutcome.IDENTICAL;
        } else if (status == 409 && request.mode() == ImportMode.SKIP_EXISTING) {
            outcome = RowOutcome.SKIPPED;
            reason = "An item with this id already exists in this partition; it was left as it is.";
        } else if (status == 409) {
            outcome = RowOutcome.CONFLICT;
            reason = "An item with this id already exists in this partition with other content; it was not "
                    + "overwritten.";
        } else {
            outcome = RowOutcome.FAILED;
            reason = write.reason();
        }
        counts.add(outcome);
        report.add(row, outcome, status, reason);
    }

    static boolean sameContent(ObjectNode onServer, ObjectNode ours) {
        return onServer != null && ItemContent.equalByValue(ItemContent.withoutSystemProperties(onServer), ours);
    }

    ImportProgress progress() {
        return new ImportProgress(counts.total(), counts.snapshot(), reader == null ? 0 : reader.bytesRead(),
                reader == null ? -1 : reader.totalBytes(), Duration.ofNanos(System.nanoTime() - started), status);
    }
}
