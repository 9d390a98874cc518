package io.cosmosdesk.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Two texts side by side, one virtualised row per line pair, changed lines highlighted. */
public final class DiffView extends VBox {

    private final ListView<LineDiff.Row> rows = new ListView<>();

    public DiffView(String leftTitle, String leftText, String rightTitle, String rightText) {
        getStyleClass().add("diff-view");
        List<LineDiff.Row> diff = LineDiff.compare(leftText, rightText);
        long changed = LineDiff.changedRows(diff);

        Label summary = new Label(changed == 0 ? "The two versions are the same."
                : changed == 1 ? "1 line differs (highlighted)." : changed + " lines differ (highlighted).");
        summary.getStyleClass().add("diff-summary");
        Label left = new Label(leftTitle);
        Label right = new Label(rightTitle);
        left.getStyleClass().add("diff-title");
        right.getStyleClass().add("diff-title");
        GridPane titles = halves(left, right);

        rows.setId("diffList");
        rows.getStyleClass().add("diff-list");
        rows.getItems().setAll(diff);
        rows.setCellFactory(list -> new RowCell());
        rows.setFixedCellSize(22);
        VBox.setVgrow(rows, Priority.ALWAYS);
        int first = 0;
        while (first < diff.size() && diff.get(first).kind() == LineDiff.Kind.SAME) {
            first++;
        }
        if (first < diff.size()) {
            rows.scrollTo(Math.max(0, first - 3));
        }
        setSpacing(6);
        getChildren().addAll(summary, titles, rows);
    }

    public ListView<LineDiff.Row> rows() {
        return rows;
    }

    private static GridPane halves(javafx.scene.Node left, javafx.scene.Node right) {
        GridPane grid = new GridPane();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        ColumnConstraints other = new ColumnConstraints();
        other.setPercentWidth(50);
        other.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, other);
        grid.add(left, 0, 0);
        grid.add(right, 1, 0);
        return grid;
    }

    private static final class RowCell extends ListCell<LineDiff.Row> {
        private final Label leftNumber = number();
        private final Label leftText = line();
        private final Label rightNumber = number();
        private final Label rightText = line();
        private final GridPane content;

        RowCell() {
            HBox left = new HBox(leftNumber, leftText);
            HBox right = new HBox(rightNumber, rightText);
            left.getStyleClass().add("diff-side");
            right.getStyleClass().add("diff-side");
            left.setAlignment(Pos.CENTER_LEFT);
            right.setAlignment(Pos.CENTER_LEFT);
            content = halves(left, right);
            getStyleClass().add("diff-cell");
        }

        private static Label number() {
            Label label = new Label();
            label.getStyleClass().add("diff-line-number");
            label.setMinWidth(48);
            label.setAlignment(Pos.CENTER_RIGHT);
            return label;
        }

        private static Label line() {
            Label label = new Label();
            label.getStyleClass().add("diff-line");
            return label;
        }

        @Override
        protected void updateItem(LineDiff.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("diff-changed", "diff-added", "diff-removed");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            leftNumber.setText(row.leftNumber() == 0 ? "" : Integer.toString(row.leftNumber()));
            rightNumber.setText(row.rightNumber() == 0 ? "" : Integer.toString(row.rightNumber()));
            leftText.setText(row.left() == null ? "" : row.left());
            rightText.setText(row.right() == null ? "" : row.right());
            switch (row.kind()) {
                case CHANGED -> getStyleClass().add("diff-changed");
                case ADDED -> getStyleClass().add("diff-added");
                case REMOVED -> getStyleClass().add("diff-removed");
                default -> { }
            }
            setGraphic(content);
        }
    }
}
