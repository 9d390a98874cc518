package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The query tab's Table, JSON and Tree views of the results shown, with open, copy and delete. Only the view in
 * front is drawn. Load all appends a page at a time: an append redraws only what it changes (the columns come from
 * the first 1,000 rows, the JSON text shows the first 2,000, the tree the first 1,000), where rebuilding every view
 * for every page made Load all's UI work grow with the square of the rows. Part of the query tab's view.
 */
final class QueryResultViews {

    private static final int JSON_SHOWN = 2_000;
    private static final int COLUMNS_SAMPLED = 1_000;

    private final QueryTabViewModel model;
    private final TableView<QueryResult> table;
    private final Label placeholder;
    private final TabPane tabs;
    private final Tab jsonTab;
    private final Tab treeTab;
    private final TextArea jsonText;
    private final TreeView<String> tree;
    private final Map<QueryResult, JsonNode> parsed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<QueryResult, JsonNode> eldest) {
            return size() > 3_000;
        }
    };

    QueryResultViews(QueryTabViewModel model, TableView<QueryResult> table, Label placeholder, TabPane tabs,
            Tab jsonTab, Tab treeTab, TextArea jsonText, TreeView<String> tree) {
        this.model = model;
        this.table = table;
        this.placeholder = placeholder;
        this.tabs = tabs;
        this.jsonTab = jsonTab;
        this.treeTab = treeTab;
        this.jsonText = jsonText;
        this.tree = tree;
    }

    void bind() {
        // the table's own "No columns in table" would show under ours: our label is its placeholder
        ((javafx.scene.layout.Pane) placeholder.getParent()).getChildren().remove(placeholder);
        table.setPlaceholder(placeholder);
        placeholder.setMouseTransparent(false);
        // no columns (no run yet): the placeholder alone, without an empty header strip (query.css)
        javafx.css.PseudoClass noColumns = javafx.css.PseudoClass.getPseudoClass("no-columns");
        javafx.beans.InvalidationListener markNoColumns = columns ->
                table.pseudoClassStateChanged(noColumns, table.getColumns().isEmpty());
        table.getColumns().addListener(markNoColumns);
        markNoColumns.invalidated(table.getColumns());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(false);
        table.setItems(model.results());
        table.setRowFactory(t -> {
            TableRow<QueryResult> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            QueryResult focused = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown() && !event.isShortcutDown() && focused != null) {
                model.open(focused);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                model.delete(List.copyOf(table.getSelectionModel().getSelectedItems()));
                event.consume();
            } else if (event.isShortcutDown() && event.getCode() == KeyCode.C) {
                copy(rowsJson(table.getSelectionModel().getSelectedItems()));
                event.consume();
            }
        });
        table.setContextMenu(menu());
        model.results().addListener((ListChangeListener<QueryResult>) this::resultsChanged);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> show(0));
        model.runningProperty().addListener((obs, was, running) -> updatePlaceholder());
        model.errorProperty().addListener((obs, was, error) -> updatePlaceholder());
        updatePlaceholder();
    }

    private void resultsChanged(ListChangeListener.Change<? extends QueryResult> change) {
        int appendedFrom = -1;
        if (change.next() && change.wasAdded() && !change.wasRemoved() && !change.wasPermutated()
                && change.getTo() == model.results().size() && change.getFrom() > 0 && !change.next()) {
            appendedFrom = change.getFrom();
        }
        show(Math.max(0, appendedFrom));
    }

    /** Draws the results in the view in front; rows before {@code unchangedBefore} are as drawn last time. */
    private void show(int unchangedBefore) {
        updatePlaceholder();
        List<QueryResult> shown = model.results();
        if (unchangedBefore < COLUMNS_SAMPLED) {
            showColumns(shown);
        }
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected == jsonTab) {
            if (unchangedBefore > JSON_SHOWN && jsonText.getParagraphs().size() > 1) { // only the count moved
                jsonText.replaceText(0, jsonText.getParagraphs().get(0).length(), jsonHeader(shown.size()));
            } else {
                List<QueryResult> part = shown.size() > JSON_SHOWN ? shown.subList(0, JSON_SHOWN) : shown;
                String text = rowsJson(part);
                jsonText.setText(shown.size() > JSON_SHOWN ? jsonHeader(shown.size()) + "\n" + text : text);
            }
        } else if (selected == treeTab) {
            TreeItem<String> root = tree.getRoot();
            if (unchangedBefore <= JsonTreeItem.SHOWN || root == null
                    || !JsonTreeItem.updateMore(root, shown.size())) {
                tree.setRoot(JsonTreeItem.forResults(shown, this::json));
            }
        }
    }

    private static String jsonHeader(int results) {
        return "// the first " + JSON_SHOWN + " of " + results + " results (Copy page as JSON copies all)";
    }

    /** A cell whose nested (or cut) value shows whole, indented, in its tooltip: the compact text expanded. */
    private javafx.scene.control.TableCell<QueryResult, String> expandingCell(String column) {
        javafx.scene.control.TableCell<QueryResult, String> cell = new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        io.cosmosdesk.ui.LazyTooltip.install(cell, () -> {
            QueryResult row = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
            return row == null || cell.isEmpty() ? null : ResultColumns.expanded(json(row), column);
        });
        return cell;
    }

    /** Columns = the union of the top-level fields of the first 1,000 rows (parsing all would stall). */
    private void showColumns(List<QueryResult> shown) {
        List<JsonNode> sample = new ArrayList<>();
        for (int i = 0; i < shown.size() && i < COLUMNS_SAMPLED; i++) {
            sample.add(json(shown.get(i)));
        }
        List<String> columns = ResultColumns.of(sample, model.container().info().partitionKeyPaths());
        List<String> current = table.getColumns().stream().map(TableColumn::getText).toList();
        if (!columns.equals(current)) {
            List<TableColumn<QueryResult, String>> built = new ArrayList<>();
            for (String name : columns) {
                TableColumn<QueryResult, String> column = new TableColumn<>(name);
                column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                        ResultColumns.cell(json(cell.getValue()), name)));
                column.setCellFactory(c -> expandingCell(name));
                column.setPrefWidth(name.equals("id") ? 200 : 140);
                built.add(column);
            }
            table.getColumns().setAll(built);
        }
    }

    private ContextMenu menu() {
        MenuItem open = new MenuItem("Open in editor");
        open.setOnAction(e -> {
            QueryResult item = table.getSelectionModel().getSelectedItem();
            if (item != null) {
                model.open(item);
            }
        });
        MenuItem copyCell = new MenuItem("Copy cell");
        copyCell.setOnAction(e -> {
            TablePosition<QueryResult, ?> focus = table.getFocusModel().getFocusedCell();
            QueryResult item = table.getSelectionModel().getSelectedItem();
            if (item != null && focus != null && focus.getTableColumn() != null) {
                copy(ResultColumns.cellJson(json(item), focus.getTableColumn().getText()));
            }
        });
        MenuItem copyRows = new MenuItem("Copy rows as JSON");
        copyRows.setOnAction(e -> copy(rowsJson(table.getSelectionModel().getSelectedItems())));
        MenuItem copyPage = new MenuItem("Copy page as JSON");
        copyPage.setOnAction(e -> copy(rowsJson(model.results())));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> model.delete(List.copyOf(table.getSelectionModel().getSelectedItems())));
        ContextMenu menu = new ContextMenu(open, copyCell, copyRows, copyPage, new SeparatorMenuItem(), delete);
        menu.setOnShowing(e -> {
            boolean items = model.resultsKindProperty().get() == QueryTabViewModel.ResultsKind.ITEMS;
            open.setDisable(!items);
            delete.setDisable(!items || table.getSelectionModel().isEmpty() || model.goneProperty().get());
        });
        return menu;
    }

    private void updatePlaceholder() {
        placeholder.setVisible(model.results().isEmpty());
        String error = model.errorProperty().get();
        placeholder.setText(model.runningProperty().get() ? "Running…"
                : model.totalsProperty().get().pages() > 0 ? "No results"
                : error != null && !error.isBlank() ? "No results: the run stopped before its first page (see above)"
                : "Run a query to see its results (Ctrl+Enter)");
    }

    private JsonNode json(QueryResult result) {
        return parsed.computeIfAbsent(result, QueryResult::json);
    }

    private String rowsJson(List<QueryResult> rows) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        rows.forEach(r -> array.add(json(r)));
        return array.toPrettyString();
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
