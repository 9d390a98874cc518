package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every query run, per container, newest first, the last {@link #KEPT} kept: one private JSON file per
 * container in its own folder. Thread-safe; reads and writes are small and may run on any thread.
 */
public final class QueryHistory {

    public static final int KEPT = 500;
    private static final int VERSION = 1;

    /**
     * One run: what ran and what it read (rows, RU, time waiting for pages, pages; 0 pages: not known, an entry of
     * an older version). {@code time} is when it started, which with the query names the run.
     */
    public record Entry(QueryDraft query, Instant time, double requestCharge, long rows, Duration duration, int pages) {
        public Entry {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(time, "time");
            duration = duration == null ? Duration.ZERO : duration;
        }

        public Entry(QueryDraft query, Instant time, double requestCharge, long rows, Duration duration) {
            this(query, time, requestCharge, rows, duration, 0);
        }

        boolean sameRun(Entry other) {
            return time.equals(other.time) && query.equals(other.query);
        }
    }

    private final Path folder;
    private final Map<ContainerKey, List<Entry>> loaded = new HashMap<>();

    public QueryHistory(Path folder) {
        this.folder = folder;
    }

    /**
     * Adds a run at the top; the oldest beyond {@link #KEPT} are dropped. A run already listed (same start time and
     * query: it read more pages since) is updated where it is instead, unless the entry there has read more (two
     * saves of the same run landing out of order).
     */
    public synchronized void record(ContainerKey container, Entry entry) {
        List<Entry> entries = new ArrayList<>(entriesOf(container));
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameRun(entry)) {
                if (entry.pages() < entries.get(i).pages()) {
                    return;
                }
                entries.set(i, entry);
                loaded.put(container, List.copyOf(entries));
                save(container, entries);
                return;
            }
        }
        entries.add(0, entry);
        while (entries.size() > KEPT) {
            entries.remove(entries.size() - 1);
        }
        loaded.put(container, List.copyOf(entries));
        save(container, entries);
    }

    /** The container's runs, newest first. */
    public synchronized List<Entry> entries(ContainerKey container) {
        return entriesOf(container);
    }

    /**
     * The runs whose text (or a parameter's value, or the partition key value of their scope, as the list shows it)
     * holds every word of {@code words}, ignoring case, newest first; all of them for blank words.
     */
    public synchronized List<Entry> search(ContainerKey container, String words) {
        String[] wanted = words == null ? new String[0] : words.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entriesOf(container)) {
            if (matches(entry, wanted)) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Forgets the container's runs (the file goes too). */
    public synchronized void clear(ContainerKey container) {
        loaded.put(container, List.of());
        save(container, List.of());
    }

    static boolean matches(Entry entry, String[] words) {
        StringBuilder haystack = new StringBuilder(entry.query().text().toLowerCase(Locale.ROOT));
        for (QueryParameter parameter : entry.query().parameters()) {
            haystack.append('\n').append(parameter.value().toLowerCase(Locale.ROOT));
        }
        if (!entry.query().scope().isCrossPartition()) {
            haystack.append('\n').append(entry.query().scope().partitionKey().display().toLowerCase(Locale.ROOT));
        }
        return Arrays.stream(words).allMatch(word -> word.isEmpty() || haystack.indexOf(word) >= 0);
    }

    private List<Entry> entriesOf(ContainerKey container) {
        return loaded.computeIfAbsent(container, this::load);
    }

    /** The file of a container: a hash of its key, so no name (or endpoint) needs escaping. */
    Path fileOf(ContainerKey container) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((container.endpoint() + "\n"
                    + container.databaseId() + "\n" + container.containerId()).getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Entry> load(ContainerKey container) {
        Path file = fileOf(container);
        JsonNode root = JsonFiles.read(file).orElse(null);
        if (root == null) {
            return List.of();
        }
        JsonNode key = root.path("container");
        if (!container.equals(new ContainerKey(key.path("endpoint").asText(""), key.path("database").asText(""),
                key.path("container").asText("")))) {
            JsonFiles.setAside(file, "it holds the history of another container");
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("entries")) {
            try {
                entries.add(new Entry(QueryJson.readDraft(node), Instant.parse(node.path("time").asText()),
                        node.path("requestCharge").asDouble(), node.path("rows").asLong(),
                        Duration.ofMillis(node.path("durationMillis").asLong()), node.path("pages").asInt(0)));
            } catch (RuntimeException e) {
                // one unreadable entry (a hand edit) does not cost the others
            }
        }
        return List.copyOf(entries.subList(0, Math.min(KEPT, entries.size())));
    }

    private void save(ContainerKey container, List<Entry> entries) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.putObject("container").put("endpoint", container.endpoint()).put("database", container.databaseId())
                .put("container", container.containerId());
        ArrayNode array = root.putArray("entries");
        for (Entry entry : entries) {
            ObjectNode node = QueryJson.write(entry.query());
            node.put("time", entry.time().toString());
            node.put("requestCharge", entry.requestCharge());
            node.put("rows", entry.rows());
            node.put("durationMillis", entry.duration().toMillis());
            node.put("pages", entry.pages());
            array.add(node);
        }
        try {
            QueryJson.privateFolder(folder);
            JsonFiles.write(fileOf(container), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the query history in " + folder + ": " + e.getMessage(), e);
        }
    }
}
