package io.cosmosdesk.schema;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Schema tab's view: binds {@code fxml/SchemaTab.fxml} to a {@link SchemaViewModel}, nothing else. */
public final class SchemaTabController {

    private final SchemaViewModel viewModel;
    private final TaskRunner tasks;
    /** The tree's rows by field, updated in place as figures fill in, so selection and expansion stay. */
    private final Map<FieldPath, TreeItem<FieldSummary>> rows = new HashMap<>();
    private final TreeItem<FieldSummary> treeRoot = new TreeItem<>();

    @FXML private BorderPane root;
    @FXML private ChoiceBox<SampleSize> sampleSizeChoice;
    @FXML private Button analyseButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private MenuButton exportButton;
    @FXML private MenuItem exportJsonSchemaItem;
    @FXML private MenuItem exportMarkdownItem;
    @FXML private MenuItem copyMarkdownItem;
    @FXML private Label howDrawnLabel;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private HBox noticeBanner;
    @FXML private Label noticeLabel;
    @FXML private TreeTableView<FieldSummary> fieldTree;
    @FXML private TreeTableColumn<FieldSummary, FieldSummary> fieldColumn;
    @FXML private TreeTableColumn<FieldSummary, FieldSummary> presentColumn;
    @FXML private TreeTableColumn<FieldSummary, FieldSummary> typesColumn;
    @FXML private Label treePlaceholder;
    @FXML private Button addColumnButton;
    @FXML private Button sortButton;
    @FXML private Button copyPathButton;
    @FXML private Button queryButton;
    @FXML private VBox detailBox;

