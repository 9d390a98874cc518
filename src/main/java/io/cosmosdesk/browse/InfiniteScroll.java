package io.cosmosdesk.browse;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;

/**
 * Reaching the end of the grid asks for the next page. The vertical scroll bar belongs to the skin and only
 * exists once the table has been laid out, so it is looked for on each layout until found, then hooked once.
 */
final class InfiniteScroll {

    /** Near enough to the end to load on: scrolling rarely lands exactly on the maximum. */
    private static final double NEAR_END = 0.98;

    private final TableView<?> table;
    private final ItemsViewModel viewModel;
    private boolean hooked;

    private InfiniteScroll(TableView<?> table, ItemsViewModel viewModel) {
        this.table = table;
        this.viewModel = viewModel;
    }

    static void install(TableView<?> table, ItemsViewModel viewModel) {
        InfiniteScroll scroll = new InfiniteScroll(table, viewModel);
        table.needsLayoutProperty().addListener((obs, was, needs) -> scroll.hook());
        table.skinProperty().addListener((obs, old, skin) -> scroll.hook());
    }

    private void hook() {
        if (hooked) {
            return;
        }
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                hooked = true;
                bar.valueProperty().addListener((o, was, value) -> {
                    if (bar.getMax() > 0 && value.doubleValue() >= bar.getMax() * NEAR_END
                            && viewModel.hasMoreProperty().get()) {
                        viewModel.loadMore();
                    }
                });
            }
        }
    }
}
