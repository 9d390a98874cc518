package io.cosmosdesk.query;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/**
 * The query tab's parameters table under the editor: one row per {@code @name} with a type box and a value field,
 * shown only while the query has parameters, and exactly tall enough for its header (as the theme draws it) and up
 * to four whole rows (more scroll), so neither it nor the editor above is squeezed. Part of the query tab's view.
 */
final class ParameterTable {

    private static final int ROWS_SHOWN = 4;
    /** Until the header is laid out; the theme's real height replaces it as soon as it is known. */
    private static final double HEADER_HEIGHT_BEFORE_LAYOUT = 30;

    private final TableView<ParameterRow> table;
    private final ObservableList<ParameterRow> rows;

    private ParameterTable(TableView<ParameterRow> table, ObservableList<ParameterRow> rows) {
        this.table = table;
        this.rows = rows;
    }

    static void bind(TableView<ParameterRow> table, TableColumn<ParameterRow, String> nameColumn,
            TableColumn<ParameterRow, ParameterType> typeColumn, TableColumn<ParameterRow, String> valueColumn,
            ObservableList<ParameterRow> rows) {
        ParameterTable parameters = new ParameterTable(table, rows);
        table.setItems(rows);
        table.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(rows));
        table.managedProperty().bind(table.visibleProperty());
        rows.addListener((ListChangeListener<ParameterRow>) change -> parameters.fitRows());
        // the header is laid out after the table is given its height: follow the header's own height
        table.skinProperty().addListener((obs, old, skin) -> parameters.followHeader(skin));
        parameters.followHeader(table.getSkin());
        parameters.fitRows();
        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        typeColumn.setCellFactory(column -> new TypeCell());
        typeColumn.setCellValueFactory(row -> row.getValue().typeProperty());
        valueColumn.setCellFactory(column -> new ValueCell());
        valueColumn.setCellValueFactory(row -> row.getValue().valueProperty());
    }

    private void fitRows() {
        Node header = table.lookup(".column-header-background");
        double headerHeight = header instanceof Region region && region.getHeight() > 0
                ? region.getHeight() : HEADER_HEIGHT_BEFORE_LAYOUT;
        table.setPrefHeight(headerHeight + 2 + table.getFixedCellSize()
                * Math.min(ROWS_SHOWN, Math.max(1, rows.size())));
    }

    private void followHeader(Skin<?> skin) {
        if (skin != null && table.lookup(".column-header-background") instanceof Region header) {
            header.heightProperty().addListener((obs, old, now) -> fitRows());
        }
    }

    private static final class TypeCell extends TableCell<ParameterRow, ParameterType> {
        private final ComboBox<ParameterType> box = new ComboBox<>();
        private ParameterRow bound;

        TypeCell() {
            box.getItems().setAll(ParameterType.values());
            box.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(ParameterType item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.typeProperty());
                bound = null;
            }
            ParameterRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            box.valueProperty().bindBidirectional(row.typeProperty());
            setGraphic(box);
        }
    }

    private static final class ValueCell extends TableCell<ParameterRow, String> {
        private final TextField field = new TextField();
        private ParameterRow bound;

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ParameterRow current = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (current != null && current == bound) {
                // the value changed because the user is typing in this field: binding again would replace the
                // text and put the caret back at the start (typing "C-1" gave "1-C")
                return;
            }
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound.valueProperty());
                bound = null;
            }
            if (current == null) {
                setGraphic(null);
                return;
            }
            bound = current;
            field.textProperty().bindBidirectional(current.valueProperty());
            field.setPromptText("value of " + current.name());
            field.disableProperty().bind(current.typeProperty().isEqualTo(ParameterType.NULL));
            setGraphic(field);
        }
    }
}
