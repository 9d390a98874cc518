package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.manage.ThroughputInput.Mode;
import io.cosmosdesk.manage.CreateResourceViewModel.TtlMode;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Thin controller of CreateResourceDialog.fxml: binds to {@link CreateResourceViewModel}. */
public final class CreateResourceDialogController {

    private final CreateResourceViewModel viewModel;
    private final Consumer<ContainerInfo> created;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private TextField idField;
    @FXML private Label keyLabel;
    @FXML private VBox keyBox;
    @FXML private TextField keyLevel1Field;
    @FXML private TextField keyLevel2Field;
    @FXML private TextField keyLevel3Field;
    @FXML private ToggleGroup throughputGroup;
    @FXML private RadioButton noThroughput;
    @FXML private RadioButton manualThroughput;
    @FXML private RadioButton autoscaleThroughput;
    @FXML private HBox requestUnitsBox;
    @FXML private TextField requestUnitsField;
    @FXML private Label requestUnitsHint;
    @FXML private Label ttlLabel;
    @FXML private VBox ttlBox;
    @FXML private ToggleGroup ttlGroup;
    @FXML private RadioButton ttlOff;
    @FXML private RadioButton ttlNoDefault;
    @FXML private RadioButton ttlSecondsChoice;
    @FXML private TextField ttlSecondsField;
    @FXML private Label uniqueLabel;
    @FXML private TextArea uniqueKeysArea;
    @FXML private Label indexingLabel;
    @FXML private TextArea indexingArea;
    @FXML private Label problemsLabel;
    @FXML private Label errorLabel;
    @FXML private Button createButton;

    public CreateResourceDialogController(CreateResourceViewModel viewModel, Consumer<ContainerInfo> created) {
        this.viewModel = viewModel;
        this.created = created;
    }

    @FXML
    private void initialize() {
        boolean container = viewModel.isContainer();
        titleLabel.setText(container ? "New container in " + viewModel.databaseId()
                : "New database on " + viewModel.connection().profile().name());
        idField.setPromptText(container ? "e.g. orders" : "e.g. retail");
        for (Node node : new Node[] {keyLabel, keyBox, ttlLabel, ttlBox, uniqueLabel, uniqueKeysArea, indexingLabel,
                indexingArea}) {
            node.setVisible(container);
            node.setManaged(container);
        }
        noThroughput.setText(container ? "None (shared or serverless)" : "None (each container its own)");
        idField.textProperty().bindBidirectional(viewModel.idProperty());
        keyLevel1Field.textProperty().bindBidirectional(viewModel.keyLevel1Property());
        keyLevel2Field.textProperty().bindBidirectional(viewModel.keyLevel2Property());
        keyLevel3Field.textProperty().bindBidirectional(viewModel.keyLevel3Property());
        requestUnitsField.textProperty().bindBidirectional(viewModel.requestUnitsProperty());
        ttlSecondsField.textProperty().bindBidirectional(viewModel.ttlSecondsProperty());
        uniqueKeysArea.textProperty().bindBidirectional(viewModel.uniqueKeysProperty());
        indexingArea.textProperty().bindBidirectional(viewModel.indexingPolicyProperty());

        select(throughputGroup, switch (viewModel.throughputModeProperty().get()) {
            case NONE -> noThroughput;
            case MANUAL -> manualThroughput;
            case AUTOSCALE -> autoscaleThroughput;
        });
        throughputGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            Mode mode = toggle == manualThroughput ? Mode.MANUAL
                    : toggle == autoscaleThroughput ? Mode.AUTOSCALE : Mode.NONE;
            viewModel.requestUnitsProperty().set(ThroughputInput.figureOnSwitch(mode,
                    viewModel.requestUnitsProperty().get()));
            viewModel.throughputModeProperty().set(mode);
            showThroughputHint(mode);
        });
        showThroughputHint(viewModel.throughputModeProperty().get());

        select(ttlGroup, ttlOff);
        ttlGroup.selectedToggleProperty().addListener((obs, old, toggle) -> viewModel.ttlModeProperty().set(
                toggle == ttlNoDefault ? TtlMode.ON_NO_DEFAULT : toggle == ttlSecondsChoice ? TtlMode.SECONDS
                        : TtlMode.OFF));
        ttlSecondsField.disableProperty().bind(ttlSecondsChoice.selectedProperty().not());

        problemsLabel.textProperty().bind(viewModel.problemsProperty());
        errorLabel.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.busyProperty()
                .and(viewModel.progressProperty().isNotEmpty())).then(viewModel.progressProperty())
                .otherwise(viewModel.errorProperty()));
        createButton.disableProperty().bind(viewModel.problemsProperty().isNotEmpty().or(viewModel.busyProperty()));
        createButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.busyProperty())
                .then("Creating…").otherwise("Create"));
    }

    private void showThroughputHint(Mode mode) {
        requestUnitsBox.setVisible(mode != Mode.NONE);
        requestUnitsBox.setManaged(mode != Mode.NONE);
        requestUnitsHint.setText(ThroughputInput.hint(mode));
    }

    private static void select(ToggleGroup group, Toggle toggle) {
        group.selectToggle(toggle);
    }

    @FXML
    private void onCreate() {
        viewModel.create(info -> {
            close();
            created.accept(info);
        });
    }

    @FXML
    private void onCancel() {
        if (viewModel.busyProperty().get()) {
            viewModel.cancel(); // stops the waiting; the form stays open with the sentence saying what that means
            return;
        }
        close();
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.close();
        }
    }
}
