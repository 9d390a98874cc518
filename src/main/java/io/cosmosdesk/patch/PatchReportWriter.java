package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The per-item report of a bulk patch or its undo: one JSON line per item (id, key, outcome, ETag, message). */
final class PatchReportWriter implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    private PatchReportWriter(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    static PatchReportWriter create(Path file) throws IOException {
        PrivateFiles.createFolder(file.getParent());
        return new PatchReportWriter(file, new BufferedWriter(Channels.newWriter(PrivateFiles.open(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8)));
    }

    Path file() {
        return file;
    }

    synchronized void line(String id, PartitionKeyValue key, PatchOutcome outcome, String etag, String message)
            throws IOException {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("id", id);
        line.set("pk", key.toJsonArray());
        line.put("outcome", outcome.code());
        if (etag != null) {
            line.put("etag", etag);
        }
        if (message != null) {
            line.put("message", message);
        }
        out.write(Json.MAPPER.writeValueAsString(line));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
