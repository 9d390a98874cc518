package io.cosmosdesk.query;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * A value of the Stats pane, wrapped to its column's width so a long one ("Query metrics below cover 1 of 2 pages
 * (the first page only; tick …)") reads in full on more lines instead of ending in "…". The row grows to fit.
 */
final class StatsValueCell extends TableCell<QueryStatsRows.Row, String> {

    /** The cell's left and right padding and a little air, taken off the column's width. */
    private static final double INSETS = 16;

    private final Text text = new Text();

    private StatsValueCell(TableColumn<QueryStatsRows.Row, String> column) {
        text.getStyleClass().add("stats-value");
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(INSETS));
    }

    /** The value column takes the width the label column leaves, and its values wrap. */
    static void install(TableView<QueryStatsRows.Row> table, TableColumn<QueryStatsRows.Row, String> values) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        values.setCellFactory(StatsValueCell::new);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            text.setText(item);
            setGraphic(text);
        }
    }
}
