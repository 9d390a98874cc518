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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Queries the user saved by name, in a private local file (never in the account, where Data Explorer keeps
 * them in a container of its own at 400 RU/s). Names are unique ignoring case; the list is sorted by name.
 * Thread-safe.
 */
public final class SavedQueries {

    private static final int VERSION = 1;
    private static final Comparator<Saved> BY_NAME = Comparator.comparing(Saved::name, String.CASE_INSENSITIVE_ORDER);

    public record Saved(String name, String text, List<QueryParameter> parameters) {
        public Saved {
            Objects.requireNonNull(name, "name");
            name = name.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A saved query needs a name.");
            }
            text = text == null ? "" : text;
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    private final Path file;
    private List<Saved> queries;

    public SavedQueries(Path file) {
        this.file = file;
    }

    public synchronized List<Saved> all() {
        return loaded();
    }

    public synchronized Optional<Saved> find(String name) {
        return loaded().stream().filter(saved -> saved.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Saves {@code query}, replacing the one of the same name (ignoring case). */
    public synchronized void save(Saved query) {
        List<Saved> next = new ArrayList<>(loaded());
        next.removeIf(saved -> saved.name().equalsIgnoreCase(query.name()));
        next.add(query);
        next.sort(BY_NAME);
        write(next);
    }

    public synchronized void delete(String name) {
        List<Saved> next = new ArrayList<>(loaded());
        if (next.removeIf(saved -> saved.name().equalsIgnoreCase(name.strip()))) {
            write(next);
        }
    }

    private List<Saved> loaded() {
        if (queries == null) {
            List<Saved> read = new ArrayList<>();
            JsonFiles.read(file).ifPresent(root -> {
                for (JsonNode node : root.path("queries")) {
                    String name = node.path("name").asText("").strip();
                    if (!name.isEmpty()) {
                        read.add(new Saved(name, node.path("text").asText(""),
                                QueryJson.readParameters(node.path("parameters"))));
                    }
                }
            });
            read.sort(BY_NAME);
            queries = List.copyOf(read);
        }
        return queries;
    }

    private void write(List<Saved> next) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("queries");
        for (Saved saved : next) {
            array.addObject().put("name", saved.name()).put("text", saved.text())
                    .set("parameters", QueryJson.writeParameters(saved.parameters()));
        }
        try {
            QueryJson.privateFolder(file.toAbsolutePath().getParent());
            JsonFiles.write(file, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the queries in " + file + ": " + e.getMessage(), e);
        }
        queries = List.copyOf(next);
    }
}
