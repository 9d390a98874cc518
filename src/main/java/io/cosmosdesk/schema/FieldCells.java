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
     * Cells show the newest figures of their row's field (LiveFigures) and look again after every snapshot (4 times
     * a second while sampling): they keep their nodes and change only the texts and widths that moved (bar widths
     * in whole pixels, so most snapshots change nothing to draw), and make their tooltip when hovered
     * (LazyTooltip), so a refresh styles no new node. Figures are the cell's own text beside a bar graphic: no
     * extra label and box per cell, which halves what the first styling of each row costs.
     */

    /** A cell that shows {@link LiveFigures#of} its item, again after each snapshot. */
    private abstract static class LiveCell extends TreeTableCell<FieldSummary, FieldSummary> {
        final LiveFigures live;

        LiveCell(LiveFigures live) {
            this.live = live;
            live.listen(this, () -> {
                if (!isEmpty() && getItem() != null) {
                    show(live.of(getItem()));
                }
            });
        }

        /** The newest figures of the item, or null for an empty cell. */
        FieldSummary shown() {
            return isEmpty() || getItem() == null ? null : live.of(getItem());
        }

        @Override
        protected void updateItem(FieldSummary field, boolean empty) {
            super.updateItem(field, empty);
            if (empty || field == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            show(live.of(field));
        }

        abstract void show(FieldSummary field);

        /** By identity: the default compares by equals, which walks a field's figures and all its children's. */
        @Override
        protected boolean isItemChanged(FieldSummary oldItem, FieldSummary newItem) {
            return oldItem != newItem;
        }
    }

    static TreeTableCell<FieldSummary, FieldSummary> name(LiveFigures live) {
        return new LiveCell(live) {
            private final Label mark = new Label("⚠");

            {
                mark.getStyleClass().add("schema-warning");
                LazyTooltip.install(this, () -> {
                    FieldSummary field = shown();
                    if (field == null) {
                        return null;
                    }
                    String warning = warning(field);
                    return warning == null ? field.path().toString() : field.path() + "\n" + warning;
                });
            }

            @Override
            void show(FieldSummary field) {
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

    static TreeTableCell<FieldSummary, FieldSummary> presence(LiveFigures live, LongSupplier itemsInspected) {
        return new LiveCell(live) {
            private final Region fill = new Region();
            private final StackPane bar = bar(fill);

            {
                setGraphicTextGap(6);
            }

            @Override
            void show(FieldSummary field) {
                double share = field.presence(itemsInspected.getAsLong());
                fill.setMaxWidth(Math.round(BAR_WIDTH * share));
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

    static TreeTableCell<FieldSummary, FieldSummary> types(LiveFigures live) {
        return new LiveCell(live) {
            private final HBox stack = new HBox();
            /** One part per value type, made once per cell and shown in the order of the field's types. */
            private final java.util.Map<ValueType, Region> parts = new java.util.EnumMap<>(ValueType.class);
            private java.util.List<ValueType> shownTypes = java.util.List.of();

            {
                stack.getStyleClass().add("schema-bar");
                stack.setMinSize(BAR_WIDTH, 10);
                stack.setMaxSize(BAR_WIDTH, 10);
                setGraphicTextGap(6);
                LazyTooltip.install(this, () -> shown() == null ? null
                        : MarkdownExport.types(shown()) + "\n" + SchemaFormat.figures(shown()));
            }

            @Override
            void show(FieldSummary field) {
                java.util.List<ValueType> types = field.types().stream().map(TypeSummary::type).toList();
                if (!types.equals(shownTypes)) {
                    stack.getChildren().setAll(types.stream().map(this::part).toList());
                    shownTypes = types;
                }
                double total = Math.max(1, field.occurrences());
                long counted = 0;
                double edge = 0;
                for (TypeSummary type : field.types()) {
                    Region part = parts.get(type.type());
                    // whole pixels, each part from the rounded end of the one before: the parts fill the bar
                    counted += type.count();
                    double end = Math.round(BAR_WIDTH * counted / total);
                    part.setMinWidth(end - edge);
                    part.setPrefWidth(end - edge);
                    edge = end;
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
