package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.CosmosConnection;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/** The copy dialog's controller: binds the controls to {@link CopyDialogViewModel}, nothing more. */
public final class CopyDialogController {

    private final CopyDialogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ToggleGroup sourceGroup;
    @FXML private RadioButton gridFilter;
    @FXML private RadioButton wholeContainer;
    @FXML private RadioButton query;
    @FXML private TextArea queryText;
    @FXML private ComboBox<CosmosConnection> connection;
    @FXML private ComboBox<String> database;
    @FXML private ComboBox<String> container;
    @FXML private Label createHint;
    @FXML private ToggleGroup modeGroup;
    @FXML private RadioButton createOnly;
    @FXML private RadioButton skipExisting;
    @FXML private RadioButton upsert;
    @FXML private Label modeWarning;
    @FXML private Label problemLabel;
    @FXML private Button copyButton;

    public CopyDialogController(CopyDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        wholeContainer.setText("Every item of " + viewModel.source().ref());
        if (viewModel.offersGridFilter()) {
            gridFilter.setText(viewModel.gridFilterText() + " (the grid's filter)");
        } else {
            gridFilter.setVisible(false);
            gridFilter.setManaged(false);
        }
        gridFilter.setUserData(CopyDialogViewModel.SourceKind.GRID_FILTER);
        wholeContainer.setUserData(CopyDialogViewModel.SourceKind.WHOLE_CONTAINER);
        query.setUserData(CopyDialogViewModel.SourceKind.QUERY);
        bindToggles(sourceGroup, viewModel.sourceKindProperty());
        queryText.textProperty().bindBidirectional(viewModel.queryTextProperty());
        queryText.disableProperty().bind(query.selectedProperty().not());

        connection.setItems(viewModel.connections());
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(CosmosConnection value) {
                return value == null ? "" : value.profile().name() + (value.profile().readOnly() ? " (read-only)" : "");
            }

            @Override
            public CosmosConnection fromString(String text) {
                return null;
            }
        });
        connection.valueProperty().bindBidirectional(viewModel.targetConnectionProperty());
        database.setItems(viewModel.databaseSuggestions());
        database.getEditor().textProperty().bindBidirectional(viewModel.targetDatabaseProperty());
        container.setItems(viewModel.containerSuggestions());
        container.getEditor().textProperty().bindBidirectional(viewModel.targetContainerProperty());
        createHint.textProperty().bind(Bindings.createStringBinding(() -> {
            String name = viewModel.targetContainerProperty().get().strip();
            return name.isEmpty() || viewModel.containerSuggestions().contains(name) ? ""
                    : "A new container: created with the partition key of " + viewModel.source().ref() + " ("
                            + String.join(", ", viewModel.source().info().partitionKeyPaths()) + ").";
        }, viewModel.targetContainerProperty(), viewModel.containerSuggestions()));

        createOnly.setUserData(ImportMode.CREATE_ONLY);
        skipExisting.setUserData(ImportMode.SKIP_EXISTING);
        upsert.setUserData(ImportMode.UPSERT);
        bindToggles(modeGroup, viewModel.modeProperty());
        modeWarning.textProperty().bind(viewModel.modeWarningProperty());
        modeWarning.visibleProperty().bind(viewModel.modeWarningProperty().isNotEmpty());
        modeWarning.managedProperty().bind(modeWarning.visibleProperty());

        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        copyButton.disableProperty().bind(viewModel.canCopyProperty().not());
        viewModel.loadDatabases();
    }

    /** One toggle of the group is always chosen and follows {@code value} (the toggles carry the values). */
    private static <T> void bindToggles(ToggleGroup group, javafx.beans.property.ObjectProperty<T> value) {
        group.getToggles().stream().filter(t -> t.getUserData() == value.get()).findFirst()
                .ifPresent(t -> t.setSelected(true));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) ((Toggle) now).getUserData();
                value.set(chosen);
            }
        });
    }

    @FXML
    private void copy() {
        if (viewModel.copy()) {
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
