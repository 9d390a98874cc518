package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The query tabs open when the app closed, so the next start brings them back like an IDE: which container
 * (by connection and endpoint), the text, parameters and scope, and where the query came from. A private
 * file, written whole. Thread-safe.
 */
public final class OpenQueryTabs {

    private static final int VERSION = 1;

    /**
     * One tab.
     *
     * @param sqlFile the {@code .sql} file it was opened from or saved to, or null
     * @param savedName the saved query it was opened from or saved as, or null
     */
    public record OpenTab(String connectionName, String endpoint, String databaseId, String containerId,
            QueryDraft query, String sqlFile, String savedName) {
        public OpenTab {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(databaseId, "databaseId");
            Objects.requireNonNull(containerId, "containerId");
            connectionName = connectionName == null ? "" : connectionName;
            query = query == null ? QueryDraft.of("") : query;
        }

        public ContainerKey container() {
            return new ContainerKey(endpoint, databaseId, containerId);
        }
    }

    private final Path file;

    public OpenQueryTabs(Path file) {
        this.file = file;
    }

    /** The tabs in their order; none when there is no file (or it was damaged, then it is set aside). */
    public synchronized List<OpenTab> load() {
        List<OpenTab> tabs = new ArrayList<>();
        JsonFiles.read(file).ifPresent(root -> {
            for (JsonNode node : root.path("tabs")) {
                String endpoint = node.path("endpoint").asText("");
                String database = node.path("database").asText("");
                String container = node.path("container").asText("");
                if (endpoint.isEmpty() || database.isEmpty() || container.isEmpty()) {
                    continue;
                }
                tabs.add(new OpenTab(node.path("connectionName").asText(""), endpoint, database, container,
                        QueryJson.readDraft(node.path("query")), textOrNull(node.path("sqlFile")),
                        textOrNull(node.path("savedName"))));
            }
        });
        return tabs;
    }

    /** Replaces the file with these tabs, in tab order. */
    public synchronized void save(List<OpenTab> tabs) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("tabs");
        for (OpenTab tab : tabs) {
            ObjectNode node = array.addObject();
            node.put("connectionName", tab.connectionName()).put("endpoint", tab.endpoint())
                    .put("database", tab.databaseId()).put("container", tab.containerId());
            node.set("query", QueryJson.write(tab.query()));
            node.put("sqlFile", tab.sqlFile());
            node.put("savedName", tab.savedName());
        }
        try {
            QueryJson.privateFolder(file.toAbsolutePath().getParent());
            JsonFiles.write(file, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the open query tabs in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
