package io.cosmosdesk.schema;

import io.cosmosdesk.ui.LazyTooltip;
import java.util.function.LongSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The cells of the schema's field tree: name with its warnings, a presence bar, a bar of type shares. */
final class FieldCells {

    static final double BAR_WIDTH = 56;

    private FieldCells() {
    }

    /*
     * Cells are re-filled every time the figures move on (4 times a second while sampling): they keep their nodes
     * and only change texts and widths, and make their tooltip when hovered (LazyTooltip), so a refresh styles no
     * new node. Figures are the cell's own text beside a bar graphic: no extra label and box per cell, which
     * halves what the first styling of each row costs.
     */

    static TreeTableCell<FieldSummary, FieldSummary> name() {
        return new TreeTableCell<>() {
            private final Label mark = new Label("⚠");

            {
                mark.getStyleClass().add("schema-warning");
                LazyTooltip.install(this, () -> {
                    FieldSummary field = isEmpty() ? null : getItem();
                    if (field == null) {
                        return null;
                    }
                    String warning = warning(field);
                    return warning == null ? field.path().toString() : field.path() + "\n" + warning;
                });
            }

            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(field.path().name());
                setGraphic(warning(field) == null ? null : mark);
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
            private final StackPane bar = bar(fill);

            {
                setGraphicTextGap(6);
            }

            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                double share = field.presence(itemsInspected.getAsLong());
                fill.setMaxWidth(BAR_WIDTH * share);
                setText(SchemaFormat.percent(share));
                setGraphic(bar);
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
            /** One part per value type, made once per cell and shown in the order of the field's types. */
            private final java.util.Map<ValueType, Region> parts = new java.util.EnumMap<>(ValueType.class);
            private java.util.List<ValueType> shownTypes = java.util.List.of();

            {
                stack.getStyleClass().add("schema-bar");
                stack.setMinSize(BAR_WIDTH, 10);
                stack.setMaxSize(BAR_WIDTH, 10);
                setGraphicTextGap(6);
                LazyTooltip.install(this, () -> isEmpty() || getItem() == null ? null
                        : MarkdownExport.types(getItem()) + "\n" + SchemaFormat.figures(getItem()));
            }

            @Override
            protected void updateItem(FieldSummary field, boolean empty) {
                super.updateItem(field, empty);
                if (empty || field == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                java.util.List<ValueType> types = field.types().stream().map(TypeSummary::type).toList();
                if (!types.equals(shownTypes)) {
                    stack.getChildren().setAll(types.stream().map(this::part).toList());
                    shownTypes = types;
                }
                double total = Math.max(1, field.occurrences());
                for (TypeSummary type : field.types()) {
                    Region part = parts.get(type.type());
                    double width = BAR_WIDTH * type.count() / total;
                    part.setMinWidth(width);
                    part.setPrefWidth(width);
                }
                setText(MarkdownExport.types(field));
                setGraphic(stack);
            }

            private Region part(ValueType type) {
                return parts.computeIfAbsent(type, t -> {
                    Region part = new Region();
                    part.getStyleClass().addAll("schema-type", "schema-type-" + t.label());
                    return part;
                });
            }
        };
    }
}
