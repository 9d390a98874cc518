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
import java.io.InputStream;
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
import java.util.function.Consumer;

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
        List<ObjectNode> records = new ArrayList<>();
        Scan scan = scan(file, records::add);
        return new Contents(file, scan.header(), List.copyOf(records.subList(1, records.size())), scan.tornTail(),
                scan.validLength());
    }

    /** What {@link #scan} found besides the records: the header, a torn last line, where the intact part ends. */
    public record Scan(ObjectNode header, boolean tornTail, long validLength) {
    }

    /**
     * Reads a journal line by line, handing each record (the header first) to {@code records} as it is read, so a
     * journal of any length is read in constant memory (beyond what {@code records} keeps). The same rules as
     * {@link #read}: a damaged line followed by an intact record is an error (thrown after the records before
     * it were handed over), a torn tail is not.
     */
    public static Scan scan(Path file, Consumer<ObjectNode> records) {
        return scan(file, Long.MAX_VALUE, records);
    }

    /** {@link #scan(Path, Consumer)} of the first {@code limit} bytes only (what was there when a reader began). */
    public static Scan scan(Path file, long limit, Consumer<ObjectNode> records) {
        try (InputStream in = limited(Files.newInputStream(file), limit)) {
            LineReader lines = new LineReader(in);
            ObjectNode header = null;
            long validLength = 0;
            int lineNumber = 0;
            int firstBadLine = 0;
            boolean torn = false;
            byte[] line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (firstBadLine != 0) {
                    // after a bad line only more damage may follow: an intact record means the bad line is not a tail
                    if (parse(line, lines.length()) != null) {
                        throw damaged(file, firstBadLine);
                    }
                    continue;
                }
                if (!lines.complete()) {
                    torn = true; // no newline: the write was cut short
                    break;
                }
                ObjectNode record = parse(line, lines.length());
                if (record == null) {
                    torn = true;
                    firstBadLine = lineNumber;
                    continue;
                }
                if (header == null) {
                    if (!"JOB".equals(record.path("t").asText())) {
                        throw damaged(file, 1);
                    }
                    header = record;
                }
                records.accept(record);
                validLength = lines.position();
            }
            if (header == null) {
                throw damaged(file, 1);
            }
            return new Scan(header, torn, validLength);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the move journal " + file, e);
        }
    }

    private static InputStream limited(InputStream in, long limit) {
        return new java.io.FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }
        };
    }

    /** Lines of bytes, each without its newline; the last one may have none (a cut write). */
    private static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[8192];
        private int length;
        private boolean complete;
        private long position;

        LineReader(InputStream in) {
            this.in = in;
        }

        private final byte[] chunk = new byte[1 << 16];
        private int chunkLength;
        private int chunkAt;

        /** The next line (valid up to {@link #length()}), or null at the end. */
        byte[] next() throws IOException {
            length = 0;
            while (true) {
                if (chunkAt == chunkLength) {
                    chunkLength = in.read(chunk);
                    chunkAt = 0;
                    if (chunkLength <= 0) {
                        chunkLength = 0;
                        complete = false;
                        return length == 0 ? null : buffer;
                    }
                }
                int start = chunkAt;
                while (chunkAt < chunkLength && chunk[chunkAt] != '\n') {
                    chunkAt++;
                }
                append(start, chunkAt - start);
                position += chunkAt - start;
                if (chunkAt < chunkLength) {
                    chunkAt++; // the newline
                    position++;
                    complete = true;
                    return buffer;
                }
            }
        }

        private void append(int from, int count) {
            if (length + count > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
            }
            System.arraycopy(chunk, from, buffer, length, count);
            length += count;
        }

        int length() {
            return length;
        }

        /** True when the line ended with a newline. */
        boolean complete() {
            return complete;
        }

        /** Bytes read so far: after a complete line, where the next one starts. */
        long position() {
            return position;
        }
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

    private static ObjectNode parse(byte[] bytes, int length) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, 0, length, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object && object.has("t") ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static CosmosDeskException damaged(Path file, int line) {
        return new CosmosDeskException(ErrorKind.UNKNOWN, "The move journal " + file.getFileName()
                + " is damaged at line " + line + "; it cannot be resumed automatically.");
    }
}
