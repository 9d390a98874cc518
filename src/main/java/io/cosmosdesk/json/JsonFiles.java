package io.cosmosdesk.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the app keeps a small JSON file (settings, saved connections, pinned certificates, window
 * placement). A write goes to a temporary file in the same folder (owner-only where the file system has
 * permissions), is forced to disk, then moved over the old file in one step: a crash leaves the old file or the
 * new one, never half of either. A file that cannot be read is never silently dropped: it is set aside as
 * {@code NAME.damaged-<time>} next to it, logged once, and the caller starts afresh.
 */
public final class JsonFiles {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private JsonFiles() {
    }

    /**
     * The file's JSON; empty when there is no file, or when it is damaged (not JSON, or empty), which is then
     * set aside. An I/O failure other than damage (say, no permission) is logged and also gives empty, leaving
     * the file where it is.
     */
    public static Optional<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                setAside(file, "it is empty");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            setAside(file, "it is not valid JSON (" + e.getOriginalMessage() + ")");
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes {@code value} (a tree or any object Jackson can write) as indented JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        byte[] bytes = Json.pretty().writeValueAsBytes(value);
        Path folder = file.toAbsolutePath().getParent();
        // settings and saved connections are the user's alone; a folder that exists is left as it is
        io.cosmosdesk.files.PrivateFiles.createMissingFolders(folder);
        // a temporary file is created 0600 on POSIX, and the move keeps that
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves a file the caller cannot use (damaged, or a shape it does not understand) out of the way as
     * {@code NAME.damaged-<time>}, and logs that once with {@code why}.
     *
     * @return where it went, or empty when even that failed (then it stays where it is, and that is logged)
     */
    public static Optional<Path> setAside(Path file, String why) {
        return setAside(file, why, Clock.systemUTC());
    }

    static Optional<Path> setAside(Path file, String why, Clock clock) {
        String base = file.getFileName() + ".damaged-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        try {
            Files.move(file, aside);
            LOG.warn("Could not use {}: {}. Set it aside as {} and started afresh.", file, why, aside.getFileName());
            return Optional.of(aside);
        } catch (IOException e) {
            LOG.warn("Could not use {}: {}; could not set it aside either ({}), so it is left as it was.", file, why,
                    e.toString());
            return Optional.empty();
        }
    }
}
