package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The rows selected in the grid, and the one selected row. Part of {@link ItemsViewModel}. */
final class GridSelection {

    private final ObservableList<ItemRow> selection = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly (see FilterHistory)
    private final ObservableList<ItemRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<ItemRow> selectedItem = new ReadOnlyObjectWrapper<>(this, "selectedItem");
    private Consumer<List<ItemRow>> selectionShown = rows -> { };

    ObservableList<ItemRow> rows() {
        return selectionView;
    }

    ReadOnlyObjectProperty<ItemRow> selectedItemProperty() {
        return selectedItem.getReadOnlyProperty();
    }

    void showChosenIn(Consumer<List<ItemRow>> view) {
        this.selectionShown = Objects.requireNonNull(view);
    }

    void set(List<ItemRow> selected) {
        selection.setAll(selected);
        selectedItem.set(selected.size() == 1 ? selected.get(0) : null);
    }

    /** Selects only the row of {@code item} among {@code loaded} (none when null or not loaded) and shows it. */
    void selectOnly(ItemRef item, List<ItemRow> loaded) {
        List<ItemRow> chosen = item == null ? List.of()
                : loaded.stream().filter(row -> row.ref().equals(item)).limit(1).toList();
        set(chosen);
        selectionShown.accept(chosen);
    }
}
