package io.cosmosdesk.changes;

import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.ui.HeaderFit;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** Thin controller of ChangesTab.fxml: binds the table and bars to {@link LiveChangesViewModel}, forwards intent. */
public class ChangesTabController {

    /** The choices of "Start from". */
    enum StartChoice {
        NOW("Now"), BEGINNING("Beginning"), POINT_IN_TIME("Point in time"), SAVED("Where it stopped");

        private final String label;

        StartChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
    private static final String ACCENT = "accent";
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LiveChangesViewModel viewModel;
    private Instant lastFormattedAt;
    private String lastFormatted;
    private final Consumer<ItemRef> openItem;

    @FXML private BorderPane root;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private ComboBox<StartChoice> startChoice;
    @FXML private ComboBox<FeedMode> modeChoice;
    static final String NOTHING_CAPTURED =
            "No changes captured yet. While live, items appear here as they are created or changed.";
    static final String NOTHING_MATCHES =
            "None of the changes captured matches the filter. Show all lists every one; new ones that match appear here.";

    @FXML private TextField pointInTimeField;
    @FXML private HBox pointInTimeRow;
    @FXML private Button startButton;
    @FXML private Button clearButton;
    @FXML private Button exportButton;
    @FXML private CheckBox followCheck;
    @FXML private TextField filterField;
    @FXML private Label filterErrorLabel;
    @FXML private Label startErrorLabel;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private Label allVersionsLabel;
    @FXML private TableView<ChangeRow> changesTable;
    @FXML private TableColumn<ChangeRow, ChangeRow> timeColumn;
    @FXML private TableColumn<ChangeRow, ChangeRow> idColumn;
    @FXML private TableColumn<ChangeRow, ChangeRow> keyColumn;
    @FXML private TableColumn<ChangeRow, ChangeRow> changeColumn;
    @FXML private Label statusLabel;
    @FXML private Label exportLabel;

    public ChangesTabController(LiveChangesViewModel viewModel, Consumer<ItemRef> openItem) {
        this.viewModel = viewModel;
        this.openItem = openItem;
    }

