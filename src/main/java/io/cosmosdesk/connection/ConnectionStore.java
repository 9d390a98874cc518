package io.cosmosdesk.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved connections in {@code connections.json} in the config folder: profiles only, never secrets.
 * The file is versioned ({@code "version": 1}) so a later release can migrate it; it is written to a
 * temporary file and moved into place so a crash never leaves half a file.
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
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectMapper json = json();
        try {
            JsonNode root = json.readTree(file.toFile());
            int version = root.path("version").asInt(0);
            if (version > FORMAT_VERSION) {
                LOG.warn("connections.json has format {} from a newer CosmosDesk; reading what this one knows",
                        version);
            }
            ObjectNode migrated = migrate((ObjectNode) root, version);
            return List.copyOf(json.treeToValue(migrated, SavedFile.class).connections());
        } catch (IOException | ClassCastException e) {
            Path backup = file.resolveSibling("connections.json.unreadable");
            LOG.warn("Could not read saved connections; kept the file as {}", backup.getFileName(), e);
            try {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the original file stays where it is
            }
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
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "connections", ".tmp");
            Json.pretty().writeValue(temp.toFile(), new SavedFile(FORMAT_VERSION, List.copyOf(connections)));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
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
