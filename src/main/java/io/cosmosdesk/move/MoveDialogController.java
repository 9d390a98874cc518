package io.cosmosdesk.move;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** Binds the move dialog to its view-model; forwards clicks, nothing else. */
public final class MoveDialogController {

    private final MoveDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ScrollPane contentScroll;
    @FXML private VBox content;
    @FXML private Label titleLabel;
    @FXML private GridPane levelGrid;
    @FXML private Label previewLabel;
    @FXML private ListView<String> previewList;
    @FXML private ProgressBar progressBar;
    @FXML private Label countsLabel;
    @FXML private Label statusLabel;
    @FXML private Label etaLabel;
    @FXML private Label errorLabel;
    @FXML private Button saveReportButton;
    @FXML private Button previewButton;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Button backgroundButton;

    public MoveDialogController(MoveDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(viewModel.title());
        if (viewModel.levels().size() > 1) {
            // a preview line holds two hierarchical keys: old › … → new › …
            root.setPrefWidth(960);
        }
        // the texts grow as the dialog goes on (preview, counts, the report): the window grows with them
        for (Label grows : List.of(previewLabel, countsLabel, statusLabel, errorLabel)) {
            grows.setMinHeight(Region.USE_PREF_SIZE);
            grows.textProperty().addListener((obs, old, text) -> fitWindow());
        }
        int row = 0;
        for (TargetLevel level : viewModel.levels()) {
            ComboBox<TargetLevel.Kind> kind = new ComboBox<>();
            kind.getItems().setAll(level.allowedKinds());
            kind.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(TargetLevel.Kind value) {
                    return value == null ? "" : switch (value.name()) {
                        case "KEEP" -> "Keep each item's own";
                        case "STRING" -> "Text";
                        case "EMPTY_STRING" -> "Empty text \"\"";
                        case "NUMBER" -> "Number";
                        case "BOOLEAN" -> "true/false";
                        case "NULL" -> "null";
                        case "MISSING" -> "(missing)";
                        default -> value.name().toLowerCase(java.util.Locale.ROOT);
                    };
                }

                @Override
                public TargetLevel.Kind fromString(String text) {
                    return null;
                }
            });
            kind.valueProperty().bindBidirectional(level.kindProperty());
            kind.setId("targetKind" + row);
            TextField value = new TextField();
            value.setId("targetValue" + row);
            value.textProperty().bindBidirectional(level.textProperty());
            value.disableProperty().bind(level.kindProperty().isEqualTo(TargetLevel.Kind.NULL)
                    .or(level.kindProperty().isEqualTo(TargetLevel.Kind.EMPTY_STRING))
                    .or(level.kindProperty().isEqualTo(TargetLevel.Kind.MISSING)));
            // a kept level says what it keeps; typing a value replaces "keep" with that value
            value.promptTextProperty().bind(Bindings.when(level.kindProperty().isEqualTo(TargetLevel.Kind.KEEP))
                    .then(level.keepHint()).otherwise(""));
            GridPane.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
            levelGrid.addRow(row, new Label(level.path()), kind, value, suggestionsButton(level, row));
            row++;
        }
        contentScroll.viewportBoundsProperty().addListener((obs, old, bounds) -> {
            if (old == null || Math.abs(old.getWidth() - bounds.getWidth()) > 0.5) {
                fitWindow();
            }
        });
        // lines that appear or go (the error banner, counts) change the height as much as longer texts do
        for (Label shows : List.of(errorLabel, countsLabel, etaLabel)) {
            shows.managedProperty().addListener((obs, old, managed) -> fitWindow());
        }
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(this::fitIfAsked);
            }
        });
        fitWindow();
        levelGrid.disableProperty().bind(viewModel.runningProperty().or(viewModel.reportProperty().isNotNull()));
        previewLabel.textProperty().bind(viewModel.previewTextProperty());
        previewList.setItems(viewModel.previewLines());
        previewList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.previewLines()));
        previewList.managedProperty().bind(previewList.visibleProperty());
        previewList.visibleProperty().addListener((obs, old, shown) -> fitWindow());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.reportProperty().isNotNull()));
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        for (Label line : List.of(countsLabel, etaLabel)) {
            line.managedProperty().bind(line.textProperty().isNotEmpty());
        }
        countsLabel.textProperty().bind(viewModel.countsTextProperty());
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        etaLabel.textProperty().bind(viewModel.etaTextProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        previewButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.runningProperty())
                .or(viewModel.reportProperty().isNotNull()));
        runButton.disableProperty().bind(viewModel.canRunBinding().not());
        saveReportButton.visibleProperty().bind(viewModel.reportProperty().isNotNull());
        cancelButton.textProperty().bind(Bindings.when(viewModel.reportProperty().isNotNull()).then("Close")
                .otherwise("Cancel"));
        cancelButton.disableProperty().bind(viewModel.cancelRequestedProperty().and(viewModel.runningProperty()));
        // while a move runs the window may go: the move goes on in the Jobs panel (progress, Cancel, outcome)
        backgroundButton.visibleProperty().bind(viewModel.runningProperty()
                .and(Bindings.createBooleanBinding(viewModel::canRunOnWithoutWindow)));
        backgroundButton.managedProperty().bind(backgroundButton.visibleProperty());
        runButton.visibleProperty().bind(backgroundButton.visibleProperty().not());
        runButton.managedProperty().bind(runButton.visibleProperty());
    }

    /** A menu of the level's existing values (the selection's, then the container's); picking one sets it. */
    private static MenuButton suggestionsButton(TargetLevel level, int row) {
        MenuButton button = new MenuButton("Values");
        button.setId("targetSuggestions" + row);
        button.setMinWidth(Region.USE_PREF_SIZE);
        Runnable fill = () -> button.getItems().setAll(level.suggestions().stream().map(value -> {
            MenuItem item = new MenuItem(io.cosmosdesk.cosmos.PartitionKeyValue.displayComponent(value));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> level.choose(value));
            return item;
        }).toList());
        fill.run();
        level.suggestions().addListener((javafx.collections.ListChangeListener<Object>) change -> fill.run());
        button.disableProperty().bind(Bindings.isEmpty(level.suggestions()));
        return button;
    }

    private boolean fitAsked;

    /**
     * Asks for a fit once the pulse's layout is done (resizing the window in the middle of one left it stale):
     * the content's whole height is asked for (a scroll pane on its own asks for one line of each wrapped
     * label); the window grows to it up to most of the screen, and the content scrolls beyond that.
     */
    private void fitWindow() {
        fitAsked = true;
        root.requestLayout();
    }

    private void fitIfAsked() {
        if (!fitAsked) {
            return;
        }
        fitAsked = false;
        double width = contentScroll.getViewportBounds().getWidth() > 0 ? contentScroll.getViewportBounds().getWidth()
                : root.getPrefWidth();
        contentScroll.setPrefViewportHeight(Math.ceil(content.prefHeight(width)));
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            io.cosmosdesk.ui.DialogSizing.fitToScene(stage);
        }
    }

    @FXML
    private void onPreview() {
        viewModel.preview();
    }

    @FXML
    private void onRun() {
        viewModel.run();
    }

    /** While running: ask the job to stop (the window stays until it has). Otherwise: close. */
    @FXML
    private void onCancel() {
        if (viewModel.runningProperty().get()) {
            viewModel.cancel();
        } else {
            ((Stage) root.getScene().getWindow()).close();
        }
    }

    /** The window closes; the move goes on in the Jobs panel. */
    @FXML
    private void onBackground() {
        ((Stage) root.getScene().getWindow()).close();
    }

    @FXML
    private void onSaveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the move report");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("move-report.json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.saveReport(file.toPath());
        }
    }
}
