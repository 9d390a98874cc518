package io.cosmosdesk.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk patch's journal, JSON Lines in a private file (0600 in a 0700 folder): a header (where, what), then per
 * batch a {@code batch} line and the before-image of each item with the ETag it was read with, written and synced
 * before the batch is sent, then one {@code result} line per item once its answer is in, and an {@code end} line.
 * Undo reads it back a batch at a time (memory stays flat): an item with a {@code patched} result is restored on
 * the ETag the patch left; an item without a result (the app stopped mid-batch) is looked at first.
 */
public final class PatchJournal implements AutoCloseable {

    /** The header: which container, what was asked. */
    public record Header(String job, String connection, String endpoint, String database, String container,
            PatchSpec spec, String scope, String started) {
    }

    /** One item as it was before the patch. */
    public record Before(String id, PartitionKeyValue key, String etag, ObjectNode body) {
    }

    /** One batch read back: the before-images, and the result of those that have one (by id and key). */
    public record Batch(List<Before> items, Map<String, JsonNode> results) {
        public JsonNode resultOf(Before item) {
            return results.get(keyOf(item.id(), item.key()));
        }
    }

    private final Path file;
    private final FileChannel channel;

    private PatchJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Starts a journal for {@code job} in {@code folder} and syncs its header. */
    public static PatchJournal create(Path folder, String job, ContainerHandle handle, PatchSpec spec, String scope)
            throws IOException {
        PrivateFiles.createFolder(folder);
        Path file = folder.resolve(job + ".journal.jsonl");
        FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        PatchJournal journal = new PatchJournal(file, channel);
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("k", "header");
        header.put("job", job);
        header.put("connection", handle.connection().profile().name());
        header.put("endpoint", handle.connection().profile().endpoint());
        header.put("database", handle.ref().databaseId());
        header.put("container", handle.ref().containerId());
        header.set("spec", spec.toJson());
        header.put("scope", scope);
        header.put("started", Instant.now().toString());
        journal.append(List.of(header));
        return journal;
    }

    public Path file() {
        return file;
    }

    /**
     * Writes the before-images of batch {@code number} and syncs them: call before the batch is sent. Batches may
     * be in flight together, so every line names its batch.
     */
    public void before(int number, List<Before> items) throws IOException {
        List<ObjectNode> lines = new ArrayList<>(items.size() + 1);
        lines.add(Json.MAPPER.createObjectNode().put("k", "batch").put("b", number).put("size", items.size()));
        for (Before item : items) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("k", "before");
            line.put("b", number);
            line.put("id", item.id());
            line.set("pk", item.key().toJsonArray());
            line.put("etag", item.etag());
            line.set("body", item.body());
            lines.add(line);
        }
        append(lines);
    }

    /**
     * Records how items of the batch ended ({@code etag}: the ETag the patch left, for Undo), without a sync of its
     * own: a result lost in a crash is no loss, since Undo looks at an item without one and restores it when it holds
     * exactly what the patch made of it. The next batch's before-images (or the end line) sync these too.
     */
    public void results(List<ObjectNode> resultLines) throws IOException {
        append(resultLines, false);
    }

    public static ObjectNode result(int batch, String id, PartitionKeyValue key, PatchOutcome outcome, String etag) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("k", "result");
        line.put("b", batch);
        line.put("id", id);
        line.set("pk", key.toJsonArray());
        line.put("outcome", outcome.code());
        if (etag != null) {
            line.put("etag", etag);
        }
        return line;
    }

    public void end(String state) throws IOException {
        append(List.of(Json.MAPPER.createObjectNode().put("k", "end").put("state", state)));
    }

    private void append(List<ObjectNode> lines) throws IOException {
        append(lines, true);
    }

    private void append(List<ObjectNode> lines, boolean sync) throws IOException {
        // serialised outside the lock: batches in flight together write their lines without waiting on each other
        StringBuilder text = new StringBuilder();
        for (ObjectNode line : lines) {
            text.append(Json.MAPPER.writeValueAsString(line)).append('\n');
        }
        write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), sync);
    }

    private synchronized void write(ByteBuffer bytes, boolean sync) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        if (sync) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---- Reading back

    public static Header header(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            JsonNode line = first == null ? null : parse(first);
            if (line == null || !"header".equals(line.path("k").asText())) {
                throw new IOException(file.getFileName() + " is not a bulk patch journal.");
            }
            return new Header(line.path("job").asText(), line.path("connection").asText(),
                    line.path("endpoint").asText(), line.path("database").asText(), line.path("container").asText(),
                    PatchSpec.fromJson(line.path("spec")), line.path("scope").asText(), line.path("started").asText());
        }
    }

    /**
     * Hands each batch to {@code each}: as soon as all its results are read, the rest at the end (in the order they
     * started). Only batches still open are held, so memory follows the batches in flight, not the job's size. A
     * torn last line (the app stopped mid-write) is skipped.
     */
    public static void forEachBatch(Path file, java.util.function.Consumer<Batch> each) throws IOException {
        Map<Integer, Integer> sizes = new HashMap<>();
        Map<Integer, List<Before>> items = new java.util.TreeMap<>();
        Map<Integer, Map<String, JsonNode>> results = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                JsonNode line = parse(text);
                if (line == null) {
                    continue;
                }
                int batch = line.path("b").asInt();
                switch (line.path("k").asText()) {
                    case "batch" -> {
                        sizes.put(batch, line.path("size").asInt());
                        items.put(batch, new ArrayList<>());
                        results.put(batch, new HashMap<>());
                    }
                    case "before" -> {
                        if (items.containsKey(batch)) {
                            items.get(batch).add(new Before(line.path("id").asText(),
                                    PartitionKeyValue.fromJsonArray(line.path("pk")), line.path("etag").asText(null),
                                    (ObjectNode) line.path("body")));
                        }
                    }
                    case "result" -> {
                        Map<String, JsonNode> known = results.get(batch);
                        if (known != null) {
                            known.put(keyOf(line.path("id").asText(), PartitionKeyValue.fromJsonArray(line.path("pk"))),
                                    line);
                            if (known.size() == sizes.get(batch) && items.get(batch).size() == sizes.get(batch)) {
                                each.accept(new Batch(items.remove(batch), results.remove(batch)));
                                sizes.remove(batch);
                            }
                        }
                    }
                    default -> { }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Map.Entry<Integer, List<Before>> open : items.entrySet()) {
            each.accept(new Batch(open.getValue(), results.get(open.getKey())));
        }
    }

    /** Whether the journal says the job ended (done or cancelled), rather than stopping mid-way. */
    public static boolean ended(Path file) throws IOException {
        String last = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                last = text;
            }
        }
        JsonNode line = last == null ? null : parse(last);
        return line != null && "end".equals(line.path("k").asText());
    }

    static String keyOf(String id, PartitionKeyValue key) {
        return key.toJsonArray() + "\u0000" + id;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
