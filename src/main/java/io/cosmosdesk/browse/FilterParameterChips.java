package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.GridFilter;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Beside the filter box: one chip per value a handed-over filter sends as a parameter, e.g. {@code @v = "S2" ✎}, so
 * the text {@code … = @v} never hides what it runs with. Clicking a chip writes its value into the text as a literal,
 * where the user edits it like any typed filter (the chip goes). Clearing the filter drops them all.
 */
final class FilterParameterChips {

    private FilterParameterChips() {
    }

    static void bind(HBox chips, ItemsViewModel viewModel) {
        chips.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.filterParameters()));
        chips.managedProperty().bind(chips.visibleProperty());
        Runnable show = () -> chips.getChildren().setAll(viewModel.filterParameters().stream()
                .map(parameter -> chip(parameter, viewModel)).toList());
        viewModel.filterParameters().addListener((ListChangeListener<GridFilter.Parameter>) change -> show.run());
        show.run();
    }

    private static Button chip(GridFilter.Parameter parameter, ItemsViewModel viewModel) {
        Button chip = new Button(shortened(parameter.describe()) + "  ✎");
        chip.getStyleClass().add("filter-parameter");
        chip.setId("filterParameter-" + parameter.name().substring(1));
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chip.setTooltip(new Tooltip(parameter.describe() + "\nSent with the filter as a query parameter, not as "
                + "part of its text.\nClick to write the value into the filter text and edit it there."));
        chip.setOnAction(event -> viewModel.inlineFilterParameter(parameter.name()));
        return chip;
    }

    /** A long value would push the toolbar apart: the chip shows its start, the tooltip all of it. */
    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
