package io.cosmosdesk.transfer;

import java.io.File;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the import dialog to its view-model; forwards choices and buttons, nothing else. */
public final class ImportDialogController {

    private final ImportDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private TextField fileField;
    @FXML private Button chooseButton;
    @FXML private ComboBox<ImportFormat> formatBox;
    @FXML private CheckBox keepTextBox;
    @FXML private CheckBox generateIdsBox;
    @FXML private ComboBox<ImportMode> modeBox;
    @FXML private Label modeWarning;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private TextArea previewArea;
    @FXML private Label problemsLabel;
    @FXML private ListView<String> problemList;
    @FXML private CheckBox skipInvalidBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Button reportButton;
    @FXML private Button cancelButton;
    @FXML private Button importButton;

    public ImportDialogController(ImportDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.setText("Import items into " + viewModel.target().ref() + " (partition key "
                + viewModel.target().info().partitionKeyLabel() + ")");
        fileField.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.fileProperty().get() == null ? "" : viewModel.fileProperty().get().toString(),
                viewModel.fileProperty()));
        formatBox.getItems().setAll(ImportFormat.values());
        formatBox.setConverter(converter(ImportFormat::label));
        formatBox.valueProperty().bindBidirectional(viewModel.formatProperty());
        modeBox.getItems().setAll(ImportMode.values());
        modeBox.setConverter(converter(ImportMode::label));
        modeBox.valueProperty().bindBidirectional(viewModel.modeProperty());
        modeWarning.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(viewModel::modeWarning,
                viewModel.modeProperty()));
        keepTextBox.selectedProperty().bindBidirectional(viewModel.keepTextProperty());
        keepTextBox.visibleProperty().bind(viewModel.formatProperty().isEqualTo(ImportFormat.CSV));
        keepTextBox.managedProperty().bind(keepTextBox.visibleProperty());
        generateIdsBox.selectedProperty().bindBidirectional(viewModel.generateIdsProperty());
        skipInvalidBox.selectedProperty().bindBidirectional(viewModel.skipInvalidProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        previewArea.textProperty().bind(viewModel.previewTextProperty());
        problemList.setItems(viewModel.problems());
        var hasProblems = javafx.beans.binding.Bindings.isNotEmpty(viewModel.problems());
        for (var node : new javafx.scene.Node[] {problemsLabel, problemList, skipInvalidBox}) {
            node.visibleProperty().bind(hasProblems);
            node.managedProperty().bind(hasProblems);
        }
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.resultProperty().isNotNull()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        // hidden rows take no room (an empty band sat above the buttons); the buttons stay put when they show up,
        // the preview (which grows) gives up the room
        for (var node : new javafx.scene.Node[] {progressBar, statusLabel}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        summaryLabel.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        chooseButton.disableProperty().bind(viewModel.runningProperty());
        formatBox.disableProperty().bind(viewModel.runningProperty());
        modeBox.disableProperty().bind(viewModel.runningProperty());
        reportButton.visibleProperty().bind(viewModel.resultProperty().isNotNull());
        reportButton.managedProperty().bind(reportButton.visibleProperty()); // hidden, it kept its room in the bar
        cancelButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.runningProperty())
                .then("Stop").otherwise(javafx.beans.binding.Bindings.when(viewModel.resultProperty().isNotNull())
                        .then("Close").otherwise("Cancel")));
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    /** The keyboard starts on the first step, Choose… (the read-only file field stays reachable by Tab). */
    void focusFirstStep() {
        chooseButton.requestFocus();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import items from");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JSON, JSON Lines, CSV", "*.json", "*.jsonl", "*.ndjson", "*.csv", "*.tsv",
                        "*.json.gz", "*.jsonl.gz", "*.ndjson.gz", "*.csv.gz", "*.tsv.gz"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            viewModel.open(chosen.toPath());
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && !viewModel.runningProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
            viewModel.open(event.getDragboard().getFiles().get(0).toPath());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    @FXML
    private void startImport() {
        viewModel.startImport();
    }

    @FXML
    private void cancel() {
        if (viewModel.runningProperty().get()) {
            viewModel.cancel();
        } else {
            root.getScene().getWindow().hide();
        }
    }

    @FXML
    private void showReport() {
        ImportResult result = viewModel.resultProperty().get();
        if (result != null) {
            Path report = result.report();
            previewArea.textProperty().unbind();
            try {
                previewArea.setText(java.nio.file.Files.readString(report).lines().limit(500)
                        .reduce(new StringBuilder("Report: " + report + "\n"), (text, line) -> text.append(line)
                                .append('\n'), StringBuilder::append).toString());
            } catch (java.io.IOException e) {
                previewArea.setText("Cannot read " + report + ": " + e.getMessage());
            }
        }
    }
}
