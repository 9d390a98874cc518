package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The filters applied before on one container, newest first and without duplicates, remembered in the
 * {@link ColumnSettingsStore}; and the suggestions the filter box offers: that history, then defaults the
 * container's shape makes useful (by id, one per partition key path, newest first).
 */
final class FilterHistory {

    static final int LIMIT = 50;

    private final ColumnSettingsStore settings;
    private final String settingsKey;
    private final List<String> partitionKeyPaths;
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly, so a wrapper made per call could be
    // collected together with the listeners a view added to it
    private final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<String> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);

    FilterHistory(ContainerHandle handle, ColumnSettingsStore settings) {
        this.settings = Objects.requireNonNull(settings);
        this.settingsKey = ColumnSettingsStore.keyOf(handle);
        this.partitionKeyPaths = List.copyOf(handle.info().partitionKeyPaths());
        history.setAll(settings.filterHistory(settingsKey));
        updateSuggestions();
    }

    ObservableList<String> history() {
        return historyView;
    }

    ObservableList<String> suggestions() {
        return suggestionsView;
    }

    /** Puts {@code filter} first (moving it up if it was there already), drops the oldest past the limit, saves. */
    void remember(String filter) {
        history.remove(filter);
        history.add(0, filter);
        if (history.size() > LIMIT) {
            history.remove(LIMIT, history.size());
        }
        settings.saveFilterHistory(settingsKey, List.copyOf(history));
        updateSuggestions();
    }

    private void updateSuggestions() {
        List<String> all = new ArrayList<>(history);
        List<String> defaults = new ArrayList<>();
        defaults.add("WHERE c.id = \"\"");
        for (String path : partitionKeyPaths) {
            defaults.add("WHERE " + JsonPath.fromPointer(path).toSqlExpression() + " = \"\"");
        }
        defaults.add("ORDER BY c._ts DESC");
        for (String suggestion : defaults) {
            if (!all.contains(suggestion)) {
                all.add(suggestion);
            }
        }
        suggestions.setAll(all);
    }
}