    public SchemaTabController(SchemaViewModel viewModel, TaskRunner tasks) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.tasks = Objects.requireNonNull(tasks);
    }

    public SchemaViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        sampleSizeChoice.setItems(FXCollections.observableArrayList(SampleSize.values()));
        sampleSizeChoice.valueProperty().bindBidirectional(viewModel.sampleSizeProperty());
        analyseButton.disableProperty().bind(viewModel.busyProperty());
        sampleSizeChoice.disableProperty().bind(viewModel.busyProperty());
        stopButton.disableProperty().bind(viewModel.busyProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.busyProperty());
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        exportButton.disableProperty().bind(viewModel.finishedProperty().not());
        howDrawnLabel.textProperty().bind(viewModel.howDrawnProperty());
        howDrawnLabel.visibleProperty().bind(viewModel.howDrawnProperty().isNotEmpty());
        howDrawnLabel.managedProperty().bind(howDrawnLabel.visibleProperty());
        banner(errorBanner, errorLabel, viewModel.errorProperty());
        banner(noticeBanner, noticeLabel, viewModel.noticeProperty());

        fieldTree.setRoot(treeRoot);
        fieldTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TreeTableColumn<FieldSummary, FieldSummary> column : java.util.List.of(fieldColumn, presentColumn,
                typesColumn)) {
            column.setCellValueFactory(features -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                    features.getValue().getValue()));
        }
        fieldColumn.setCellFactory(c -> FieldCells.name());
        presentColumn.setCellFactory(c -> FieldCells.presence(() -> viewModel.summaryProperty().get()
                .itemsInspected()));
        typesColumn.setCellFactory(c -> FieldCells.types());
        fieldTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectedPathProperty().set(item == null || item.getValue() == null ? null
                        : item.getValue().path()));
        viewModel.summaryProperty().addListener((obs, old, summary) -> showSummary(summary));
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (busy && rows.isEmpty()) {
                treePlaceholder.setText("Reading items…");
            }
        });
        viewModel.finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                sortByPresence(treeRoot);
            }
        });

        for (Button button : java.util.List.of(addColumnButton, sortButton, copyPathButton, queryButton)) {
            button.disableProperty().bind(viewModel.selectedFieldProperty().isNull());
        }
        viewModel.selectedFieldProperty().addListener((obs, old, field) -> showDetail(field));
        showDetail(null);
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F5 && !viewModel.busyProperty().get()) {
                viewModel.analyse();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && viewModel.busyProperty().get()) {
                viewModel.stop();
                event.consume();
            }
        });
    }

    private static void banner(HBox banner, Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        banner.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(),
                text));
        banner.managedProperty().bind(banner.visibleProperty());
    }

    /** Updates rows in place and adds new ones at the end of their parent; the order settles when the sample ends. */
    private void showSummary(SchemaSummary summary) {
        if (summary.itemsInspected() == 0) {
            rows.clear();
            treeRoot.getChildren().clear();
            treePlaceholder.setText(viewModel.busyProperty().get() ? "Reading items…"
                    : "No items were read: the container is empty.");
            return;
        }
        update(treeRoot, summary.fields());
    }

    private void update(TreeItem<FieldSummary> parent, java.util.List<FieldSummary> fields) {
        for (FieldSummary field : fields) {
            TreeItem<FieldSummary> row = rows.get(field.path());
            if (row == null) {
                row = new TreeItem<>(field);
                rows.put(field.path(), row);
                parent.getChildren().add(row);
            } else if (row.getValue() != field) {
                row.setValue(field);
            }
            update(row, field.children());
        }
    }

    private static void sortByPresence(TreeItem<FieldSummary> parent) {
        parent.getChildren().sort((a, b) -> {
            boolean aElement = FieldPath.isElement(last(a.getValue()));
            boolean bElement = FieldPath.isElement(last(b.getValue()));
            if (aElement != bElement) {
                return aElement ? -1 : 1;
            }
            return Long.compare(b.getValue().itemCount(), a.getValue().itemCount());
        });
        parent.getChildren().forEach(SchemaTabController::sortByPresence);
    }

    private static String last(FieldSummary field) {
        return field.path().steps().get(field.path().steps().size() - 1);
    }

    private void showDetail(FieldSummary field) {
        detailBox.getChildren().setAll(field == null
                ? java.util.List.of(new Label(viewModel.summaryProperty().get().itemsInspected() == 0
                        ? "Figures for each field appear here." : "Pick a field to see its figures."))
                : FieldDetailView.build(field, viewModel.summaryProperty().get().itemsInspected(),
                        viewModel::filter));
    }

    @FXML
    private void onAnalyse() {
        viewModel.analyse();
    }

    @FXML
    private void onStop() {
        viewModel.stop();
    }

    @FXML
    private void onDismissNotice() {
        viewModel.dismissNotice();
    }

    @FXML
    private void onAddColumn() {
        viewModel.addAsColumn();
    }

    @FXML
    private void onSortBy() {
        viewModel.sortBy();
    }

    @FXML
    private void onCopyPath() {
        FieldSummary field = viewModel.selectedFieldProperty().get();
        if (field != null) {
            copy(FieldFilters.copyText(field.path()));
        }
    }

    @FXML
    private void onQuery() {
        viewModel.openQuery().ifPresent(this::copy);
    }

    @FXML
    private void onExportJsonSchema() {
        save("Save the JSON Schema", viewModel.exportFileName(".schema.json"), "JSON Schema", "*.json",
                viewModel::jsonSchemaText);
    }

    @FXML
    private void onExportMarkdown() {
        save("Save the Markdown summary", viewModel.exportFileName(".schema.md"), "Markdown", "*.md",
                viewModel::markdownText);
    }

    @FXML
    private void onCopyMarkdown() {
        copy(viewModel.markdownText());
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save(String title, String fileName, String kind, String pattern, Supplier<String> text) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        String content = text.get();
        tasks.start(BackgroundTask.of("Saving " + file.getName(), context -> {
                    Files.writeString(file.toPath(), content, StandardCharsets.UTF_8);
                    return file;
                })
                .onSuccess(saved -> viewModel.saved(saved.getName()))
                .onFailure(error -> viewModel.saveFailed(file.getName(), error)));
    }
}
