package io.cosmosdesk.query;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The query tab's view: binds QueryTab.fxml to a {@link QueryTabViewModel}, nothing else. */
public final class QueryTabController {

    private final QueryTabViewModel model;
    private final QueryDocument document;
    private final java.util.function.Consumer<SqlCodeArea> editorSetup;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export;
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
    @FXML private Tab tableTab;
    @FXML private Tab statsTab;
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
    @FXML private javafx.scene.control.Button copyPolicyButton;

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
        copyPolicyButton.disableProperty().bind(policyFragment.textProperty().isEmpty()); // nothing to copy
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
        ParameterTable.bind(parametersTable, parameterNameColumn, parameterTypeColumn, parameterValueColumn,
                model.parameters());
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
        } else if (event.isAltDown() && (event.getCode() == KeyCode.DIGIT1 || event.getCode() == KeyCode.DIGIT2)) {
            // Results / Stats, as in the Cosmos DB extension for VS Code (UX reference, keyboard shortcuts)
            resultsTabs.getSelectionModel().select(event.getCode() == KeyCode.DIGIT1 ? tableTab : statsTab);
            event.consume();
        }
    }

    private void bindToolbar() {
        // one run at a time: Run waits while one reads, and Cancel beside it (Esc) stops it
        runButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        pageSizeBox.getItems().setAll(QueryRequest.PAGE_SIZES);
        pageSizeBox.valueProperty().bindBidirectional(model.pageSizeProperty().asObject());
        queryStatusLabel.textProperty().bind(model.statusProperty());
        io.cosmosdesk.ui.LazyTooltip.install(queryStatusLabel, () -> queryStatusLabel.getText());
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
            level.setMinWidth(80); // three levels beside the tree of a 1152 px window: narrower, not cut
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
        io.cosmosdesk.ui.LazyTooltip.install(scopeShownLabel, scopeShownLabel::getText);
        model.resultsKindProperty().addListener((obs, old, kind) -> readOnlyLabel.setText(model.readOnlyNote()));
        rangeLabel.textProperty().bind(model.rangeLabelProperty());
        previousButton.disableProperty().bind(model.canPreviousProperty().not());
        nextButton.disableProperty().bind(model.canNextProperty().not());
        loadAllButton.disableProperty().bind(model.canNextProperty().not());

        new QueryResultViews(model, resultsTable, resultsPlaceholder, resultsTabs, jsonTab, treeTab, resultsJson,
                resultsTree).bind();
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
        QueryResultViews.copy(policyFragment.getText());
    }

    /** Adds a tab after the result views (History), for panes that need services the controller does not hold. */
    public void addResultsTab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        resultsTabs.getTabs().add(tab);
    }
}