    public LiveChangesViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        bindToolbar();
        bindTable();
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterErrorLabel.textProperty().bind(viewModel.filterErrorProperty());
        showOnlyWhenText(filterErrorLabel);
        startErrorLabel.textProperty().bind(viewModel.startErrorProperty());
        showOnlyWhenText(startErrorLabel);
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorBanner.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        allVersionsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            AllVersionsSupport support = viewModel.allVersionsProperty().get();
            if (support == null) {
                return "";
            }
            if (!support.isAvailable()) {
                return support.reason();
            }
            return viewModel.modeProperty().get() == FeedMode.ALL_VERSIONS_AND_DELETES
                    ? "All versions and deletes: every create, replace and delete since the tab started reading, "
                            + "deletes marked."
                    : "This account keeps all versions and deletes: choose it under Feed to see every version and "
                            + "the deletes too.";
        }, viewModel.allVersionsProperty(), viewModel.modeProperty()));
        showOnlyWhenText(allVersionsLabel);
        statusLabel.textProperty().bind(viewModel.statusProperty());
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(viewModel.statusProperty());
        statusLabel.setTooltip(statusTip);
        exportLabel.textProperty().bind(viewModel.exportMessageProperty());
    }

    private void bindToolbar() {
        pauseButton.textProperty().bind(Bindings.when(viewModel.stateProperty()
                .isEqualTo(LiveChangesViewModel.State.PAUSED)).then("Resume").otherwise("Pause"));
        pauseButton.disableProperty().bind(viewModel.stateProperty().isEqualTo(LiveChangesViewModel.State.STOPPED)
                .or(viewModel.stateProperty().isEqualTo(LiveChangesViewModel.State.FAILED)));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        keepTheFocusOnTheToolbar();
        startButton.disableProperty().bind(viewModel.goneProperty()); // a deleted container has no changes to read
        bindStartButton();
        bindModeChoice();
        startChoice.getItems().setAll(StartChoice.NOW, StartChoice.BEGINNING, StartChoice.POINT_IN_TIME);
        viewModel.savedPositionProperty().addListener((obs, old, saved) -> offerSaved(saved));
        offerSaved(viewModel.savedPositionProperty().get());
        startChoice.getSelectionModel().select(StartChoice.NOW);
        pointInTimeRow.visibleProperty().bind(startChoice.valueProperty().isEqualTo(StartChoice.POINT_IN_TIME));
        pointInTimeRow.managedProperty().bind(pointInTimeRow.visibleProperty());
        pointInTimeField.setText(LocalDateTime.now().minusHours(1).withSecond(0).withNano(0)
                .format(LiveChangesViewModel.TYPED_TIME));
        pointInTimeField.setOnAction(event -> onStart());
        exportButton.disableProperty().bind(viewModel.exportingProperty()
                .or(viewModel.captured().totalProperty().isEqualTo(0)));
        clearButton.disableProperty().bind(viewModel.captured().totalProperty().isEqualTo(0));
        viewModel.startedFromProperty().addListener((obs, old, start) -> {
            if (start != null) {
                startChoice.getSelectionModel().select(StartChoice.values()[start.kind().ordinal()]);
            }
        });
    }

    /**
     * Start says what it does: while the tab reads (or is paused) it starts the reading again from the chosen point,
     * so it says Restart, and it is the accented next step only while nothing is read (it said Start, accented,
     * beside a live feed, as if the tab were not reading yet).
     */
    private void bindStartButton() {
        Tooltip startTip = startButton.getTooltip();
        String startText = startTip.getText();
        Runnable show = () -> {
            LiveChangesViewModel.State state = viewModel.stateProperty().get();
            boolean reading = state != LiveChangesViewModel.State.STOPPED && state != LiveChangesViewModel.State.FAILED;
            startButton.setText(reading ? "Restart" : "Start");
            startTip.setText(reading ? "Stop this reading and read the change feed again from the chosen point; the "
                    + "rows already captured stay" : startText);
            io.cosmosdesk.ui.Nodes.toggleStyleClass(startButton, ACCENT, !reading);
        };
        viewModel.stateProperty().addListener((obs, old, state) -> show.run());
        show.run();
    }

    /**
     * Stop (or Pause) turns disabled once the reading stops, and the scene then handed the focus to the next control,
     * the Feed box: a keyboard user who pressed Stop lands on Start (Restart) instead, the next step.
     */
    private void keepTheFocusOnTheToolbar() {
        stopButton.disabledProperty().addListener((obs, was, disabled) -> {
            Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if (disabled && (owner == stopButton || owner == pauseButton) && !startButton.isDisabled()) {
                startButton.requestFocus();
            }
        });
    }

    /** Feed: latest version, or all versions and deletes once the account is known to serve it. */
    private void bindModeChoice() {
        modeChoice.getItems().setAll(FeedMode.LATEST_VERSION);
        modeChoice.setValue(viewModel.modeProperty().get());
        Runnable offer = () -> {
            AllVersionsSupport support = viewModel.allVersionsProperty().get();
            boolean available = support != null && support.isAvailable();
            if (available && !modeChoice.getItems().contains(FeedMode.ALL_VERSIONS_AND_DELETES)) {
                modeChoice.getItems().add(FeedMode.ALL_VERSIONS_AND_DELETES);
            }
            modeChoice.setTooltip(new Tooltip(support == null ? "Asking whether this account keeps all versions…"
                    : available ? "Latest version: each changed item once, as it is now. All versions and deletes: "
                            + "every create, replace and delete, in order, from now on."
                    : "Latest version only. " + support.reason()));
        };
        viewModel.allVersionsProperty().addListener((obs, old, support) -> offer.run());
        offer.run();
        viewModel.modeProperty().addListener((obs, old, chosen) -> modeChoice.setValue(chosen));
        modeChoice.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != viewModel.modeProperty().get() && !viewModel.chooseMode(chosen)) {
                modeChoice.setValue(old);
            }
        });
    }

    private void offerSaved(FeedPositions.Saved saved) {
        if (saved != null && !startChoice.getItems().contains(StartChoice.SAVED)) {
            startChoice.getItems().add(StartChoice.SAVED);
        }
        if (saved != null && viewModel.stateProperty().get() == LiveChangesViewModel.State.STOPPED) {
            // stopped by the user: Start continues where it stopped unless they choose otherwise
            startChoice.getSelectionModel().select(StartChoice.SAVED);
        }
        startChoice.setTooltip(saved == null ? startChoice.getTooltip() : new Tooltip(
                "Where it stopped: the position saved at " + format(saved.savedAt()) + " when this container's "
                        + "tab last stopped"));
    }

    private void bindTable() {
        changesTable.setItems(viewModel.visibleRows());
        // its cells built and drawn before the first rows come; the tab says Live once they are
        viewModel.holdLiveWhile(TableWarmUp.install(changesTable, viewModel.visibleRows()).warmingProperty());
        Label placeholder = new Label();
        placeholder.setId("changesPlaceholder");
        // rows captured but none passing the filter: say so, not that nothing was captured (set, not bound: the
        // text changes only when the list turns empty or not, and a hand-over does not re-lay the placeholder)
        javafx.beans.InvalidationListener sayWhyEmpty = rows -> placeholder.setText(
                viewModel.captured().rows().isEmpty() ? NOTHING_CAPTURED : NOTHING_MATCHES);
        viewModel.captured().rows().addListener(sayWhyEmpty);
        sayWhyEmpty.invalidated(null);
        changesTable.setPlaceholder(placeholder);
        // every column shows the row itself through a cell of its own: nothing is made per refresh but the text
        for (TableColumn<ChangeRow, ChangeRow> column : List.of(timeColumn, idColumn, keyColumn,
                changeColumn)) {
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        }
        timeColumn.setCellFactory(column -> new ChangeTextCell(
                row -> row.modified() == null ? "" : formatRowTime(row.modified())));
        idColumn.setCellFactory(column -> new ChangeTextCell(ChangeRow::id));
        keyColumn.setCellFactory(column -> new ChangeTextCell(ChangeRow::keyText));
        changeColumn.setCellFactory(column -> new ChangeSummaryCell());
        // the last column gives way first; then these keep their headers whole (at 1152 px "Partition key" was cut)
        for (TableColumn<ChangeRow, ChangeRow> column : List.of(timeColumn, idColumn, keyColumn)) {
            HeaderFit.keepHeaderWhole(changesTable, column);
        }
        changesTable.setRowFactory(table -> {
            TableRow<ChangeRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            row.itemProperty().addListener((obs, old, item) ->
                    row.pseudoClassStateChanged(DELETED, item != null && item.isDelete()));
            return row;
        });
        MenuItem open = new MenuItem("Open in editor");
        open.setOnAction(event -> openSelected());
        MenuItem copyId = new MenuItem("Copy id");
        copyId.setOnAction(event -> {
            ChangeRow selected = changesTable.getSelectionModel().getSelectedItem();
            if (selected != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(selected.id());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        MenuItem copyJson = new MenuItem("Copy JSON");
        copyJson.setOnAction(event -> {
            ChangeRow selected = changesTable.getSelectionModel().getSelectedItem();
            if (selected != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(selected.body().toPrettyString());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        changesTable.setContextMenu(new ContextMenu(open, copyId, copyJson));
        changesTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        FollowNewest.install(changesTable, viewModel.visibleRows(), followCheck.selectedProperty());
        // Space pauses and resumes while the table has the focus (a filter: the table would take it for itself);
        // on a button, a check box or in a text field it keeps its usual meaning
        changesTable.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.SPACE && !event.isShortcutDown() && !pauseButton.isDisabled()) {
                onPauseOrResume();
                event.consume();
            }
        });
    }

    private void openSelected() {
        ChangeRow selected = changesTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected);
        }
    }

    /** Opens the item in the editor; a deleted one is gone, so its row's tooltip shows what was deleted instead. */
    private void open(ChangeRow row) {
        if (row.isDelete()) {
            exportLabelNote("“" + row.id() + "” was deleted: what it held is in the row (hover it, or Copy JSON).");
            return;
        }
        openItem.accept(row.ref());
    }

    private void exportLabelNote(String note) {
        exportLabel.textProperty().unbind();
        exportLabel.setText(note);
        exportLabel.textProperty().bind(Bindings.when(viewModel.exportMessageProperty().isEmpty())
                .then(note).otherwise(viewModel.exportMessageProperty()));
    }

    private static void showOnlyWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    static String format(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        return (local.toLocalDate().equals(LocalDate.now()) ? TODAY : OTHER_DAY).format(local);
    }

    /**
     * {@link #format} of a row's time, remembering the last second formatted: rows arrive in time order, so under
     * a stream of changes every visible cell of a refresh asks for one of a few seconds (UI thread only).
     */
    private String formatRowTime(Instant instant) {
        if (!instant.equals(lastFormattedAt)) {
            lastFormattedAt = instant;
            lastFormatted = format(instant);
        }
        return lastFormatted;
    }

    @FXML
    private void onPauseOrResume() {
        if (viewModel.stateProperty().get() == LiveChangesViewModel.State.PAUSED) {
            viewModel.resume();
        } else {
            viewModel.pause();
        }
    }

    @FXML
    private void onStop() {
        viewModel.stop();
    }

    @FXML
    private void onStart() {
        StartChoice choice = startChoice.getValue();
        if (choice == null) {
            return;
        }
        switch (choice) {
            case NOW -> viewModel.start(ChangeFeedStart.now());
            case BEGINNING -> viewModel.start(ChangeFeedStart.beginning());
            case SAVED -> viewModel.start(ChangeFeedStart.saved());
            case POINT_IN_TIME -> {
                if (!viewModel.startFromTyped(pointInTimeField.getText(), ZoneId.systemDefault())) {
                    pointInTimeField.requestFocus();
                }
            }
        }
    }

    @FXML
    private void onClear() {
        viewModel.clear();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export captured changes");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        chooser.setInitialFileName(viewModel.handle().ref().containerId() + "-changes.jsonl");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.exportTo(file.toPath());
        }
    }

    @FXML
    private void onApplyFilter() {
        viewModel.applyFilter();
    }

    @FXML
    private void onClearFilter() {
        viewModel.filterTextProperty().set("");
        viewModel.applyFilter();
    }
}
