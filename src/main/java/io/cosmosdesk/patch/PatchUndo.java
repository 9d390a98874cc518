package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.Write;
import io.cosmosdesk.audit.WriteResult;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Undo of one journaled batch: each patched item gets its before-image back, only if it still has the ETag the
 * patch left. An item without a journaled answer (the app stopped between sending and recording) is read: left
 * alone when it still has the ETag it was read with (never patched), restored when it holds exactly what the
 * patch made of it, reported when anything else changed it.
 */
final class PatchUndo {

    private final ContainerHandle handle;
    private final AuditedWrites writes;
    private final PatchSpec spec;
    private final String job;

    PatchUndo(ContainerHandle handle, AuditedWrites writes, PatchSpec spec, String job) {
        this.handle = handle;
        this.writes = writes;
        this.spec = spec;
        this.job = job;
    }

    void restore(PatchJournal.Batch batch, PatchReportWriter report, Map<PatchOutcome, Long> counts)
            throws IOException {
        List<PatchJournal.Before> unknown = new ArrayList<>();
        List<Write<PatchJournal.Before>> restores = new ArrayList<>();
        for (PatchJournal.Before item : batch.items()) {
            JsonNode result = batch.resultOf(item);
            if (result == null) {
                unknown.add(item);
            } else if ("patched".equals(result.path("outcome").asText())) {
                restores.add(restoreOf(item, result.path("etag").asText(null)));
            } else {
                outcome(report, counts, item, PatchOutcome.NOTHING_TO_UNDO, null, null);
            }
        }
        if (!unknown.isEmpty()) {
            List<Write<PatchJournal.Before>> reads = new ArrayList<>();
            unknown.forEach(item -> reads.add(Write.read(item.id(), item.key(), item)));
            for (WriteResult<PatchJournal.Before> read : writes.bulk(handle, reads, null)) {
                PatchJournal.Before item = read.write().context();
                if (read.status() == 404) {
                    outcome(report, counts, item, PatchOutcome.NOT_FOUND, null, null);
                } else if (!read.ok()) {
                    outcome(report, counts, item, PatchOutcome.FAILED, null, read.error().userMessage());
                } else if (read.etag() != null && read.etag().equals(item.etag())) {
                    outcome(report, counts, item, PatchOutcome.NOTHING_TO_UNDO, null, null);
                } else if (isWhatThePatchMade(item, read.item())) {
                    restores.add(restoreOf(item, read.etag()));
                } else {
                    outcome(report, counts, item, PatchOutcome.CHANGED_SINCE_PATCH, read.etag(), null);
                }
            }
        }
        if (restores.isEmpty()) {
            return;
        }
        for (WriteResult<PatchJournal.Before> result : writes.bulk(handle, restores, job)) {
            PatchJournal.Before item = result.write().context();
            if (result.ok()) {
                outcome(report, counts, item, PatchOutcome.RESTORED, result.etag(), null);
            } else if (result.status() == 404) {
                outcome(report, counts, item, PatchOutcome.NOT_FOUND, null, null);
            } else if (result.status() == 412) {
                outcome(report, counts, item, alreadyRestored(item) ? PatchOutcome.RESTORED
                        : PatchOutcome.CHANGED_SINCE_PATCH, null, null);
            } else {
                outcome(report, counts, item, PatchOutcome.FAILED, null,
                        result.error() == null ? null : result.error().userMessage());
            }
        }
    }

    private Write<PatchJournal.Before> restoreOf(PatchJournal.Before item, String patchedEtag) {
        ObjectNode after = null;
        try {
            after = ItemContent.withoutSystemProperties(LocalPatch.apply(item.body(), spec));
        } catch (LocalPatch.NotApplicable e) {
            // the server applied it, so this does not happen; the log then simply has no "before" for the undo
        }
        return Write.replace(AuditOperation.PATCH_UNDO, item.id(), item.key(),
                ItemContent.withoutSystemProperties(item.body()), patchedEtag, after, item);
    }

    private boolean isWhatThePatchMade(PatchJournal.Before item, ObjectNode current) {
        try {
            ObjectNode expected = ItemContent.withoutSystemProperties(LocalPatch.apply(item.body(), spec));
            return ItemContent.equalByValue(expected, ItemContent.withoutSystemProperties(current));
        } catch (LocalPatch.NotApplicable e) {
            return false;
        }
    }

    /** A 412 on a restore an earlier (interrupted) undo already made: the item holds its before-image. */
    private boolean alreadyRestored(PatchJournal.Before item) {
        List<WriteResult<Void>> read = writes.bulk(handle, List.of(Write.read(item.id(), item.key(), null)), null);
        return !read.isEmpty() && read.get(0).ok() && ItemContent.equalByValue(
                ItemContent.withoutSystemProperties(item.body()),
                ItemContent.withoutSystemProperties(read.get(0).item()));
    }

    private static void outcome(PatchReportWriter report, Map<PatchOutcome, Long> counts, PatchJournal.Before item,
            PatchOutcome outcome, String etag, String message) throws IOException {
        counts.merge(outcome, 1L, Long::sum);
        report.line(item.id(), item.key(), outcome, etag, message);
    }
}
