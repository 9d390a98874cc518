package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Items tab remembers per container: the user's extra columns (JSON paths) and the filter
 * history. One small versioned JSON file in the config directory ({@code items-tabs.json}), keyed by
 * endpoint + database + container, so the same container on two accounts is remembered separately.
 * A damaged file is set aside and treated as empty: settings are a convenience, never a reason to fail.
 */
public class ColumnSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnSettingsStore.class);
    private static final int VERSION = 1;
    public static final String FILE_NAME = "items-tabs.json";

    private final Path file;
    private final ObjectMapper mapper = Json.MAPPER;
    private ObjectNode root;

    public ColumnSettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    /**
     * The key of a container: its account's endpoint normalised (scheme and host in lower case, no trailing
     * slash), so the same account typed another way finds the same settings, then database and container.
     */
    public static String keyOf(ContainerHandle handle) {
        return ConnectionProfile.normaliseEndpoint(handle.connection().profile().endpoint()) + "|" + handle.ref().databaseId() + "|"
                + handle.ref().containerId();
    }

    /** A stored key in today's form: entries written by earlier versions kept the endpoint as typed. */
    private static String normalizeKey(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : ConnectionProfile.normaliseEndpoint(key.substring(0, bar)) + key.substring(bar);
    }

    public synchronized List<String> columns(String containerKey) {
        return strings(containerKey, "columns");
    }

    /** True once columns were saved for the container: the user's choice, even an empty one, then always wins. */
    public synchronized boolean hasColumns(String containerKey) {
        return entry(containers(), containerKey).path("columns").isArray();
    }

    public synchronized void saveColumns(String containerKey, List<String> paths) {
        put(containerKey, "columns", paths);
    }

    /** The widths the user gave the container's columns, by header. */
    public synchronized java.util.Map<String, Double> columnWidths(String containerKey) {
        java.util.Map<String, Double> widths = new java.util.HashMap<>();
        entry(containers(), containerKey).path("widths").fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) {
                widths.put(field.getKey(), field.getValue().doubleValue());
            }
        });
        return widths;
    }

    public synchronized void saveColumnWidth(String containerKey, String header, double width) {
        ObjectNode entry = ownEntry(containerKey);
        JsonNode widths = entry.get("widths");
        (widths instanceof ObjectNode object ? object : entry.putObject("widths")).put(header, width);
        write();
    }

    public synchronized List<String> filterHistory(String containerKey) {
        return strings(containerKey, "filterHistory");
    }

    public synchronized void saveFilterHistory(String containerKey, List<String> filters) {
        put(containerKey, "filterHistory", filters);
    }

    private List<String> strings(String containerKey, String field) {
        JsonNode values = entry(containers(), containerKey).path(field);
        List<String> result = new ArrayList<>();
        if (values.isArray()) {
            values.forEach(value -> {
                if (value.isTextual()) {
                    result.add(value.textValue());
                }
            });
        }
        return result;
    }

    private void put(String containerKey, String field, List<String> values) {
        ArrayNode array = ownEntry(containerKey).putArray(field);
        values.forEach(array::add);
        write();
    }

    /** The container's entry under today's key, taking over one saved under an older spelling. */
    private ObjectNode ownEntry(String containerKey) {
        ObjectNode containers = containers();
        JsonNode existing = entry(containers, containerKey);
        ObjectNode entry = containers.putObject(containerKey);
        if (existing instanceof ObjectNode object && object != entry) {
            entry.setAll(object.deepCopy());
        }
        // entries under an older spelling of this key are folded into this one
        List<String> older = new ArrayList<>();
        containers.fieldNames().forEachRemaining(name -> {
            if (!name.equals(containerKey) && normalizeKey(name).equals(containerKey)) {
                older.add(name);
            }
        });
        containers.remove(older);
        return entry;
    }

    /** The entry of {@code containerKey}, or one saved under an older spelling of it; missing when none. */
    private static JsonNode entry(ObjectNode containers, String containerKey) {
        JsonNode exact = containers.get(containerKey);
        if (exact instanceof ObjectNode) {
            return exact;
        }
        var names = containers.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (normalizeKey(name).equals(containerKey) && containers.get(name) instanceof ObjectNode) {
                return containers.get(name);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private ObjectNode containers() {
        if (root == null) {
            root = read();
        }
        JsonNode containers = root.get("containers");
        return containers instanceof ObjectNode object ? object : root.putObject("containers");
    }

    private ObjectNode read() {
        Optional<JsonNode> node = JsonFiles.read(file);
        if (node.isEmpty()) {
            return fresh();
        }
        if (node.get() instanceof ObjectNode object && object.path("version").asInt() == VERSION) {
            return object;
        }
        // kept, not overwritten by the next save: it may be a newer version's settings
        JsonFiles.setAside(file, "not version " + VERSION + " settings");
        return fresh();
    }

    private ObjectNode fresh() {
        ObjectNode node = mapper.createObjectNode();
        node.put("version", VERSION);
        node.putObject("containers");
        return node;
    }

    private void write() {
        try {
            JsonFiles.write(file, root);
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", file, e.getMessage());
        }
    }
}
