package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where each container's live changes stopped: one small file per container under {@code changes/} in the data
 * folder (folder 0700, files 0600: a continuation names the container and the account), holding the endpoint,
 * database and container (no secret) and one continuation per feed range. A reopened tab continues from there.
 */
public final class FeedPositions {

    /** A saved position: when it was saved, the cursor of every feed range, and which feed they are in. */
    public record Saved(Instant savedAt, List<FeedCursor> cursors, FeedMode mode) {
        public Saved {
            cursors = List.copyOf(cursors);
            mode = mode == null ? FeedMode.LATEST_VERSION : mode;
        }

        public Saved(Instant savedAt, List<FeedCursor> cursors) {
            this(savedAt, cursors, FeedMode.LATEST_VERSION);
        }
    }

    private static final int VERSION = 1;

    private final Path folder;

    public FeedPositions(Path dataFolder) {
        this.folder = dataFolder.resolve("changes");
    }

    public Optional<Saved> load(ContainerHandle handle) {
        Optional<JsonNode> file = JsonFiles.read(fileFor(handle));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = file.get();
        if (json.path("version").asInt() != VERSION || !endpointOf(handle).equals(json.path("endpoint").asText())
                || !handle.ref().databaseId().equals(json.path("database").asText())
                || !handle.ref().containerId().equals(json.path("container").asText())) {
            return Optional.empty();
        }
        List<FeedCursor> cursors = new ArrayList<>();
        for (JsonNode cursor : json.path("cursors")) {
            String continuation = cursor.path("continuation").isTextual() ? cursor.path("continuation").asText() : null;
            if (!cursor.path("range").isTextual() || continuation == null) {
                return Optional.empty();
            }
            cursors.add(new FeedCursor(cursor.path("range").asText(), continuation));
        }
        if (cursors.isEmpty()) {
            return Optional.empty();
        }
        Instant savedAt = Instant.ofEpochMilli(json.path("savedAtMillis").asLong());
        FeedMode mode = FeedMode.ALL_VERSIONS_AND_DELETES.name().equals(json.path("mode").asText())
                ? FeedMode.ALL_VERSIONS_AND_DELETES : FeedMode.LATEST_VERSION;
        return Optional.of(new Saved(savedAt, cursors, mode));
    }

    /** Saves the cursors, all of which have a continuation (a range not read yet has no position to save). */
    public void save(ContainerHandle handle, List<FeedCursor> cursors, Instant now) throws IOException {
        save(handle, cursors, now, FeedMode.LATEST_VERSION);
    }

    /** {@link #save}, in {@code mode}'s feed (a continuation of one feed cannot be read in the other). */
    public void save(ContainerHandle handle, List<FeedCursor> cursors, Instant now, FeedMode mode) throws IOException {
        if (cursors.isEmpty() || cursors.stream().anyMatch(c -> c.continuation() == null)) {
            return;
        }
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("version", VERSION)
                .put("endpoint", endpointOf(handle))
                .put("database", handle.ref().databaseId())
                .put("container", handle.ref().containerId())
                .put("savedAtMillis", now.toEpochMilli())
                .put("mode", mode.name());
        ArrayNode array = json.putArray("cursors");
        for (FeedCursor cursor : cursors) {
            array.addObject().put("range", cursor.feedRange()).put("continuation", cursor.continuation());
        }
        createPrivateFolder();
        JsonFiles.write(fileFor(handle), json);
    }

    public void forget(ContainerHandle handle) throws IOException {
        Files.deleteIfExists(fileFor(handle));
    }

    Path fileFor(ContainerHandle handle) {
        String key = endpointOf(handle) + "\n" + handle.ref().databaseId() + "\n" + handle.ref().containerId();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String endpointOf(ContainerHandle handle) {
        return ConnectionProfile.normaliseEndpoint(handle.connection().profile().endpoint());
    }

    private void createPrivateFolder() throws IOException {
        PrivateFiles.createFolder(folder);
    }
}
