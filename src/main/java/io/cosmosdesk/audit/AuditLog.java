package io.cosmosdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(AuditEntry.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(AuditEntry.class);

    private final Path folder;
    private final IntSupplier retentionDays;
    private final Clock clock;
    private FileChannel channel;
    private LocalDate day;
    private final Object queueLock = new Object();
    /** The last queued append: {@link #appendLater} chains onto it, {@link #flush} waits for it. */
    private CompletableFuture<Void> queued = CompletableFuture.completedFuture(null);
    /** One thread writing queued entries in order; made on first use, daemon, stopped by {@link #close}. */
    private ExecutorService writer;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512);
        for (AuditEntry entry : entries) {
            try {
                WRITER.writeValue(bytes, entry);
            } catch (IOException e) {
                LOG.error("Could not write an audit entry for {} ({}): {}", entry.id(), entry.operation(), e.toString());
                continue;
            }
            bytes.write('\n');
        }
        synchronized (this) {
            try {
                FileChannel out = channel();
                ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false);
                bytesWritten.addAndGet(bytes.size());
            } catch (IOException e) {
                LOG.error("Could not append {} entries to the audit log in {}: {}", entries.size(), folder,
                        e.toString());
            }
        }
        appendNanos.addAndGet(System.nanoTime() - start);
    }

    /** Time spent in {@link #append} so far (serialising, writing, syncing), for benchmarks. */
    public long appendNanos() {
        return appendNanos.get();
    }

    /** Bytes appended so far, for benchmarks. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /**
     * Queues {@code entries} for the log's own writer thread and returns at once: for jobs (moves, imports) whose
     * many writes would otherwise wait for serialising and syncing their entries between batches. Entries keep
     * their order; {@link #flush} waits until everything queued is written and synced, and a job calls it before
     * it reports (see {@link AuditedWrites#flush}).
     */
    public void appendLater(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (queueLock) {
            queued = queued.thenRunAsync(() -> append(entries), writer());
        }
    }

    /** Waits until every entry given to {@link #appendLater} is written and synced. */
    public void flush() {
        CompletableFuture<Void> last;
        synchronized (queueLock) {
            last = queued;
        }
        boolean interrupted = false;
        while (true) {
            try {
                last.get();
                break;
            } catch (InterruptedException e) {
                // the entries are on their way to disk: the caller must not report before they are there
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("Writing queued audit entries failed: {}", e.getCause().toString());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = Executors.defaultThreadFactory().newThread(task);
                thread.setName("audit-log-writer");
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
        List<AuditEntry> newestFirst = new ArrayList<>();
        for (Path file : files(true)) {
            List<AuditEntry> ofDay = new ArrayList<>();
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    AuditEntry entry = parse(line);
                    if (entry != null && which.test(entry)) {
                        ofDay.add(entry);
                    }
                }
            } catch (IOException e) {
                LOG.warn("Could not read the audit log {}: {}", file, e.toString());
            }
            Collections.reverse(ofDay);
            for (AuditEntry entry : ofDay) {
                if (newestFirst.size() >= limit) {
                    return newestFirst;
                }
                newestFirst.add(entry);
            }
        }
        return newestFirst;
    }

    /** One line as an entry; null when it is not one (torn, damaged, empty). */
    static AuditEntry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return READER.readValue(line);
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
        flush();
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
