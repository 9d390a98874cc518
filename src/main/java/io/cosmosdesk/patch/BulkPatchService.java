package io.cosmosdesk.patch;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.PatchRequest;
import io.cosmosdesk.audit.Write;
import io.cosmosdesk.audit.WriteResult;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.move.QueryPages;
import io.cosmosdesk.move.ServerUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk patch: the same operations (and optional condition) applied to the grid's selection or to every item a
 * query selects. {@link #dryRun} writes nothing; {@link #apply} streams the items a batch at a time, journals
 * their before-images (synced) before each batch goes out, patches each item through the audit door with
 * If-Match on the ETag it was read with, and reports per item; {@link #undo} puts the before-images back from the
 * journal, conditional on the ETags the patch left, also after the app stopped mid-job. Blocking: call it from a
 * background task (the Jobs panel runs it).
 */
public final class BulkPatchService {

    /** Items sampled for the dry run's before -> after. */
    public static final int SAMPLE = 5;
    /** Batches in flight at once (see {@link PatchPipeline}). */
    static final int PIPELINE_DEPTH = 4;
    /** Pages of an "every item matching" scope read ahead of the one being patched. */
    static final int READ_AHEAD = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Set<ErrorKind> STOPS_THE_JOB = Set.of(ErrorKind.UNREACHABLE, ErrorKind.UNAUTHORIZED,
            ErrorKind.FORBIDDEN, ErrorKind.TIMEOUT, ErrorKind.READ_ONLY);

    /** Cancel, progress and (for tests and the crash they simulate) the moments around each batch. */
    public interface Control {
        boolean cancelled();

        void progress(long done, long total, String message);

        /** The batch's before-images are journaled and synced; it is about to be sent. */
        default void sending(int batchItems) {
        }

        /** The batch's answers are in; they are about to be journaled. */
        default void sent(int batchItems) {
        }

        Control NONE = new Control() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(long done, long total, String message) {
            }
        };
    }

    private final Path folder;
    private final AuditedWrites writes;
    private final MoveTuning tuning;

    public BulkPatchService(Path folder, AuditedWrites writes) {
        this(folder, writes, MoveTuning.defaults());
    }

    public BulkPatchService(Path folder, AuditedWrites writes, MoveTuning tuning) {
        this.folder = folder;
        this.writes = writes;
        this.tuning = tuning;
    }

    /** Where journals and reports are kept (0700). */
    public Path folder() {
        return folder;
    }

    // ---- Dry run

    /**
     * What {@link #apply} would do, without writing: items in scope, how many the operations apply to (each item
     * read and patched locally, a page at a time), how many satisfy the condition, and a sample's before -> after.
     */
    public DryRun dryRun(ContainerHandle handle, PatchScope scope, PatchSpec spec, Control control) {
        requireAllowed(handle, spec);
        long[] counts = new long[2];
        List<DryRun.Sample> samples = new ArrayList<>();
        long total = total(handle, scope);
        forEachPage(handle, scope, page -> {
            for (MoveSource item : page) {
                counts[0]++;
                ObjectNode after = null;
                String problem = null;
                try {
                    after = LocalPatch.apply(item.body(), spec);
                    counts[1]++;
                } catch (LocalPatch.NotApplicable e) {
                    problem = e.getMessage();
                }
                if (samples.size() < SAMPLE) {
                    samples.add(new DryRun.Sample(item.id(), item.partitionKey(), item.body(), after, problem,
                            spec.condition() == null ? null : satisfies(handle, item, spec)));
                }
            }
            control.progress(counts[0], total, "Read " + counts[0] + " of " + total + " items");
            return !control.cancelled();
        });
        long conditionMet = spec.condition() == null ? -1 : countSatisfying(handle, scope, spec);
        return new DryRun(counts[0], counts[1], conditionMet, samples);
    }

    private boolean satisfies(ContainerHandle handle, MoveSource item, PatchSpec spec) {
        String where = spec.conditionWhere();
        if (where == null) {
            return true;
        }
        SqlQuerySpec query = new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c WHERE c.id = @id AND (" + where + ")",
                List.of(new SqlParameter("@id", item.id())));
        try {
            Long count = handle.container().queryItems(query, new CosmosQueryRequestOptions()
                    .setPartitionKey(item.partitionKey().toPartitionKey()), Long.class).blockFirst();
            return count != null && count > 0;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Checking the condition", e);
        }
    }

    /** Items of a query scope that satisfy the condition too; -1 when that cannot be counted in one query. */
    private long countSatisfying(ContainerHandle handle, PatchScope scope, PatchSpec spec) {
        String where = spec.conditionWhere();
        if (where == null) {
            return -1;
        }
        if (scope instanceof PatchScope.Matching matching) {
            SqlQuerySpec count = matching.query().toCountSpec();
            String text = count.getQueryText();
            boolean hasWhere = text.toUpperCase(java.util.Locale.ROOT).contains(" WHERE ");
            if (hasWhere && !text.toUpperCase(java.util.Locale.ROOT).matches("^SELECT VALUE COUNT\\(1\\) FROM C WHERE .*")) {
                return -1;
            }
            String combined = hasWhere ? "SELECT VALUE COUNT(1) FROM c WHERE (" + text.substring(text.indexOf(" WHERE ")
                    + 7) + ") AND (" + where + ")" : text + " WHERE (" + where + ")";
            try {
                Long n = handle.container().queryItems(new SqlQuerySpec(combined, count.getParameters()),
                        new CosmosQueryRequestOptions(), Long.class).blockFirst();
                return n == null ? 0 : n;
            } catch (RuntimeException e) {
                throw CosmosErrors.map("Counting the items that satisfy the condition", e);
            }
        }
        long met = 0;
        for (ObjectNode item : ((PatchScope.Selection) scope).items()) {
            MoveSource source = source(handle, item);
            met += satisfies(handle, source, spec) ? 1 : 0;
        }
        return met;
    }

    // ---- Apply

    /**
     * Patches every item in scope, a batch at a time, each with If-Match on the ETag it was read with; an item
     * changed since is reported, not overwritten. Refuses a read-only connection before anything is read.
     */
    public PatchReport apply(ContainerHandle handle, PatchScope scope, PatchSpec spec, Control control) {
        return apply(handle, scope, spec, newJobId(), control);
    }

    /** A new job's id: its journal is {@link #journalOf}. */
    public static String newJobId() {
        return "patch-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Where job {@code job}'s journal is (once it started). */
    public Path journalOf(String job) {
        return folder.resolve(job + ".journal.jsonl");
    }

    /** {@link #apply(ContainerHandle, PatchScope, PatchSpec, Control)} as job {@code job}. */
    public PatchReport apply(ContainerHandle handle, PatchScope scope, PatchSpec spec, String job, Control control) {
        requireAllowed(handle, spec);
        PatchRequest request = spec.toRequest();
        Map<PatchOutcome, Long> counts = java.util.Collections.synchronizedMap(new EnumMap<>(PatchOutcome.class));
        long total = total(handle, scope);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        boolean[] cancelled = {false};
        int[] batches = {0};
        PatchPipeline pipeline = new PatchPipeline(PIPELINE_DEPTH);
        try (PatchJournal journal = PatchJournal.create(folder, job, handle, spec, scope.describe());
                PatchReportWriter report = PatchReportWriter.create(folder.resolve(job + ".report.jsonl"))) {
            try {
                forEachPage(handle, scope, page -> {
                    if (control.cancelled()) {
                        cancelled[0] = true;
                        return false;
                    }
                    if (pipeline.stopped() != null) {
                        return false;
                    }
                    int number = ++batches[0];
                    pipeline.submit(() -> {
                        String stop = patchBatch(handle, spec, request, job, number, page, journal, report, counts,
                                control);
                        long now = done.addAndGet(page.size());
                        control.progress(now, total, "Patched " + counts.getOrDefault(PatchOutcome.PATCHED, 0L)
                                + " of " + total + " items");
                        return stop;
                    });
                    return true;
                });
            } finally {
                pipeline.awaitAll();
            }
            writes.flush();
            String stopped = pipeline.stopped();
            journal.end(cancelled[0] ? "cancelled" : stopped != null ? "stopped" : "done");
            return new PatchReport(job, counts, cancelled[0], report.file(), journal.file(), stopped);
        } catch (IOException | UncheckedIOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "The patch journal in " + folder
                    + " could not be written, so the patch stopped: " + e.getMessage());
        }
    }

    /** One batch: journal, patch, record; returns the sentence that stops the job, or null. */
    private String patchBatch(ContainerHandle handle, PatchSpec spec, PatchRequest request, String job,
            int number, List<MoveSource> page, PatchJournal journal, PatchReportWriter report, Map<PatchOutcome, Long> counts,
            Control control) throws IOException {
        List<Write<MoveSource>> batch = new ArrayList<>(page.size());
        List<PatchJournal.Before> befores = new ArrayList<>(page.size());
        for (MoveSource item : page) {
            try {
                ObjectNode after = LocalPatch.apply(item.body(), spec);
                batch.add(Write.patch(AuditOperation.PATCH, item.id(), item.partitionKey(), request, item.etag(),
                        item.body(), ItemContent.withoutSystemProperties(after), item));
                befores.add(new PatchJournal.Before(item.id(), item.partitionKey(), item.etag(), item.body()));
            } catch (LocalPatch.NotApplicable e) {
                count(counts, PatchOutcome.NOT_APPLICABLE);
                report.line(item.id(), item.partitionKey(), PatchOutcome.NOT_APPLICABLE, null, e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return null;
        }
        journal.before(number, befores);
        control.sending(batch.size());
        List<WriteResult<MoveSource>> results = writes.bulk(handle, batch, job);
        control.sent(batch.size());
        List<ObjectNode> lines = new ArrayList<>(results.size());
        String stop = null;
        int stopping = 0;
        for (WriteResult<MoveSource> result : results) {
            MoveSource item = result.write().context();
            PatchOutcome outcome = outcomeOf(handle, spec, result);
            String message = result.ok() || result.error() == null ? null : result.error().userMessage();
            count(counts, outcome);
            lines.add(PatchJournal.result(number, item.id(), item.partitionKey(), outcome, result.ok() ? result.etag() : null));
            report.line(item.id(), item.partitionKey(), outcome, result.etag(), message);
            if (outcome == PatchOutcome.FAILED && result.error() != null
                    && (STOPS_THE_JOB.contains(result.error().kind()))) {
                stopping++;
                stop = result.error().userMessage();
            }
        }
        journal.results(lines);
        // every item of the batch failed for a reason the next batch would meet too: stop, resumably undoable
        return stopping == results.size() ? stop : null;
    }

    private PatchOutcome outcomeOf(ContainerHandle handle, PatchSpec spec, WriteResult<MoveSource> result) {
        if (result.ok()) {
            return PatchOutcome.PATCHED;
        }
        return switch (result.status()) {
            case 404 -> PatchOutcome.NOT_FOUND;
            case 400 -> PatchOutcome.NOT_APPLICABLE;
            case 412 -> spec.condition() == null || changedSinceRead(handle, result.write().context())
                    ? PatchOutcome.CHANGED : PatchOutcome.CONDITION_NOT_MET;
            default -> PatchOutcome.FAILED;
        };
    }

    /** After a 412 with a condition: did the ETag change (someone else), or was it the condition? */
    private boolean changedSinceRead(ContainerHandle handle, MoveSource item) {
        List<WriteResult<Void>> read = writes.bulk(handle, List.of(Write.read(item.id(), item.partitionKey(), null)),
                null);
        return read.isEmpty() || !read.get(0).ok() || !java.util.Objects.equals(read.get(0).etag(), item.etag());
    }

    // ---- Undo

    /**
     * Puts back the before-images a patch journaled, each only if the item still has the ETag the patch left (an
     * item changed after the patch is reported, not overwritten). Items the journal has no answer for (the app
     * stopped mid-batch) are read first: restored when they hold exactly what the patch made of them.
     */
    public PatchReport undo(ContainerHandle handle, Path journalFile, Control control) {
        handle.connection().requireWritable();
        PatchJournal.Header header;
        try {
            header = PatchJournal.header(journalFile);
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "The patch journal " + journalFile.getFileName()
                    + " cannot be read: " + e.getMessage());
        }
        if (!header.database().equals(handle.ref().databaseId())
                || !header.container().equals(handle.ref().containerId())) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "This patch was made on " + header.database() + "/"
                    + header.container() + ", not on " + handle.ref() + ".");
        }
        String job = header.job() + "-undo-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        PatchUndo undo = new PatchUndo(handle, writes, header.spec(), job);
        Map<PatchOutcome, Long> counts = new EnumMap<>(PatchOutcome.class);
        boolean[] cancelled = {false};
        long[] done = {0};
        try (PatchReportWriter report = PatchReportWriter.create(folder.resolve(job + ".report.jsonl"))) {
            PatchJournal.forEachBatch(journalFile, batch -> {
                if (cancelled[0] || control.cancelled()) {
                    cancelled[0] = true;
                    return;
                }
                try {
                    undo.restore(batch, report, counts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                done[0] += batch.items().size();
                control.progress(done[0], -1, "Restored " + counts.getOrDefault(PatchOutcome.RESTORED, 0L)
                        + " items");
            });
            writes.flush();
            return new PatchReport(job, counts, cancelled[0], report.file(), journalFile, null);
        } catch (IOException | UncheckedIOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "Undo stopped: " + e.getMessage());
        }
    }

    /** The journals of patches made on {@code handle}'s container, newest first (for "Undo a patch…"). */
    public List<Path> journalsOf(ContainerHandle handle) {
        return PatchJournals.of(folder, handle).stream().map(PastPatch::journal).toList();
    }

    // ---- Shared

    private static void requireAllowed(ContainerHandle handle, PatchSpec spec) {
        handle.connection().requireWritable();
        try {
            spec.requireAllowedFor(handle.info().partitionKeyPaths());
        } catch (IllegalArgumentException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, e.getMessage());
        }
    }

    private static void count(Map<PatchOutcome, Long> counts, PatchOutcome outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    private long total(ContainerHandle handle, PatchScope scope) {
        if (scope instanceof PatchScope.Selection selection) {
            return selection.items().size();
        }
        try {
            Long count = handle.container().queryItems(((PatchScope.Matching) scope).query().toCountSpec(),
                    new CosmosQueryRequestOptions(), Long.class).blockFirst();
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Counting the items to patch", e);
        }
    }

    private static MoveSource source(ContainerHandle handle, ObjectNode item) {
        return new MoveSource(item.path("id").asText(), PartitionKeyValue.fromItem(item,
                handle.info().partitionKeyPaths()), item.path("_etag").asText(null), item);
    }

    /** Hands the scope's items to {@code page} a batch at a time, until it returns false or they end. */
    private void forEachPage(ContainerHandle handle, PatchScope scope,
            java.util.function.Predicate<List<MoveSource>> page) {
        int size = tuning.batchSize();
        if (scope instanceof PatchScope.Selection selection) {
            List<ObjectNode> items = selection.items();
            for (int from = 0; from < items.size(); from += size) {
                List<MoveSource> batch = new ArrayList<>();
                for (ObjectNode item : items.subList(from, Math.min(items.size(), from + size))) {
                    batch.add(source(handle, item));
                }
                if (!page.test(batch)) {
                    return;
                }
            }
            return;
        }
        QueryPages pages = new QueryPages(handle, ((PatchScope.Matching) scope).query().toSqlQuerySpec(), size,
                tuning);
        // the next pages are read while the ones before are patched (two ahead: memory stays bounded)
        try (PageReadAhead<MoveSource> ahead = new PageReadAhead<>(pages::next, READ_AHEAD)) {
            for (List<MoveSource> batch = ahead.next(); batch != null; batch = ahead.next()) {
                if (!page.test(batch)) {
                    return;
                }
            }
        } catch (ServerUnavailableException e) {
            throw e.last();
        }
    }
}
