package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field paths each container's last schema sample found, kept on disk ({@value #FILE_NAME} in the data folder,
 * a private file) so query completion and the grid's filter box can offer them without sampling again. Keyed by
 * endpoint + database + container, as the grid's own settings are. {@link #remember} writes the file: call it off the UI
 * thread (the Schema tab does, through the TaskRunner).
 */
public final class FieldPathCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FieldPathCatalog.class);
    public static final String FILE_NAME = "field-paths.json";
    private static final int VERSION = 1;
    /** Paths kept per container, most present first. */
    static final int MAX_PATHS = 1_000;
    /** Containers kept; the ones sampled longest ago go first. */
    static final int MAX_CONTAINERS = 200;

    /** One known path: its text as users write it ({@code customer.name}, {@code lines[].sku}). */
    public record KnownPath(String path, double presence, List<String> types) {
        public KnownPath {
            types = List.copyOf(types);
        }
    }

    private final Path file;
    private ObjectNode root;

    public FieldPathCatalog(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /** The key of a container: its account's normalised endpoint, database and container. */
    public static String keyOf(ContainerHandle handle) {
        return ConnectionProfile.normaliseEndpoint(handle.connection().profile().endpoint()) + "|"
                + handle.ref().databaseId() + "|" + handle.ref().containerId();
    }

    /** Replaces the container's paths with those of {@code summary} and saves the file (blocking). */
    public void remember(ContainerHandle handle, SchemaSummary summary) {
        remember(keyOf(handle), summary);
    }

    public synchronized void remember(String key, SchemaSummary summary) {
        ObjectNode containers = containers();
        containers.remove(key);
        ObjectNode entry = containers.putObject(key); // re-added last: the newest
        entry.put("sampledAt", Instant.now().toString());
        entry.put("itemsInspected", summary.itemsInspected());
        ArrayNode paths = entry.putArray("paths");
        summary.allFields().stream()
                .sorted((a, b) -> Long.compare(b.itemCount(), a.itemCount()))
                .limit(MAX_PATHS)
                .forEach(field -> {
                    ObjectNode path = paths.addObject();
                    path.put("path", field.path().toString());
                    path.put("presence", Math.round(field.presence(summary.itemsInspected()) * 1000) / 1000.0);
                    ArrayNode types = path.putArray("types");
                    field.types().forEach(type -> types.add(type.type().label()));
                });
        while (containers.size() > MAX_CONTAINERS) {
            Iterator<String> oldest = containers.fieldNames();
            containers.remove(oldest.next());
        }
        try {
            JsonFiles.write(file, root);
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", file, e.getMessage());
        }
    }

    /** The container's known paths, most present first; empty when it was never sampled. */
    public synchronized List<KnownPath> paths(ContainerHandle handle) {
        return paths(keyOf(handle));
    }

    public synchronized List<KnownPath> paths(String containerKey) {
        JsonNode entry = containers().path(containerKey).path("paths");
        List<KnownPath> result = new ArrayList<>();
        for (JsonNode path : entry) {
            List<String> types = new ArrayList<>();
            path.path("types").forEach(type -> types.add(type.asText()));
            if (path.path("path").isTextual()) {
                result.add(new KnownPath(path.path("path").textValue(), path.path("presence").asDouble(), types));
            }
        }
        return result;
    }

    /** When the container was last sampled. */
    public synchronized Optional<Instant> sampledAt(ContainerHandle handle) {
        JsonNode at = containers().path(keyOf(handle)).path("sampledAt");
        try {
            return at.isTextual() ? Optional.of(Instant.parse(at.textValue())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
        if (node.isPresent() && node.get() instanceof ObjectNode object && object.path("version").asInt() == VERSION) {
            return object;
        }
        if (node.isPresent()) {
            JsonFiles.setAside(file, "not version " + VERSION + " field paths");
        }
        ObjectNode fresh = Json.MAPPER.createObjectNode();
        fresh.put("version", VERSION);
        fresh.putObject("containers");
        return fresh;
    }

}
