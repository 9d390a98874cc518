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

/**
 * Two texts side by side, one virtualised row per line pair, changed lines highlighted. Given the version both
 * started from, each changed line is marked as theirs (left) or yours (right), and lines both changed stand out.
 */
public final class DiffView extends VBox {

    private final ListView<LineDiff.Row> rows = new ListView<>();

    public DiffView(String leftTitle, String leftText, String rightTitle, String rightText) {
        this(null, leftTitle, leftText, rightTitle, rightText);
    }

    /** {@code baseText}: the version both sides started from; null when unknown (no theirs/yours marks). */
    public DiffView(String baseText, String leftTitle, String leftText, String rightTitle, String rightText) {
        getStyleClass().add("diff-view");
        List<LineDiff.Row> diff = LineDiff.compare(baseText, leftText, rightText);
        long changed = LineDiff.changedRows(diff);

        Label summary = new Label(summary(diff, changed, baseText != null));
        summary.setId("diffSummary");
        summary.setWrapText(true);
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

    private static String summary(List<LineDiff.Row> diff, long changed, boolean marked) {
        if (changed == 0) {
            return "The two versions are the same.";
        }
        String lines = changed == 1 ? "1 line differs" : changed + " lines differ";
        if (!marked) {
            return lines + " (highlighted).";
        }
        long theirs = LineDiff.rowsOf(diff, LineDiff.Origin.THEIRS);
        long yours = LineDiff.rowsOf(diff, LineDiff.Origin.YOURS);
        long both = LineDiff.rowsOf(diff, LineDiff.Origin.BOTH);
        return lines + ": " + theirs + " changed by them (marked \"theirs\", blue), " + yours + " by you (marked "
                + "\"yours\", green)" + (both > 0 ? ", " + both + " by both (marked \"both\", red)" : "") + ".";
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
        private final Label leftOrigin = origin();
        private final Label rightOrigin = origin();
        private final GridPane content;

        RowCell() {
            HBox left = new HBox(leftNumber, leftOrigin, leftText);
            HBox right = new HBox(rightNumber, rightOrigin, rightText);
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

        /** "theirs" / "yours" / "both" beside a changed line; empty on unchanged lines. */
        private static Label origin() {
            Label label = new Label();
            label.getStyleClass().add("diff-origin");
            label.setMinWidth(44);
            label.setAlignment(Pos.CENTER);
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
            getStyleClass().removeAll("diff-changed", "diff-added", "diff-removed", "diff-theirs", "diff-yours",
                    "diff-both");
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
            leftOrigin.setText("");
            rightOrigin.setText("");
            switch (row.origin()) {
                case THEIRS -> {
                    getStyleClass().add("diff-theirs");
                    (row.left() != null ? leftOrigin : rightOrigin).setText("theirs");
                }
                case YOURS -> {
                    getStyleClass().add("diff-yours");
                    (row.right() != null ? rightOrigin : leftOrigin).setText("yours");
                }
                case BOTH -> {
                    getStyleClass().add("diff-both");
                    leftOrigin.setText("both");
                    rightOrigin.setText("both");
                }
                default -> { }
            }
            setGraphic(content);
        }
    }
}
