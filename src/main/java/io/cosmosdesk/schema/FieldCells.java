package io.cosmosdesk.schema;

import java.util.function.LongSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The cells of the schema's field tree: name with its warnings, a presence bar, a bar of type shares. */
final class FieldCells {

    static final double BAR_WIDTH = 56;

    private FieldCells() {
    }

    static TreeTableCell<FieldSummary, FieldSummary> name() {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(field.path().name());
                String warning = warning(field);
                if (warning == null) {
                    setGraphic(null);
                    setTooltip(new Tooltip(field.path().toString()));
                } else {
                    Label mark = new Label("⚠");
                    mark.getStyleClass().add("schema-warning");
                    setGraphic(mark);
                    setTooltip(new Tooltip(field.path() + "\n" + warning));
                }
            }
        };
    }

    static String warning(FieldSummary field) {
        if (field.mixed() && field.rare()) {
            return "Holds several types and is present in few items: queries and imports may trip on it.";
        }
        if (field.mixed()) {
            return "Holds several types (" + MarkdownExport.types(field) + "): comparisons and sorts treat them "
                    + "apart.";
        }
        if (field.rare()) {
            return "Present in few items: queries on it leave most items out.";
        }
        return null;
    }

    static TreeTableCell<FieldSummary, FieldSummary> presence(LongSupplier itemsInspected) {
        return new TreeTableCell<>() {
            private final Region fill = new Region();
            private final Label label = new Label();
            private final StackPane bar = bar(fill);
            private final HBox box = new HBox(6, bar, label);

            {
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                label.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setGraphic(null);
                    return;
                }
                double share = field.presence(itemsInspected.getAsLong());
                fill.setMaxWidth(BAR_WIDTH * share);
                label.setText(SchemaFormat.percent(share));
                setGraphic(box);
            }
        };
    }

    private static StackPane bar(Region fill) {
        fill.getStyleClass().add("schema-bar-fill");
        fill.setPrefWidth(BAR_WIDTH);
        StackPane bar = new StackPane(fill);
        bar.getStyleClass().add("schema-bar");
        bar.setPrefSize(BAR_WIDTH, 10);
        bar.setMinSize(BAR_WIDTH, 10);
        bar.setMaxSize(BAR_WIDTH, 10);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    static TreeTableCell<FieldSummary, FieldSummary> types() {
        return new TreeTableCell<>() {
            private final HBox stack = new HBox();
            private final Label label = new Label();
            private final HBox box = new HBox(6, stack, label);

            {
                stack.getStyleClass().add("schema-bar");
                stack.setMinSize(BAR_WIDTH, 10);
                stack.setMaxSize(BAR_WIDTH, 10);
                HBox.setHgrow(label, Priority.ALWAYS);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                stack.getChildren().clear();
                double total = Math.max(1, field.occurrences());
                for (TypeSummary type : field.types()) {
                    Region part = new Region();
                    part.getStyleClass().addAll("schema-type", "schema-type-" + type.type().label());
                    double width = BAR_WIDTH * type.count() / total;
                    part.setMinWidth(width);
                    part.setPrefWidth(width);
                    stack.getChildren().add(part);
                }
                label.setText(MarkdownExport.types(field));
                setTooltip(new Tooltip(MarkdownExport.types(field) + "\n" + SchemaFormat.figures(field)));
                setGraphic(box);
            }
        };
    }
}
