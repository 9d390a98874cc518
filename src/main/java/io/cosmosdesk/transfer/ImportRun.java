package io.cosmosdesk.transfer;

import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.move.ItemOperations;
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
    private final BatchWriter writer;
    private final MoveTuning tuning;
    private final ImportStep.Listener steps;
    private final ImportControl control;
    private final long doneThrough;
    private final ImportCounts counts;
    private final long started = System.nanoTime();
    private long batch;
    private volatile String status;
    private ItemReader reader;

    ImportRun(AuditedWrites writes, String jobId, ContainerHandle target, ImportRequest request, List<String> keyPaths,
            MoveJournal journal,
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
        this.writer = new BatchWriter(new ItemOperations(writes, target, jobId, tuning, line -> status = line),
                request.mode(), line -> status = line, AuditOperation.IMPORT_CREATE, AuditOperation.IMPORT_UPSERT);
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

        List<BatchWriter.Settled> settled = writer.write(rows);
        steps.reached(ImportStep.AFTER_WRITES, batch);
        for (BatchWriter.Settled row : settled) {
            counts.add(row.outcome());
            report.add(row.row(), row.outcome(), row.status(), row.reason());
        }
        report.flush();
        steps.reached(ImportStep.AFTER_REPORT_WRITTEN, batch);
        journal.appendAndSync(ImportJournal.done(batch, rows.get(rows.size() - 1).row(), report.reportLength(),
                report.failedLength(), counts));
        status = null;
        control.report(progress());
    }

    ImportProgress progress() {
        return new ImportProgress(counts.total(), counts.snapshot(), reader == null ? 0 : reader.bytesRead(),
                reader == null ? -1 : reader.totalBytes(), Duration.ofNanos(System.nanoTime() - started), status);
    }
}
