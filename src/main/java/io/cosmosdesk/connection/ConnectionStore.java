package io.cosmosdesk.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved connections in {@code connections.json} in the config folder: profiles only, never secrets.
 * The file is versioned ({@code "version": 1}) so a later release can migrate it; it is written with
 * {@link JsonFiles} so a crash never leaves half a file, and a damaged one is set aside, not lost.
 */
public class ConnectionStore {

    public static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);

    private final Path file;
    private ObjectMapper json;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SavedFile(int version, List<ConnectionProfile> connections) {
    }

    public ConnectionStore(Path configDirectory) {
        this.file = configDirectory.resolve("connections.json");
    }

    public Path file() {
        return file;
    }

    /** Created on first use, so start-up does not pay for Jackson. */
    private synchronized ObjectMapper json() {
        if (json == null) {
            json = Json.MAPPER;
        }
        return json;
    }

    public synchronized List<ConnectionProfile> load() {
        Optional<JsonNode> read = JsonFiles.read(file);
        if (read.isEmpty()) {
            return List.of();
        }
        ObjectMapper json = json();
        try {
            JsonNode root = read.get();
            int version = root.path("version").asInt(0);
            if (version > FORMAT_VERSION) {
                LOG.warn("connections.json has format {} from a newer CosmosDesk; reading what this one knows",
                        version);
            }
            ObjectNode migrated = migrate((ObjectNode) root, version);
            return List.copyOf(json.treeToValue(migrated, SavedFile.class).connections());
        } catch (IOException | ClassCastException e) {
            JsonFiles.setAside(file, "not saved connections (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
    }

    /** Upgrades older formats in place; version 0 is a bare array of profiles (never released, kept as an example). */
    private ObjectNode migrate(ObjectNode root, int version) {
        if (version == 0 && root.has("connections")) {
            root.put("version", FORMAT_VERSION);
        }
        return root;
    }

    public synchronized void save(List<ConnectionProfile> connections) {
        try {
            JsonFiles.write(file, new SavedFile(FORMAT_VERSION, List.copyOf(connections)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save connections to " + file, e);
        }
    }

    /** Adds or replaces (by id) one profile. */
    public synchronized void put(ConnectionProfile profile) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(existing -> existing.id().equals(profile.id()));
        all.add(profile);
        save(all);
    }

    public synchronized void remove(String id) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        if (all.removeIf(existing -> existing.id().equals(id))) {
            save(all);
        }
    }

    public Optional<ConnectionProfile> find(String id) {
        return load().stream().filter(profile -> profile.id().equals(id)).findFirst();
    }
}
