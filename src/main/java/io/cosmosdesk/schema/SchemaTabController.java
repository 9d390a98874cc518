package io.cosmosdesk.schema;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.PulseSteps;
import io.cosmosdesk.ui.TaskRunner;
import io.cosmosdesk.ui.UncachedViewport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import javafx.scene.control.ScrollPane;
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
    /** Rows and the detail pane's sections join the scene a bounded piece per pulse. */
    private final PulseSteps pulses = new PulseSteps();
    private FieldTreeRows rows;
    private FieldDetailPane detail;

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
    @FXML private ScrollPane detailScroll;
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
        analyseButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.goneProperty()));
        sampleSizeChoice.disableProperty().bind(viewModel.busyProperty());
        stopButton.disableProperty().bind(viewModel.busyProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.busyProperty());
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        io.cosmosdesk.ui.LazyTooltip.install(statusLabel, statusLabel::getText);
        exportButton.disableProperty().bind(viewModel.finishedProperty().not());
        howDrawnLabel.textProperty().bind(viewModel.howDrawnProperty());
        howDrawnLabel.visibleProperty().bind(viewModel.howDrawnProperty().isNotEmpty());
        howDrawnLabel.managedProperty().bind(howDrawnLabel.visibleProperty());
        banner(errorBanner, errorLabel, viewModel.errorProperty());
        banner(noticeBanner, noticeLabel, viewModel.noticeProperty());

        rows = new FieldTreeRows(fieldTree, pulses, () -> viewModel.busyProperty().get());
        // the figures change inside it 4 times a second: drawn directly, only what changed is painted again
        UncachedViewport.install(detailScroll);
        detail = new FieldDetailPane(detailBox, pulses, () -> viewModel.summaryProperty().get().itemsInspected(),
                viewModel::filter);
        fieldTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TreeTableColumn<FieldSummary, FieldSummary> column : java.util.List.of(fieldColumn, presentColumn,
                typesColumn)) {
            column.setCellValueFactory(features -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                    features.getValue().getValue()));
        }
        LiveFigures live = rows.live();
        fieldColumn.setCellFactory(c -> FieldCells.name(live));
        presentColumn.setCellFactory(c -> FieldCells.presence(live, () -> viewModel.summaryProperty().get()
                .itemsInspected()));
        typesColumn.setCellFactory(c -> FieldCells.types(live));
        fieldTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectedPathProperty().set(item == null || item.getValue() == null || rows.isStandIn(item)
                        ? null : item.getValue().path()));
        // invalidation listeners on the figures: a change listener would compare snapshots by equals (deep)
        viewModel.summaryProperty().addListener((javafx.beans.InvalidationListener) o ->
                showSummary(viewModel.summaryProperty().get()));
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (busy && rows.isEmpty()) {
                treePlaceholder.setText("Reading items…");
            }
        });
        viewModel.finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                rows.finished();
            }
        });

        for (Button button : java.util.List.of(addColumnButton, sortButton, copyPathButton, queryButton)) {
            button.disableProperty().bind(viewModel.selectedFieldProperty().isNull());
        }
        viewModel.selectedFieldProperty().addListener((javafx.beans.InvalidationListener) o ->
                detail.picked(viewModel.selectedFieldProperty().get(), viewModel.busyProperty().get()));
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (!busy) {
                rows.stopped();
                detail.show(viewModel.selectedFieldProperty().get());
            }
        });
        detail.show(null);
        // stand-ins of every shape styled while the tab opens, so the first figures only reuse what exists
        SchemaSummary standIn = StandInSample.summary(20);
        rows.warmUp(standIn);
        detail.warmUp(standIn);
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

    private void showSummary(SchemaSummary summary) {
        rows.show(summary);
        if (summary.itemsInspected() == 0) {
            treePlaceholder.setText(viewModel.busyProperty().get() ? "Reading items…"
                    : "No items were read: the container is empty.");
        }
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
