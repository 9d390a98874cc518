package io.cosmosdesk.browse;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * What the grid shows while it has no rows, one sentence per {@link ItemsViewModel.State}: loading, an empty
 * container and no matches read differently, and where the filter is the cause a "Clear filter" button is
 * offered.
 */
final class GridPlaceholder {

    private final ItemsViewModel viewModel;
    private final Label text = new Label();
    private final Button action = new Button();

    private GridPlaceholder(ItemsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
    }

    static void install(TableView<?> table, ItemsViewModel viewModel) {
        GridPlaceholder placeholder = new GridPlaceholder(viewModel);
        placeholder.action.setOnAction(event -> viewModel.clearFilter());
        placeholder.text.setWrapText(true);
        VBox box = new VBox(10, placeholder.text, placeholder.action);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("grid-placeholder");
        table.setPlaceholder(box);
        viewModel.stateProperty().addListener((obs, old, state) -> placeholder.update());
        viewModel.appliedFilterProperty().addListener((obs, old, filter) -> placeholder.update());
        placeholder.update();
    }

    private void update() {
        String filter = viewModel.appliedFilterProperty().get();
        action.setVisible(false);
        action.setManaged(false);
        switch (viewModel.stateProperty().get()) {
            case LOADING -> text.setText("Loading items…");
            case EMPTY_CONTAINER -> text.setText("This container has no items yet.\n"
                    + "Create one with New item.");
            case NO_MATCHES -> {
                String id = viewModel.activeIdProperty().get();
                text.setText(id != null ? "No item has the id \"" + id + "\"." : "No items match " + filter);
                showAction("Clear filter");
            }
            case FILTER_ERROR -> {
                text.setText("The filter could not run: see the message under the filter box.");
                showAction("Clear filter");
            }
            case ERROR -> text.setText("Items could not be loaded: see the message above and Retry.");
            case STOPPED -> text.setText("Stopped before any item arrived. Refresh (F5) to load items.");
            case ROWS -> text.setText("");
        }
    }

    private void showAction(String label) {
        action.setText(label);
        action.setVisible(true);
        action.setManaged(true);
    }
}
