package io.cosmosdesk.schema;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.PulseSteps;
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
    /** The newest figures the rows' cells show while a sample fills in; the rows take them when it ends. */
    private final LiveFigures live = new LiveFigures();
    private long detailShownAt;
    /** New rows that would be on screen, added per pulse while a summary's rows fill in. */
    static final int NEW_SHOWN_ROWS_PER_PULSE = 4;
    /** The newest summary whose rows are not all in the tree yet, or null. */
    private SchemaSummary pendingRows;
    private boolean rowsQueued;
    private boolean sortWhenComplete;
    /** Rows and the detail pane's sections join the scene a bounded piece per pulse. */
    private final PulseSteps pulses = new PulseSteps();
    private int detailGeneration;
    /** The stand-in row styled while the tab opens (see warmUp), or null once gone. */
    private TreeItem<FieldSummary> warmRow;

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
        analyseButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.goneProperty()));
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
        fieldColumn.setCellFactory(c -> FieldCells.name(live));
        presentColumn.setCellFactory(c -> FieldCells.presence(live, () -> viewModel.summaryProperty().get()
                .itemsInspected()));
        typesColumn.setCellFactory(c -> FieldCells.types(live));
        fieldTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectedPathProperty().set(item == null || item.getValue() == null || item == warmRow
                        ? null : item.getValue().path()));
        warmUp();
        // invalidation listeners on the figures: a change listener would compare snapshots by equals (deep)
        viewModel.summaryProperty().addListener((javafx.beans.InvalidationListener) o ->
                showSummary(viewModel.summaryProperty().get()));
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (busy && rows.isEmpty()) {
                treePlaceholder.setText("Reading items…");
            }
        });
        viewModel.finishedProperty().addListener((obs, old, done) -> {
            if (done && pendingRows == null) {
                settleRows();
                sortByPresence(treeRoot);
            } else if (done) {
                sortWhenComplete = true;
            }
        });

        for (Button button : java.util.List.of(addColumnButton, sortButton, copyPathButton, queryButton)) {
            button.disableProperty().bind(viewModel.selectedFieldProperty().isNull());
        }
        FieldSummary[] lastPick = {null};
        viewModel.selectedFieldProperty().addListener((javafx.beans.InvalidationListener) o -> {
            FieldSummary field = viewModel.selectedFieldProperty().get();
            FieldSummary old = lastPick[0];
            lastPick[0] = field;
            // while figures fill in, the same field's pane is rebuilt at most once a second; a new pick at once
            boolean samePick = old != null && field != null && old.path().equals(field.path());
            if (!samePick || !viewModel.busyProperty().get() || System.nanoTime() - detailShownAt > 1_000_000_000L) {
                showDetail(field);
            }
        });
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (!busy) {
                if (pendingRows == null) {
                    settleRows();
                }
                showDetail(viewModel.selectedFieldProperty().get());
            }
        });
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

    /**
     * Updates rows in place and adds new ones at the end of their parent; the order settles when the sample ends.
     * A shown row costs its first styling and skins (a few ms each on a cold JVM, far more for the very first),
     * so at most {@link #NEW_SHOWN_ROWS_PER_PULSE} new rows that would be on screen join per pulse: a first
     * summary of dozens of fields fills in over a few frames instead of one long stall.
     */
    private void showSummary(SchemaSummary summary) {
        endWarmUp();
        if (summary.itemsInspected() == 0) {
            rows.clear();
            live.clear();
            treeRoot.getChildren().clear();
            pendingRows = null;
            sortWhenComplete = false;
            treePlaceholder.setText(viewModel.busyProperty().get() ? "Reading items…"
                    : "No items were read: the container is empty.");
            return;
        }
        pendingRows = summary;
        if (!rowsQueued) {
            rowsQueued = true;
            pulses.add(this::addPendingRows); // in the pulse's animation phase: one batch per CSS + layout pass
        }
    }

    /** Applies the newest summary within this pulse's budget of new rows; continues next pulse if some wait. */
    private void addPendingRows() {
        SchemaSummary summary = pendingRows;
        if (summary == null) {
            rowsQueued = false;
            return;
        }
        int[] budget = {NEW_SHOWN_ROWS_PER_PULSE};
        boolean complete = update(treeRoot, summary.fields(), budget);
        live.changed();
        if (complete) {
            pendingRows = null;
            rowsQueued = false;
            if (sortWhenComplete || !viewModel.busyProperty().get()) {
                settleRows();
            }
            if (sortWhenComplete) {
                sortWhenComplete = false;
                sortByPresence(treeRoot);
            }
        } else {
            pulses.add(this::addPendingRows);
        }
    }

    /** False when the budget ran out before every field had its row. */
    private boolean update(TreeItem<FieldSummary> parent, java.util.List<FieldSummary> fields, int[] budget) {
        boolean complete = true;
        boolean shown = parent == treeRoot || parent.isExpanded();
        for (FieldSummary field : fields) {
            TreeItem<FieldSummary> row = rows.get(field.path());
            if (row == null) {
                if (shown && budget[0] <= 0) {
                    complete = false;
                    continue;
                }
                if (shown) {
                    budget[0]--;
                }
                row = new TreeItem<>(field);
                rows.put(field.path(), row);
                parent.getChildren().add(row);
            } else if (row.getValue() != field) {
                live.put(field); // the cells show it; the row takes it when the sample ends (settleRows)
            }
            complete &= update(row, field.children(), budget);
        }
        return complete;
    }

    /**
     * The tree's first row is by far its dearest: its row and cell skins are made and the scene's styles for them
     * matched for the first time (150-300 ms of UI-thread CPU on a cold JVM under load). A stand-in row, drawn
     * transparent, pays that while the tab opens, so the first figures only add rows. It goes as soon as its row
     * was styled, or when the first figures come.
     */
    private void warmUp() {
        FieldPath path = FieldPath.ROOT.child("warm-up");
        FieldSummary field = new FieldSummary(path, 1, 2, java.util.List.of(
                new TypeSummary(ValueType.STRING, 1, null, null, null, null, null),
                new TypeSummary(ValueType.NUMBER, 1, null, null, null, null, null)), true, true,
                java.util.List.of(new FieldSummary(path.child("child"), 1, 1, java.util.List.of(), false, false,
                        java.util.List.of())));
        warmRow = new TreeItem<>(field);
        warmRow.getChildren().add(new TreeItem<>(field.children().get(0)));
        fieldTree.getStyleClass().add("schema-warming");
        treeRoot.getChildren().add(warmRow);
        int[] pulsesLeft = {120};
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (warmRow == null) {
                    return;
                }
                boolean styled = fieldTree.lookupAll(".tree-table-row-cell").stream().anyMatch(node ->
                        node instanceof javafx.scene.control.TreeTableRow<?> row && row.getTreeItem() == warmRow
                                && row.getSkin() != null);
                if (styled || --pulsesLeft[0] <= 0) {
                    endWarmUp();
                } else {
                    pulses.add(this);
                }
            }
        };
        pulses.add(check);
    }

    private void endWarmUp() {
        if (warmRow != null) {
            treeRoot.getChildren().remove(warmRow);
            warmRow = null;
            fieldTree.getStyleClass().remove("schema-warming");
        }
    }

    /** The rows take their newest figures: one rebuild of the shown cells, once the figures stop moving. */
    private void settleRows() {
        for (TreeItem<FieldSummary> row : rows.values()) {
            FieldSummary newest = live.of(row.getValue());
            if (row.getValue() != newest) {
                row.setValue(newest);
            }
        }
        live.clear();
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

    /**
     * Shows a field's figures, a section per pulse. For the field already shown (figures moving on) each section is
     * copied onto the shown one when their shapes match ({@link FieldDetailView#refresh}): no node joins the scene,
     * so nothing is styled again. A new field's sections replace the shown ones (a pane is dozens of controls:
     * styling them all at once was one long stall).
     */
    private void showDetail(FieldSummary field) {
        detailShownAt = System.nanoTime();
        int generation = ++detailGeneration;
        if (field == null) {
            detailBox.getChildren().setAll(new Label(viewModel.summaryProperty().get().itemsInspected() == 0
                    ? "Figures for each field appear here." : "Pick a field to see its figures."));
            return;
        }
        java.util.List<javafx.scene.Node> sections = FieldDetailView.build(field,
                viewModel.summaryProperty().get().itemsInspected(), viewModel::filter);
        boolean sameField = !detailBox.getChildren().isEmpty()
                && detailBox.getChildren().get(0).getUserData() instanceof FieldPath shown
                && shown.equals(field.path());
        if (!sameField) {
            detailBox.getChildren().clear();
        }
        sections.get(0).setUserData(field.path()); // kept by a refresh: the title shows the same path
        for (int i = 0; i < sections.size(); i++) {
            int index = i;
            pulses.add(() -> {
                if (generation != detailGeneration) {
                    return;
                }
                var shown = detailBox.getChildren();
                if (index < shown.size()) {
                    // the same field's figures moving on: the shown section takes the new texts and sizes
                    if (!sameField || !FieldDetailView.refresh(shown.get(index), sections.get(index))) {
                        shown.set(index, FieldDetailView.realise(sections.get(index)));
                    }
                } else {
                    shown.add(FieldDetailView.realise(sections.get(index)));
                }
                if (index == sections.size() - 1 && shown.size() > sections.size()) {
                    shown.remove(sections.size(), shown.size());
                }
            });
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
