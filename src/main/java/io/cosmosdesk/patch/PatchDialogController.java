package io.cosmosdesk.patch;

import io.cosmosdesk.patch.PatchDialogViewModel.DiffLine;
import io.cosmosdesk.patch.PatchDialogViewModel.OperationRow;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Thin view of {@link PatchDialogViewModel}: binds the form, builds one row per operation, renders the diffs. */
public final class PatchDialogController {

    private final PatchDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private RadioButton selectionRadio;
    @FXML private RadioButton filterRadio;
    @FXML private TextField filterField;
    @FXML private VBox operationsBox;
    @FXML private Button addOperationButton;
    @FXML private TextField conditionField;
    @FXML private Label problemLabel;
    @FXML private Label dryRunLabel;
    @FXML private ListView<DiffLine> sampleList;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Button undoButton;
    @FXML private Button dryRunButton;
    @FXML private Button applyButton;
    @FXML private Button cancelJobButton;

    public PatchDialogController(PatchDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.setText("Patch items in " + viewModel.handle().ref());
        selectionRadio.setText("The " + viewModel.selectionText() + " in the grid");
        selectionRadio.setDisable(!viewModel.hasSelection());
        (viewModel.scopeProperty().get() == PatchDialogViewModel.Scope.SELECTION ? selectionRadio : filterRadio)
                .setSelected(true);
        selectionRadio.selectedProperty().addListener((o, a, now) -> {
            if (now) {
                viewModel.scopeProperty().set(PatchDialogViewModel.Scope.SELECTION);
            }
        });
        filterRadio.selectedProperty().addListener((o, a, now) -> {
            if (now) {
                viewModel.scopeProperty().set(PatchDialogViewModel.Scope.FILTER);
            }
        });
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        filterField.disableProperty().bind(filterRadio.selectedProperty().not());
        conditionField.textProperty().bindBidirectional(viewModel.conditionProperty());
        viewModel.operations().addListener((ListChangeListener<OperationRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    rebuildRows();
                    return;
                }
            }
        });
        rebuildRows();
        problemLabel.textProperty().bind(viewModel.problemProperty());
        visibleWhenText(problemLabel);
        dryRunLabel.textProperty().bind(viewModel.dryRunTextProperty());
        sampleList.setItems(viewModel.sampleLines());
        sampleList.setCellFactory(list -> new DiffCell());
        sampleList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.sampleLines()));
        sampleList.managedProperty().bind(sampleList.visibleProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.busyProperty()));
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        visibleWhenText(errorLabel);
        var cannotRun = viewModel.problemProperty().isNotEmpty().or(viewModel.runningProperty());
        dryRunButton.disableProperty().bind(cannotRun.or(viewModel.busyProperty()));
        applyButton.disableProperty().bind(cannotRun);
        cancelJobButton.visibleProperty().bind(viewModel.runningProperty());
        cancelJobButton.managedProperty().bind(cancelJobButton.visibleProperty());
        undoButton.visibleProperty().bind(viewModel.undoableProperty());
        undoButton.managedProperty().bind(undoButton.visibleProperty());
        addOperationButton.disableProperty().bind(javafx.beans.binding.Bindings.size(viewModel.operations())
                .greaterThanOrEqualTo(PatchSpec.MAX_OPERATIONS));
    }

    private static void visibleWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void rebuildRows() {
        operationsBox.getChildren().clear();
        int index = 0;
        for (OperationRow row : viewModel.operations()) {
            ComboBox<String> op = new ComboBox<>();
            op.getItems().setAll(PatchDialogViewModel.OPERATIONS);
            op.valueProperty().bindBidirectional(row.opProperty());
            op.setId("opChoice" + index);
            TextField path = new TextField();
            path.setPromptText("/path or /array/0 or /array/-");
            path.textProperty().bindBidirectional(row.pathProperty());
            path.setId("pathField" + index);
            path.setPrefColumnCount(16);
            TextField value = new TextField();
            value.setId("valueField" + index);
            value.textProperty().bindBidirectional(row.valueProperty());
            value.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                    switch (String.valueOf(row.opProperty().get())) {
                        case "remove" -> "(no value)";
                        case "move" -> "from: /old/path";
                        case "increment" -> "a number, e.g. 1 or -2.5";
                        default -> "JSON: \"text\", 42, true, {\"a\": 1}";
                    }, row.opProperty()));
            value.disableProperty().bind(row.opProperty().isEqualTo("remove"));
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setId("removeOperation" + index);
            remove.setOnAction(event -> viewModel.removeOperation(row));
            remove.disableProperty().bind(javafx.beans.binding.Bindings.size(viewModel.operations()).lessThan(2));
            HBox line = new HBox(6, op, path, value, remove);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            operationsBox.getChildren().add(line);
            index++;
        }
    }

    @FXML
    private void onAddOperation() {
        viewModel.addOperation();
    }

    @FXML
    private void onDryRun() {
        viewModel.dryRun();
    }

    @FXML
    private void onApply() {
        viewModel.apply();
    }

    @FXML
    private void onCancelJob() {
        viewModel.cancel();
    }

    @FXML
    private void onUndo() {
        viewModel.undo();
    }

    @FXML
    private void onClose() {
        ((Stage) root.getScene().getWindow()).close();
    }

    /** A diff line: removed red, added green, item titles bold. */
    private static final class DiffCell extends ListCell<DiffLine> {
        DiffCell() {
            getStyleClass().add("diff-cell");
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("diff-added", "diff-removed", "diff-title", "diff-note");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            switch (line.kind()) {
                case ADDED -> getStyleClass().add("diff-added");
                case REMOVED -> getStyleClass().add("diff-removed");
                case TITLE -> getStyleClass().add("diff-title");
                case NOTE -> getStyleClass().add("diff-note");
                default -> { }
            }
        }
    }
}
