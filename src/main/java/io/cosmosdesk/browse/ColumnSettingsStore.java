package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
    private final ObjectMapper mapper = new ObjectMapper();
    private ObjectNode root;

    public ColumnSettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    public static String keyOf(ContainerHandle handle) {
        return handle.connection().profile().endpoint() + "|" + handle.ref().databaseId() + "|"
                + handle.ref().containerId();
    }

    public synchronized List<String> columns(String containerKey) {
        return strings(containerKey, "columns");
    }

    public synchronized void saveColumns(String containerKey, List<String> paths) {
        put(containerKey, "columns", paths);
    }

    public synchronized List<String> filterHistory(String containerKey) {
        return strings(containerKey, "filterHistory");
    }

    public synchronized void saveFilterHistory(String containerKey, List<String> filters) {
        put(containerKey, "filterHistory", filters);
    }

    private List<String> strings(String containerKey, String field) {
        JsonNode values = containers().path(containerKey).path(field);
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
        ObjectNode containers = containers();
        JsonNode existing = containers.get(containerKey);
        ObjectNode entry = existing instanceof ObjectNode object ? object : containers.putObject(containerKey);
        ArrayNode array = entry.putArray(field);
        values.forEach(array::add);
        write();
    }

    private ObjectNode containers() {
        if (root == null) {
            root = read();
        }
        JsonNode containers = root.get("containers");
        return containers instanceof ObjectNode object ? object : root.putObject("containers");
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return fresh();
        }
        try {
            JsonNode node = mapper.readTree(file.toFile());
            if (node instanceof ObjectNode object && object.path("version").asInt() == VERSION) {
                return object;
            }
            LOG.warn("Ignoring {}: unknown version", file);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // keep going with empty settings
            }
        }
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
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", file, e.getMessage());
        }
    }
}
