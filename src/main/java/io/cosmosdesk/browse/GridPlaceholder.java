package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemQuery;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the grid shows while it has no rows, one sentence per {@link ItemsViewModel.State}: loading, an empty
 * container and no matches read differently, and where the filter is the cause a "Clear filter" button is
 * offered. Under a server-side sort it never says the container is empty: Cosmos leaves out the items that
 * lack the sorted path, so it says that and offers "Remove sort".
 */
final class GridPlaceholder {

    private final ItemsViewModel viewModel;
    private final Label text = new Label();
    private final Label sortNote = new Label();
    private final Button clearFilter = new Button("Clear filter");
    private final Button removeSort = new Button("Remove sort");

    private GridPlaceholder(ItemsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
    }

    static void install(TableView<?> table, ItemsViewModel viewModel) {
        GridPlaceholder placeholder = new GridPlaceholder(viewModel);
        placeholder.clearFilter.setOnAction(event -> viewModel.clearFilter());
        placeholder.removeSort.setOnAction(event -> viewModel.removeSort());
        placeholder.text.setWrapText(true);
        placeholder.sortNote.setWrapText(true);
        HBox actions = new HBox(8, placeholder.clearFilter, placeholder.removeSort);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(10, placeholder.text, placeholder.sortNote, actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("grid-placeholder");
        table.setPlaceholder(box);
        viewModel.stateProperty().addListener((obs, old, state) -> placeholder.update());
        viewModel.appliedFilterProperty().addListener((obs, old, filter) -> placeholder.update());
        viewModel.sortLabelProperty().addListener((obs, old, label) -> placeholder.update());
        placeholder.update();
    }

    private void update() {
        String filter = viewModel.appliedFilterProperty().get();
        show(clearFilter, false);
        show(removeSort, false);
        show(sortNote, false);
        switch (viewModel.stateProperty().get()) {
            case LOADING -> text.setText("Loading items…");
            case EMPTY_CONTAINER -> text.setText("This container has no items yet.\n"
                    + "Create one with New item.");
            case SORT_LEFT_OUT -> {
                text.setText("No items are shown while sorted on the server by " + sortedPath() + ".");
                noteTheSort();
            }
            case NO_MATCHES -> {
                String id = viewModel.activeIdProperty().get();
                text.setText(id != null ? "No item has the id \"" + id + "\"." : "No items match " + filter);
                show(clearFilter, true);
                if (viewModel.currentSort() != null) {
                    noteTheSort();
                }
            }
            case FILTER_ERROR -> {
                text.setText("The filter could not run: see the message under the filter box.");
                show(clearFilter, true);
            }
            case ERROR -> text.setText("Items could not be loaded: see the message above and Retry.");
            case STOPPED -> text.setText("Stopped before any item arrived. Refresh (F5) to load items.");
            case ROWS -> text.setText("");
        }
    }

    private String sortedPath() {
        ItemQuery.Sort sort = viewModel.currentSort();
        return sort == null ? "a property" : sort.path().toString();
    }

    private void noteTheSort() {
        sortNote.setText("A server-side sort leaves out items that have no " + sortedPath() + ".");
        show(sortNote, true);
        show(removeSort, true);
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
