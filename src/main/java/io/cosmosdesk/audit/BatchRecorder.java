package io.cosmosdesk.audit;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a batch of writes ({@link AuditedWrites#bulk}, a chunk of {@link AuditedWrites#each}) cheaply without
 * weakening the guarantee that the entries are on disk before the caller learns how the writes ended: the
 * bodies are serialised on the log's own thread while the batch is on the network ({@link #ahead}), and when the
 * answers are in, the lines are the entries' small fields with those bytes spliced in, appended and synced once
 * (a sync shared with any other append at the same time).
 */
final class BatchRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecorder.class);

    private final AuditLog log;
    private final AuditEntries entries;

    BatchRecorder(AuditLog log, AuditEntries entries) {
        this.log = log;
        this.entries = entries;
    }

    /** Starts writing out what is known of {@code sent}'s entries (before sending them); one per write, in order. */
    <T> CompletableFuture<List<AuditLines.Ahead>> ahead(ContainerHandle handle, List<Write<T>> sent, String job) {
        List<Write<T>> copy = List.copyOf(sent);
        return log.prepare(() -> {
            List<AuditLines.Ahead> known = new ArrayList<>(copy.size());
            for (Write<T> write : copy) {
                known.add(AuditEntries.aheadPossible(write) ? entries.ahead(handle, write, job) : null);
            }
            return known;
        });
    }

    /**
     * Appends and syncs the entries of {@code done} (results of writes among {@code sent}; reads are not recorded),
     * with what was written out {@code ahead}. Returns once they are on disk.
     */
    <T> void record(ContainerHandle handle, List<Write<T>> sent, CompletableFuture<List<AuditLines.Ahead>> ahead,
            List<WriteResult<T>> done, String job) {
        long start = System.nanoTime();
        List<AuditLines.Ahead> known;
        try {
            known = ahead.join();
            log.waitedForBodies(System.nanoTime() - start);
        } catch (RuntimeException e) {
            LOG.warn("Writing a batch's audit entries ahead failed ({}); writing them the plain way", e.toString());
            recordPlainly(handle, done, job);
            return;
        }
        Map<Write<?>, AuditLines.Ahead> byWrite = new IdentityHashMap<>();
        int size = 256;
        for (int i = 0; i < sent.size(); i++) {
            AuditLines.Ahead part = known.get(i);
            if (part != null) {
                byWrite.put(sent.get(i), part);
                size += 256 + part.head().length + (part.before() == null ? 0 : part.before().length)
                        + (part.after() == null ? 0 : part.after().length);
            } else {
                size += 2_048;
            }
        }
        // sized for the lines up front: growing a buffer of a few hundred kilobytes copies it each time
        AuditLines.Buffer lines = new AuditLines.Buffer(size);
        String answeredAt = log.now().toString(); // the batch's answers came together
        int count = 0;
        for (WriteResult<T> result : done) {
            if (result.write().kind() == Write.Kind.READ) {
                continue;
            }
            AuditLines.Ahead part = byWrite.get(result.write());
            try {
                if (part == null) {
                    AuditLines.line(lines, entries.of(handle, result, job));
                } else {
                    AuditLines.line(lines, entries.answerOf(result, answeredAt), part.head(), part.before(),
                            AuditEntries.carriesAfter(result) ? part.after() : null);
                }
                count++;
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not write an audit entry for {} ({}): {}", result.write().id(),
                        result.write().operation().code(), e.toString());
            }
        }
        log.appendLines(lines, count, start);
    }

    /** See {@link AuditedWrites#recordRecovered}. */
    <T> int recordRecovered(ContainerHandle handle, List<WriteResult<T>> found, String job) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        for (AuditEntry entry : log.readJob(job, AuditEntry::ok)) {
            recorded.add(entry.operation() + " " + entry.id() + " " + entry.partitionKey());
        }
        List<AuditEntry> missing = new ArrayList<>();
        for (WriteResult<T> result : found) {
            Write<T> write = result.write();
            if (recorded.add(write.operation().code() + " " + write.id() + " " + write.key().toJsonArray())) {
                AuditEntry entry = entries.of(handle, result, job);
                missing.add(new AuditEntry(entry.time(), entry.user(), entry.connection(), entry.endpoint(),
                        entry.database(), entry.container(), entry.id(), entry.partitionKey(), entry.operation(),
                        entry.outcome(), entry.errorKind(), entry.status(), AuditedWrites.RECORDED_ON_RECOVERY, entry.etagBefore(),
                        entry.etagAfter(), entry.before(), entry.after(), entry.job()));
            }
        }
        log.append(missing);
        return missing.size();
    }

    private <T> void recordPlainly(ContainerHandle handle, List<WriteResult<T>> done, String job) {
        List<AuditEntry> recorded = new ArrayList<>(done.size());
        for (WriteResult<T> result : done) {
            if (result.write().kind() != Write.Kind.READ) {
                recorded.add(entries.of(handle, result, job));
            }
        }
        log.append(recorded);
    }
}
