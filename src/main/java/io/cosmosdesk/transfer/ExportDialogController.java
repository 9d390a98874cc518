package io.cosmosdesk.transfer;

import java.io.File;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The export dialog's controller: binds the controls to {@link ExportDialogViewModel}, nothing more. */
public final class ExportDialogController {

    private final ExportDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private VBox sourceBox;
    @FXML private RadioButton givenSource;
    @FXML private RadioButton wholeContainer;
    @FXML private ToggleGroup formatGroup;
    @FXML private RadioButton jsonl;
    @FXML private RadioButton json;
    @FXML private RadioButton csv;
    @FXML private Label fieldsLabel;
    @FXML private VBox fieldsBox;
    @FXML private ListView<ExportDialogViewModel.FieldChoice> fieldList;
    @FXML private Button allFields;
    @FXML private Button noFields;
    @FXML private Label fieldsMessage;
    @FXML private CheckBox systemProperties;
    @FXML private CheckBox gzip;
    @FXML private TextField file;
    @FXML private Label errorLabel;
    @FXML private Button exportButton;

    public ExportDialogController(ExportDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ExportSource given = viewModel.givenSource();
        String container = given.container().ref().toString();
        wholeContainer.setText("Every item of " + container);
        wholeContainer.setMnemonicParsing(false);
        givenSource.setMnemonicParsing(false);
        if (viewModel.offersChoiceOfSource()) {
            givenSource.setText(given.describeSelection());
        } else {
            givenSource.setVisible(false);
            givenSource.setManaged(false);
        }
        (viewModel.wholeContainerProperty().get() ? wholeContainer : givenSource).setSelected(true);
        wholeContainer.selectedProperty().addListener((obs, old, now) -> viewModel.wholeContainerProperty().set(now));

        jsonl.setUserData(ExportFormat.JSONL);
        json.setUserData(ExportFormat.JSON);
        csv.setUserData(ExportFormat.CSV);
        formatGroup.getToggles().stream().filter(t -> t.getUserData() == viewModel.formatProperty().get())
                .findFirst().ifPresent(t -> t.setSelected(true));
        formatGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one format is always chosen
            } else {
                viewModel.formatProperty().set((ExportFormat) now.getUserData());
            }
        });

        fieldList.setItems(viewModel.fields());
        fieldList.setCellFactory(CheckBoxListCell.forListView(ExportDialogViewModel.FieldChoice::selectedProperty,
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(ExportDialogViewModel.FieldChoice field) {
                        return field == null ? "" : field.label();
                    }

                    @Override
                    public ExportDialogViewModel.FieldChoice fromString(String text) {
                        return null;
                    }
                }));
        Label noSample = new Label("Columns appear here when CSV is chosen.");
        noSample.getStyleClass().add("hint");
        fieldList.setPlaceholder(noSample);
        var isCsv = csv.selectedProperty();
        // the columns take room only when they matter; the window follows its content
        fieldsBox.visibleProperty().bind(isCsv);
        fieldsBox.managedProperty().bind(isCsv);
        fieldsLabel.visibleProperty().bind(isCsv);
        fieldsLabel.managedProperty().bind(isCsv);
        isCsv.addListener((obs, old, now) -> fitWindow());
        viewModel.errorMessageProperty().addListener((obs, old, now) -> fitWindow());
        allFields.disableProperty().bind(viewModel.samplingProperty());
        noFields.disableProperty().bind(viewModel.samplingProperty());
        fieldsMessage.textProperty().bind(viewModel.fieldsMessageProperty());

        systemProperties.selectedProperty().bindBidirectional(viewModel.systemPropertiesProperty());
        gzip.selectedProperty().bindBidirectional(viewModel.gzipProperty());
        file.textProperty().bindBidirectional(viewModel.fileProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }

    private void fitWindow() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().sizeToScene();
        }
    }

    @FXML
    private void selectAll() {
        viewModel.selectAllFields(true);
    }

    @FXML
    private void selectNone() {
        viewModel.selectAllFields(false);
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        ExportFormat format = viewModel.formatProperty().get();
        String suffix = format.fileSuffix(viewModel.gzipProperty().get());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label() + " (*" + suffix + ")",
                "*" + suffix));
        try {
            Path current = Path.of(viewModel.fileProperty().get()).toAbsolutePath();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName().toString());
        } catch (RuntimeException ignored) {
            // an unusable name in the box: start from the chooser's default
        }
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            viewModel.fileProperty().set(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void export() {
        if (viewModel.export()) {
            close();
        }
    }

    @FXML
    private void cancel() {
        close();
    }

    private void close() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
