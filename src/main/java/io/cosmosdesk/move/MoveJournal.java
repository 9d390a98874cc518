package io.cosmosdesk.move;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import io.cosmosdesk.files.PrivateFiles;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable record of one move job: a file of JSON lines in the moves folder, appended to and never
 * rewritten. {@link #sync()} forces what was appended to the disk; the mover syncs a record before the
 * server write it describes. A crash can tear the last line; {@link #read} ignores a torn tail and
 * {@link #openForAppend} cuts it off before appending. Finished journals move to {@code done/}.
 *
 * <p>While a job runs its journal is locked, so a second window cannot resume the same job.
 */
public final class MoveJournal implements AutoCloseable {

    public static final String EXTENSION = ".jsonl";
    static final String DONE_FOLDER = "done";
    private static final ObjectMapper JSON = Json.MAPPER;

    private Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private long syncCount;
    private long syncNanos;
    private boolean closed;

    private MoveJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code <jobId>.jsonl} in {@code folder} with its header, synced (file and folder). */
    public static MoveJournal create(Path folder, String jobId, ObjectNode header) {
        try {
            // it holds whole item bodies: readable by the user alone
            PrivateFiles.createFolder(folder);
            Path file = folder.resolve(jobId + EXTENSION);
            FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            MoveJournal journal = new MoveJournal(file, channel, lock(channel, file));
            journal.append(header);
            journal.sync();
            syncFolder(folder);
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the move journal in " + folder, e);
        }
    }

    /** Opens an existing journal to continue it, cutting off a torn last line first. */
    public static MoveJournal openForAppend(Path file) {
        Contents contents = read(file);
        try {
            // one made world-readable by an earlier version is narrowed, with its folder
            PrivateFiles.restrict(file.toAbsolutePath().getParent());
            FileChannel channel = PrivateFiles.open(file, StandardOpenOption.WRITE);
            FileLock lock = lock(channel, file);
            channel.truncate(contents.validLength());
            channel.position(contents.validLength());
            channel.force(true);
            return new MoveJournal(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the move journal " + file, e);
        }
    }

    /** The header, the records after it, and whether a torn last line was left out. */
    public record Contents(Path file, ObjectNode header, List<ObjectNode> records, boolean tornTail,
            long validLength) {
    }

    /** Reads a journal; a damaged line anywhere but at the end is an error, a torn last line is not. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the move journal " + file, e);
        }
        List<ObjectNode> lines = new ArrayList<>();
        int start = 0;
        long validLength = 0;
        boolean torn = false;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                torn = true; // no newline: the write was cut short
                break;
            }
            ObjectNode line = parse(bytes, start, end);
            if (line == null) {
                if (!onlyBlankOrTornAfter(bytes, end + 1)) {
                    throw damaged(file, lines.size() + 1);
                }
                torn = true;
                break;
            }
            lines.add(line);
            start = end + 1;
            validLength = start;
        }
        if (lines.isEmpty() || !"JOB".equals(lines.get(0).path("t").asText())) {
            throw damaged(file, 1);
        }
        return new Contents(file, lines.get(0), List.copyOf(lines.subList(1, lines.size())), torn, validLength);
    }

    /** Appends one record; durable only after {@link #sync()}. */
    public void append(ObjectNode record) {
        try {
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the move journal " + file, e);
        }
    }

    /** Forces everything appended so far to the disk. */
    public void sync() {
        long start = System.nanoTime();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync the move journal " + file, e);
        }
        syncNanos += System.nanoTime() - start;
        syncCount++;
    }

    public void appendAndSync(ObjectNode record) {
        append(record);
        sync();
    }

    public Path file() {
        return file;
    }

    /** How many times, and for how long in total, this journal was forced to disk. */
    public long syncCount() {
        return syncCount;
    }

    public long syncNanos() {
        return syncNanos;
    }

    /** Closes the journal and moves it to {@code done/}: the job no longer counts as unfinished. */
    public Path closeAsFinished() {
        close();
        Path done = file.getParent().resolve(DONE_FOLDER);
        try {
            PrivateFiles.createFolder(done);
            Path target = done.resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(file.getParent());
            file = target;
            return target;
        } catch (IOException e) {
            // the END record is synced, so the job reads as finished even where it is
            return file;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the move journal " + file, e);
        }
    }

    private static FileLock lock(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new CosmosDeskException(ErrorKind.CONFLICT,
                    "This move is already running in another CosmosDesk window (" + file.getFileName() + ").");
        }
        return lock;
    }

    private static void syncFolder(Path folder) {
        // makes the new file's name durable; not possible on every platform (Windows), where it is skipped
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    private static ObjectNode parse(byte[] bytes, int start, int end) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object && object.has("t") ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A bad line is a torn tail only when no intact record follows it (NULs of unwritten blocks, a cut line). */
    private static boolean onlyBlankOrTornAfter(byte[] bytes, int from) {
        int start = from;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                end = bytes.length;
            }
            if (parse(bytes, start, end) != null) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static CosmosDeskException damaged(Path file, int line) {
        return new CosmosDeskException(ErrorKind.UNKNOWN, "The move journal " + file.getFileName()
                + " is damaged at line " + line + "; it cannot be resumed automatically.");
    }
}
