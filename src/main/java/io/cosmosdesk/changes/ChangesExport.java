package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.TaskContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes captured changes as JSON Lines: one item version (or, in the all-versions-and-deletes mode, one change)
 * per line, as the change feed returned it, oldest first.
 * The file is written beside the target under a temporary name readable by the user alone (it holds item bodies),
 * then moved into place, so a failed export never leaves half a file under the chosen name.
 */
final class ChangesExport {

    private ChangesExport() {
    }

    /**
     * A latest-version row as the item version; an all-versions row as the feed gives it: {@code current} (empty
     * for a delete), {@code previous} (what a delete deleted) and {@code metadata} (operation, LSN, time).
     */
    static JsonNode lineOf(ChangeRow row) {
        if (row.operation() == null) {
            return row.body();
        }
        ObjectNode line = Json.MAPPER.createObjectNode();
        if (row.isDelete()) {
            line.putObject("current");
            line.set("previous", row.body());
        } else {
            line.set("current", row.body());
        }
        ObjectNode metadata = line.putObject("metadata")
                .put("operationType", row.operation().type().name().toLowerCase(java.util.Locale.ROOT))
                .put("lsn", row.operation().lsn())
                .put("timeToLiveExpired", row.operation().timeToLiveExpired());
        if (row.modified() != null) {
            metadata.put("crts", row.modified().getEpochSecond());
        }
        return line;
    }

    static int writeJsonLines(List<ChangeRow> rows, Path file, TaskContext context) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                int written = 0;
                for (ChangeRow row : rows) {
                    out.write(Json.MAPPER.writeValueAsBytes(lineOf(row)));
                    out.write('\n');
                    written++;
                    if (written % 1_000 == 0) {
                        context.throwIfCancelled();
                        context.progress((double) written / rows.size(), written + " of " + rows.size());
                    }
                }
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return rows.size();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
