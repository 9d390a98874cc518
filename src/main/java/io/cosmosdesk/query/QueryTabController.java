package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The query tab's view: binds QueryTab.fxml to a {@link QueryTabViewModel}, nothing else. */
public final class QueryTabController {

    private static final int JSON_SHOWN = 2_000;
    private static final int PARAMETER_ROWS_SHOWN = 4;
    private static final double PARAMETER_HEADER_HEIGHT = 30;

    private final QueryTabViewModel model;
    private final QueryDocument document;
    private final java.util.function.Consumer<SqlCodeArea> editorSetup;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export;
    private final Map<QueryResult, JsonNode> parsed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<QueryResult, JsonNode> eldest) {
            return size() > 3_000;
        }
    };
    private QueryEditor editor;

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ComboBox<Integer> pageSizeBox;
    @FXML private Button exportButton;
    @FXML private Button openQueryButton;
    @FXML private Button saveQueryButton;
    @FXML private javafx.scene.control.MenuButton saveAsButton;
    @FXML private Label queryStatusLabel;
    @FXML private StackPane editorHost;
    @FXML private TableView<ParameterRow> parametersTable;
    @FXML private TableColumn<ParameterRow, String> parameterNameColumn;
    @FXML private TableColumn<ParameterRow, ParameterType> parameterTypeColumn;
    @FXML private TableColumn<ParameterRow, String> parameterValueColumn;
    @FXML private RadioButton allPartitionsRadio;
    @FXML private RadioButton onePartitionRadio;
    @FXML private HBox scopeLevels;
    @FXML private HBox queryErrorBanner;
    @FXML private Label queryErrorLabel;
    @FXML private Button goOnButton;
    @FXML private Label scopeShownLabel;
    @FXML private Label readOnlyLabel;
    @FXML private Label rangeLabel;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Button loadAllButton;
    @FXML private TabPane resultsTabs;
    @FXML private Tab jsonTab;
    @FXML private Tab treeTab;
    @FXML private TableView<QueryResult> resultsTable;
    @FXML private Label resultsPlaceholder;
    @FXML private TextArea resultsJson;
    @FXML private TreeView<String> resultsTree;
    @FXML private javafx.scene.control.CheckBox metricsEveryPage;
    @FXML private TableView<QueryStatsRows.Row> statsTable;
    @FXML private TableColumn<QueryStatsRows.Row, String> statsLabelColumn;
    @FXML private TableColumn<QueryStatsRows.Row, String> statsValueColumn;
    @FXML private Label adviceSummary;
    @FXML private TextArea adviceList;
    @FXML private TextArea policyFragment;

    /** @param export opens the export dialog for a query's results; null hides Export */
    public QueryTabController(QueryTabViewModel model,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export) {
        this(model, null, export, area -> { });
    }

    /** @param editorSetup attaches completion (which needs services) to the query's code area */
    public QueryTabController(QueryTabViewModel model, QueryDocument document,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export,
            java.util.function.Consumer<SqlCodeArea> editorSetup) {
        this.model = Objects.requireNonNull(model);
        this.document = document;
        this.export = export;
        this.editorSetup = Objects.requireNonNull(editorSetup);
    }

    public QueryTabViewModel viewModel() {
        return model;
    }

    /** The code area holding the query text (for tests and for focusing it). */
    public QueryEditor editor() {
        return editor;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(QueryTabController.class.getResource("query.css"))
                .toExternalForm());
        editor = new QueryEditor(model, editorSetup);
        editorHost.getChildren().add(editor.node());
        editor.area().sceneProperty().addListener((obs, old, scene) -> { // a new tab starts with the cursor in the text
            if (scene != null && old == null) {
                editor.area().requestFocus();
            }
        });
        exportButton.setVisible(export != null);
        exportButton.setManaged(export != null);
        for (javafx.scene.Node node : List.of(openQueryButton, saveQueryButton, saveAsButton)) {
            node.setVisible(document != null);
            node.setManaged(document != null);
        }
        bindToolbar();
        bindParameters();
        bindScope();
        bindResults();
        bindStatsAndAdvice();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent event) {
        boolean run = (event.getCode() == KeyCode.ENTER && (event.isShortcutDown() || event.isShiftDown()))
                || event.getCode() == KeyCode.F5;
        if (run) {
            model.run();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
            model.cancel();
            event.consume();
        } else if (document != null && event.isShortcutDown() && event.getCode() == KeyCode.S) {
            if (event.isShiftDown()) {
                onSaveAsNamed();
            } else {
                onSave();
            }
            event.consume();
        } else if (event.isAltDown() && event.getCode() == KeyCode.RIGHT) {
            model.next();
            event.consume();
        } else if (event.isAltDown() && event.getCode() == KeyCode.LEFT) {
            model.previous();
            event.consume();
        }
    }

    private void bindToolbar() {
        cancelButton.disableProperty().bind(model.runningProperty().not());
        pageSizeBox.getItems().setAll(QueryRequest.PAGE_SIZES);
        pageSizeBox.valueProperty().bindBidirectional(model.pageSizeProperty().asObject());
        queryStatusLabel.textProperty().bind(model.statusProperty());
    }

    private void bindParameters() {
        parametersTable.setItems(model.parameters());
        parametersTable.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.parameters()));
        parametersTable.managedProperty().bind(parametersTable.visibleProperty());
        // tall enough for its header (as the theme draws it) and rows (up to four; more scroll), so neither it nor
        // the editor above is squeezed
        Runnable fitRows = () -> {
            javafx.scene.Node header = parametersTable.lookup(".column-header-background");
            double headerHeight = header instanceof javafx.scene.layout.Region region && region.getHeight() > 0
                    ? region.getHeight() : PARAMETER_HEADER_HEIGHT;
            parametersTable.setPrefHeight(headerHeight + 2 + parametersTable.getFixedCellSize()
                    * Math.min(PARAMETER_ROWS_SHOWN, Math.max(1, model.parameters().size())));
        };
        model.parameters().addListener((javafx.collections.ListChangeListener<ParameterRow>) change -> fitRows.run());
        // the header is laid out after the table is given its height: follow the header's own height
        java.util.function.Consumer<javafx.scene.control.Skin<?>> followHeader = skin -> {
            if (skin != null && parametersTable.lookup(".column-header-background")
                    instanceof javafx.scene.layout.Region header) {
                header.heightProperty().addListener((obs, old, now) -> fitRows.run());
            }
        };
        parametersTable.skinProperty().addListener((obs, old, skin) -> followHeader.accept(skin));
        followHeader.accept(parametersTable.getSkin());
        fitRows.run();
        parameterNameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        parameterTypeColumn.setCellFactory(column -> new TableCell<>() {
            private final ComboBox<ParameterType> box = new ComboBox<>();
            private ParameterRow bound;

            {
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
        });
        parameterTypeColumn.setCellValueFactory(row -> row.getValue().typeProperty());
        parameterValueColumn.setCellFactory(column -> new TableCell<>() {
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
                ParameterRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                bound = row;
                field.textProperty().bindBidirectional(row.valueProperty());
                field.setPromptText("value of " + row.name());
                field.disableProperty().bind(row.typeProperty().isEqualTo(ParameterType.NULL));
                setGraphic(field);
            }
        });
        parameterValueColumn.setCellValueFactory(row -> row.getValue().valueProperty());
    }

    private void bindScope() {
        ScopeInput scope = model.scope();
        allPartitionsRadio.setSelected(scope.allPartitionsProperty().get());
        onePartitionRadio.setSelected(!scope.allPartitionsProperty().get());
        allPartitionsRadio.selectedProperty().bindBidirectional(scope.allPartitionsProperty());
        for (int i = 0; i < scope.keyPaths().size(); i++) {
            TextField level = new TextField();
            level.setId("scopeLevel" + i);
            level.setPromptText(scope.keyPaths().get(i) + (i > 0 ? " (optional)" : ""));
            level.setPrefColumnCount(12);
            level.textProperty().bindBidirectional(scope.levels().get(i));
            level.disableProperty().bind(scope.allPartitionsProperty());
            scopeLevels.getChildren().add(level);
        }
    }

    private void bindResults() {
        queryErrorLabel.textProperty().bind(model.errorProperty());
        queryErrorBanner.visibleProperty().bind(model.errorProperty().isNotEmpty());
        queryErrorBanner.managedProperty().bind(queryErrorBanner.visibleProperty());
        goOnButton.visibleProperty().bind(model.limitReachedProperty());
        goOnButton.managedProperty().bind(goOnButton.visibleProperty());
        scopeShownLabel.textProperty().bind(model.scopeShownProperty());
        model.resultsKindProperty().addListener((obs, old, kind) -> readOnlyLabel.setText(model.readOnlyNote()));
        rangeLabel.textProperty().bind(model.rangeLabelProperty());
        previousButton.disableProperty().bind(model.canPreviousProperty().not());
        nextButton.disableProperty().bind(model.canNextProperty().not());
        loadAllButton.disableProperty().bind(model.canNextProperty().not());

        // the table's own "No columns in table" would show under ours: our label is its placeholder
        ((javafx.scene.layout.Pane) resultsPlaceholder.getParent()).getChildren().remove(resultsPlaceholder);
        resultsTable.setPlaceholder(resultsPlaceholder);
        resultsPlaceholder.setMouseTransparent(false);
        resultsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        resultsTable.getSelectionModel().setCellSelectionEnabled(false);
        resultsTable.setItems(model.results());
        resultsTable.setRowFactory(table -> {
            TableRow<QueryResult> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        resultsTable.setOnKeyPressed(event -> {
            QueryResult focused = resultsTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown() && !event.isShortcutDown() && focused != null) {
                model.open(focused);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                model.delete(List.copyOf(resultsTable.getSelectionModel().getSelectedItems()));
                event.consume();
            } else if (event.isShortcutDown() && event.getCode() == KeyCode.C) {
                copy(rowsJson(resultsTable.getSelectionModel().getSelectedItems()));
                event.consume();
            }
        });
        resultsTable.setContextMenu(resultsMenu());
        model.results().addListener((ListChangeListener<QueryResult>) change -> showResults());
        resultsTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> showResults());
        model.runningProperty().addListener((obs, was, running) -> updatePlaceholder());
        updatePlaceholder();
    }

    private ContextMenu resultsMenu() {
        MenuItem open = new MenuItem("Open in editor");
        open.setOnAction(e -> {
            QueryResult item = resultsTable.getSelectionModel().getSelectedItem();
            if (item != null) {
                model.open(item);
            }
        });
        MenuItem copyCell = new MenuItem("Copy cell");
        copyCell.setOnAction(e -> {
            TablePosition<QueryResult, ?> focus = resultsTable.getFocusModel().getFocusedCell();
            QueryResult item = resultsTable.getSelectionModel().getSelectedItem();
            if (item != null && focus != null && focus.getTableColumn() != null) {
                copy(ResultColumns.cellJson(json(item), focus.getTableColumn().getText()));
            }
        });
        MenuItem copyRows = new MenuItem("Copy rows as JSON");
        copyRows.setOnAction(e -> copy(rowsJson(resultsTable.getSelectionModel().getSelectedItems())));
        MenuItem copyPage = new MenuItem("Copy page as JSON");
        copyPage.setOnAction(e -> copy(rowsJson(model.results())));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> model.delete(List.copyOf(resultsTable.getSelectionModel().getSelectedItems())));
        ContextMenu menu = new ContextMenu(open, copyCell, copyRows, copyPage, new SeparatorMenuItem(), delete);
        menu.setOnShowing(e -> {
            boolean items = model.resultsKindProperty().get() == QueryTabViewModel.ResultsKind.ITEMS;
            open.setDisable(!items);
            delete.setDisable(!items || resultsTable.getSelectionModel().isEmpty() || model.goneProperty().get());
        });
        return menu;
    }

    private void updatePlaceholder() {
        boolean empty = model.results().isEmpty();
        resultsPlaceholder.setVisible(empty);
        resultsPlaceholder.setText(model.runningProperty().get() ? "Running…"
                : model.totalsProperty().get().pages() > 0 ? "No results" : "Run a query to see its results (Ctrl+Enter)");
    }

    private JsonNode json(QueryResult result) {
        return parsed.computeIfAbsent(result, QueryResult::json);
    }

    private void showResults() {
        updatePlaceholder();
        List<QueryResult> shown = model.results();
        List<JsonNode> sample = new ArrayList<>();
        for (int i = 0; i < shown.size() && i < 1_000; i++) { // columns from the first 1,000: parsing all would stall
            sample.add(json(shown.get(i)));
        }
        List<String> columns = ResultColumns.of(sample, model.container().info().partitionKeyPaths());
        List<String> current = resultsTable.getColumns().stream().map(TableColumn::getText).toList();
        if (!columns.equals(current)) {
            List<TableColumn<QueryResult, String>> built = new ArrayList<>();
            for (String name : columns) {
                TableColumn<QueryResult, String> column = new TableColumn<>(name);
                column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                        ResultColumns.cell(json(cell.getValue()), name)));
                column.setPrefWidth(name.equals("id") ? 200 : 140);
                built.add(column);
            }
            resultsTable.getColumns().setAll(built);
        }
        Tab selected = resultsTabs.getSelectionModel().getSelectedItem();
        if (selected == jsonTab) {
            List<QueryResult> part = shown.size() > JSON_SHOWN ? shown.subList(0, JSON_SHOWN) : shown;
            String text = rowsJson(part);
            resultsJson.setText(shown.size() > JSON_SHOWN ? "// the first " + JSON_SHOWN + " of " + shown.size()
                    + " results (Copy page as JSON copies all)\n" + text : text);
        } else if (selected == treeTab) {
            resultsTree.setRoot(JsonTreeItem.forResults(shown, this::json));
        }
    }

    private String rowsJson(List<QueryResult> rows) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        rows.forEach(r -> array.add(json(r)));
        return array.toPrettyString();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private void bindStatsAndAdvice() {
        metricsEveryPage.selectedProperty().bindBidirectional(model.metricsForEveryPageProperty());
        statsLabelColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().label()));
        statsValueColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().value()));
        StatsValueCell.install(statsTable, statsValueColumn);
        model.totalsProperty().addListener((obs, old, totals) -> {
            statsTable.getItems().setAll(QueryStatsRows.of(totals, model.lastPageProperty().get()));
            IndexAdvice advice = totals.indexAdvice();
            adviceSummary.setText(advice.isEmpty() ? "The server sent no index metrics for this query."
                    : advice.hasPotential() ? "Adding the potential indexes below may lower this query's cost."
                    : "The query uses the indexes it needs; nothing to add.");
            StringBuilder list = new StringBuilder();
            advice.utilizedSingle().forEach(p -> list.append("Utilized single index: ").append(p).append('\n'));
            advice.potentialSingle().forEach(p -> list.append("Potential single index: ").append(p).append('\n'));
            advice.utilizedComposite().forEach(p -> list.append("Utilized composite index: ").append(p).append('\n'));
            advice.potentialComposite().forEach(p -> list.append("Potential composite index: ").append(p)
                    .append('\n'));
            adviceList.setText(list.toString());
            policyFragment.setText(advice.hasPotential() ? advice.policyFragment() : "");
        });
    }

    @FXML
    private void onRun() {
        model.run();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onGoOn() {
        model.goOn();
    }

    @FXML
    private void onPrevious() {
        model.previous();
    }

    @FXML
    private void onNext() {
        model.next();
    }

    @FXML
    private void onLoadAll() {
        model.loadAll();
    }

    @FXML
    private void onExport() {
        model.exportSource().ifPresent(source -> export.accept(root.getScene().getWindow(), source));
    }

    @FXML
    private void onSave() {
        document.save();
    }

    @FXML
    private void onSaveAsNamed() {
        document.saveAsNamed();
    }

    @FXML
    private void onSaveAsFile() {
        SqlFiles.chooseSave(root.getScene().getWindow(), document.suggestedFileName()).ifPresent(document::saveToFile);
    }

    @FXML
    private void onOpenFile() {
        SqlFiles.chooseOpen(root.getScene().getWindow()).ifPresent(document::openFile);
    }

    @FXML
    private void onCopyPolicy() {
        copy(policyFragment.getText());
    }

    /** Adds a tab after the result views (History), for panes that need services the controller does not hold. */
    public void addResultsTab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        resultsTabs.getTabs().add(tab);
    }
}
