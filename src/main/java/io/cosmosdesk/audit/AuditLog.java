package io.cosmosdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log on disk: JSON Lines, one file per UTC day ({@code audit/2026-12-06.jsonl}) in the data folder,
 * readable by the user alone. Entries are appended and forced to disk before {@link #append} returns, so what
 * the UI then reports as done is on record. Files older than the retention are deleted when a day's file is
 * opened. A torn last line (a crash in the middle of a write) is skipped when reading, and the next append
 * starts on a line of its own. Thread-safe: a move's background calls and the editor append at once.
 *
 * <p>Only {@link AuditedWrites} appends item writes; other records (settings changes) go through {@link #append}.
 */
public final class AuditLog implements AutoCloseable {

    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final String EXTENSION = ".jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path folder;
    private final IntSupplier retentionDays;
    private final Clock clock;
    private FileChannel channel;
    private LocalDate day;
    private final Object queueLock = new Object();
    /** One thread serialising entry bodies ({@link #prepare}); made on first use, daemon, stopped by {@link #close}. */
    private ExecutorService writer;
    /** Group commit: batches written (under this) and batches known synced (under syncLock). */
    private final Object syncLock = new Object();
    private long writtenBatches;
    private long syncedBatches;
    private final java.util.concurrent.atomic.AtomicLong syncs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bodiesWaitNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writeSyncNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong appendNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytesWritten = new java.util.concurrent.atomic.AtomicLong();

    /** {@code folder}: {@code AppDirectories.data()/audit}. */
    public AuditLog(Path folder) {
        this(folder, () -> DEFAULT_RETENTION_DAYS, Clock.systemUTC());
    }

    /** {@code retentionDays} is asked at each day's first write, so a changed setting applies without restart. */
    public AuditLog(Path folder, IntSupplier retentionDays, Clock clock) {
        this.folder = folder;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /** Now, by this log's clock. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /**
     * Throws {@link CosmosDeskException} (UNKNOWN, with a sentence) when today's file cannot be opened: writers ask
     * before sending anything, so a write is refused rather than made without a record.
     */
    public synchronized void requireWritable() {
        try {
            channel();
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "The audit log in " + folder + " cannot be written ("
                    + e.getMessage() + "); nothing was sent.");
        }
    }

    public void append(AuditEntry entry) {
        append(List.of(entry));
    }

    /**
     * Appends {@code entries} and forces them to disk (one sync for all). A failure is logged, not thrown: the
     * writes they record have happened, and the caller must still learn how they ended.
     */
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        AuditLines.Buffer bytes = new AuditLines.Buffer(entries.size() * 512);
        int lines = 0;
        for (AuditEntry entry : entries) {
            try {
                AuditLines.line(bytes, entry);
                lines++;
            } catch (IOException e) {
                LOG.error("Could not write an audit entry for {} ({}): {}", entry.id(), entry.operation(), e.toString());
            }
        }
        appendLines(bytes, lines, start);
    }

    /**
     * Appends lines already rendered ({@link AuditLines}, each ending in a newline) and forces them to disk
     * before returning. Appends made at the same time share one sync (group commit): a sync covers everything
     * written before it, so a caller whose lines another caller's sync already covered does not sync again.
     * Failures are logged as for {@link #append}. {@code start} is when the caller began preparing them (nanoTime).
     */
    void appendLines(AuditLines.Buffer lines, int count, long start) {
        if (count == 0) {
            return;
        }
        long end;
        FileChannel out;
        long writeStart = System.nanoTime();
        synchronized (this) {
            try {
                out = channel();
                ByteBuffer buffer = lines.bytes();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                end = ++writtenBatches;
                bytesWritten.addAndGet(lines.size());
            } catch (IOException e) {
                LOG.error("Could not append {} entries to the audit log in {}: {}", count, folder, e.toString());
                appendNanos.addAndGet(System.nanoTime() - start);
                return;
            }
        }
        synchronized (syncLock) {
            if (syncedBatches < end) {
                long covered;
                synchronized (this) {
                    covered = writtenBatches;
                    out = channel;
                }
                try {
                    if (out != null) {
                        out.force(false);
                    }
                    syncedBatches = covered;
                    syncs.incrementAndGet();
                } catch (IOException e) {
                    LOG.error("Could not sync the audit log in {}: {}", folder, e.toString());
                }
            }
        }
        long done = System.nanoTime();
        writeSyncNanos.addAndGet(done - writeStart);
        appendNanos.addAndGet(done - start);
    }

    /**
     * Runs {@code work} on the log's own thread: a batch's entry bodies are serialised there while the batch is on
     * the network, so the caller's thread only splices them into lines once the answers are in.
     */
    <T> CompletableFuture<T> prepare(java.util.function.Supplier<T> work) {
        synchronized (queueLock) {
            return CompletableFuture.supplyAsync(work, writer());
        }
    }

    /** Time spent on the caller's thread appending so far (serialising, writing, syncing), for benchmarks. */
    public long appendNanos() {
        return appendNanos.get();
    }

    /** Bytes appended so far, for benchmarks. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Of {@link #appendNanos}: time spent waiting for bodies serialised ahead, and in write + sync; for benchmarks. */
    public long[] appendBreakdownNanos() {
        return new long[] {bodiesWaitNanos.get(), writeSyncNanos.get()};
    }

    void waitedForBodies(long nanos) {
        bodiesWaitNanos.addAndGet(nanos);
    }

    /** Syncs made so far (several appends at once share one), for benchmarks. */
    public long syncs() {
        return syncs.get();
    }

    /** Kept for callers that flushed the old writer-thread queue: every append now returns synced, so none waits. */
    public void flush() {
        // nothing is queued: append and appendLines return once their lines are on disk
    }

    private ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = Executors.defaultThreadFactory().newThread(task);
                thread.setName("audit-log-serialiser");
                thread.setDaemon(true);
                return thread;
            });
        }
        return writer;
    }

    /**
     * The entries {@code which} accepts, newest first, at most {@code limit}; lines that cannot be read (a torn
     * last line, a damaged one) are skipped.
     */
    public List<AuditEntry> read(Predicate<AuditEntry> which, int limit) {
        return AuditLogReading.all(files(true), null, which, limit);
    }

    /**
     * The entries of {@code job} that {@code which} accepts, newest first: lines of other jobs are skipped before
     * they are parsed, so a recovery can ask what its job already recorded without reading the whole log's bodies.
     */
    public List<AuditEntry> readJob(String job, Predicate<AuditEntry> which) {
        String quoted;
        try {
            quoted = "\"job\":" + Json.MAPPER.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            quoted = null;
        }
        return AuditLogReading.all(files(true), quoted, entry -> job.equals(entry.job()) && which.test(entry),
                Integer.MAX_VALUE);
    }

    /**
     * The entries {@code which} accepts, newest first, at most {@code limit}, handed to {@code pages} as they are
     * read: a first page of {@code firstPage} entries (so the newest can be shown at once), then pages of
     * {@code pageSize}, then what is left. Day files are read from their end ({@link NewestLines}), so the newest
     * entries cost the same however long the log is, and reading stops at the limit or when {@code pages} answers
     * false. Lines that cannot be read (a torn last line, a damaged one) are skipped.
     */
    public void read(Predicate<AuditEntry> which, int limit, int firstPage, int pageSize,
            Predicate<List<AuditEntry>> pages) {
        AuditLogReading.pages(files(true), null, which, limit, firstPage, pageSize, pages);
    }

    /**
     * The entries' reader, made when the log is first read, not when the class loads: building its deserializers
     * took the UI thread ~10 ms on the way to the first frame (the app context makes the log at start; s19).
     */
    private static final class Entries {
        static final ObjectReader READER = Json.MAPPER.readerFor(AuditEntry.class);
    }

    /** One line as an entry; null when it is not one (torn, damaged, empty). */
    static AuditEntry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return Entries.READER.readValue(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Day files, oldest first or newest first. */
    List<Path> files(boolean newestFirst) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path file : stream) {
                if (dayOf(file) != null) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the audit log folder {}: {}", folder, e.toString());
        }
        files.sort(null);
        if (newestFirst) {
            Collections.reverse(files);
        }
        return files;
    }

    /** Deletes the day files older than the retention (today counts as one day). */
    public synchronized void prune() {
        int keep = Math.max(1, retentionDays.getAsInt());
        LocalDate oldestKept = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(keep - 1L);
        for (Path file : files(false)) {
            LocalDate of = dayOf(file);
            if (of != null && of.isBefore(oldestKept)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not delete the old audit log {}: {}", file, e.toString());
                }
            }
        }
    }

    private static LocalDate dayOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(EXTENSION)) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(0, name.length() - EXTENSION.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Today's file, opened (and the old ones pruned) on the first write of a day. */
    private FileChannel channel() throws IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (channel != null && today.equals(day)) {
            return channel;
        }
        closeChannel();
        PrivateFiles.createFolder(folder);
        Path file = folder.resolve(today + EXTENSION);
        boolean torn = endsTorn(file);
        FileChannel opened = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (torn) {
            opened.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        channel = opened;
        day = today;
        prune();
        return channel;
    }

    /** After a crash mid-line, the next entry starts on a line of its own (the torn one stays unreadable). */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                // a day's last lines may have been written but not yet synced by their appender
                channel.force(false);
                channel.close();
            } catch (IOException e) {
                LOG.warn("Could not close the audit log: {}", e.toString());
            }
            channel = null;
            day = null;
        }
    }

    @Override
    public void close() {
        synchronized (queueLock) {
            if (writer != null) {
                writer.shutdown();
                writer = null;
            }
        }
        synchronized (this) {
            closeChannel();
        }
    }
}
