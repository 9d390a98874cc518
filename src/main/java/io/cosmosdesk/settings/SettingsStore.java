package io.cosmosdesk.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link Settings} and their file ({@code settings.json} in the config folder). Listeners of
 * {@link #settingsProperty()} apply a change without a restart. A damaged file is set aside and defaults are used;
 * a value missing from the file (written by an older version) takes its default.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");

    public SettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
        settings.set(load(file));
    }

    public Settings current() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /**
     * Applies {@code change}, saves the result and then tells the listeners. Refuses values with problems
     * ({@link Settings#problems()}), naming them; a file that cannot be written is reported and nothing changes.
     */
    public void update(UnaryOperator<Settings> change) {
        Settings next = change.apply(current());
        List<String> problems = next.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        try {
            JsonFiles.write(file, next);
        } catch (IOException e) {
            throw new UncheckedIOException("The settings could not be saved to " + file + ": " + e.getMessage(), e);
        }
        settings.set(next);
    }

    static Settings load(Path file) {
        Optional<JsonNode> stored = JsonFiles.read(file);
        if (stored.isEmpty()) {
            return Settings.defaults();
        }
        try {
            Settings defaults = Settings.defaults();
            JsonNode node = Json.MAPPER.valueToTree(defaults);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) stored.get());
            Settings loaded = Json.MAPPER.treeToValue(node, Settings.class);
            if (!loaded.problems().isEmpty()) {
                LOG.warn("Settings in {} are out of range ({}); using the defaults", file, loaded.problems());
                return defaults;
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Settings in {} could not be read ({}); using the defaults", file, e.getMessage());
            JsonFiles.setAside(file, "unreadable");
            return Settings.defaults();
        }
    }
}
