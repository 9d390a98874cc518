package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The grid's columns for one container: id and the partition key levels always, then the JSON paths the
 * user added, which are remembered in the {@link ColumnSettingsStore}.
 */
final class ItemColumns {

    private final ColumnSettingsStore settings;
    private final String settingsKey;
    private final ObservableList<ItemColumn> columns = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly (see FilterHistory)
    private final ObservableList<ItemColumn> columnsView = FXCollections.unmodifiableObservableList(columns);

    ItemColumns(ContainerHandle handle, ColumnSettingsStore settings) {
        this.settings = Objects.requireNonNull(settings);
        this.settingsKey = ColumnSettingsStore.keyOf(handle);
        columns.add(ItemColumn.id());
        List<String> keyPaths = handle.info().partitionKeyPaths();
        for (int level = 0; level < keyPaths.size(); level++) {
            if (JsonPath.parse(keyPaths.get(level)).equals(ItemColumn.id().path())) {
                continue; // keyed on /id: the id column already shows it
            }
            columns.add(ItemColumn.partitionKey(keyPaths.get(level), level));
        }
        for (String saved : settings.columns(settingsKey)) {
            try {
                addQuietly(JsonPath.parse(saved));
            } catch (IllegalArgumentException ignored) {
                // a column saved by another version that no longer parses: leave it out
            }
        }
    }

    ObservableList<ItemColumn> list() {
        return columnsView;
    }

    /** @return the reason when the path is not usable or already shown */
    Optional<String> add(String pathText) {
        JsonPath path;
        try {
            path = JsonPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (columns.stream().anyMatch(column -> column.path().equals(path))) {
            return Optional.of("The grid already shows " + path + ".");
        }
        addQuietly(path);
        save();
        return Optional.empty();
    }

    /** Id and key columns stay. @return whether the column was removed */
    boolean remove(ItemColumn column) {
        if (column.removable() && columns.remove(column)) {
            save();
            return true;
        }
        return false;
    }

    private void addQuietly(JsonPath path) {
        if (columns.stream().noneMatch(column -> column.path().equals(path))) {
            columns.add(ItemColumn.user(path));
        }
    }

    private void save() {
        settings.saveColumns(settingsKey, columns.stream().filter(ItemColumn::removable)
                .map(column -> column.path().toString()).toList());
    }
}
