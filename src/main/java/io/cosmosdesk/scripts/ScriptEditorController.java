package io.cosmosdesk.scripts;

import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import io.cosmosdesk.cosmos.ScriptKind;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** Binds fxml/ScriptEditor.fxml to a {@link ScriptEditorViewModel}; view code only. */
public final class ScriptEditorController {

    private final ScriptEditorViewModel model;
    private final JavaScriptCodeArea editor = new JavaScriptCodeArea();

    @FXML private BorderPane root;
    @FXML private Button saveButton;
    @FXML private Button reloadButton;
    @FXML private Button deleteButton;
    @FXML private TextField idField;
    @FXML private Label triggerTypeLabel;
    @FXML private ComboBox<TriggerType> triggerTypeBox;
    @FXML private Label triggerOperationLabel;
    @FXML private ComboBox<TriggerOperation> triggerOperationBox;
    @FXML private Label statusLabel;
    @FXML private SplitPane split;
    @FXML private StackPane editorHost;
    @FXML private VBox executePane;
    @FXML private HBox keyBox;
    @FXML private TextField parametersField;
    @FXML private Button executeButton;
    @FXML private TextArea resultArea;
    @FXML private TextArea logArea;
    @FXML private Label messageLabel;

    public ScriptEditorController(ScriptEditorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        editor.setId("scriptText");
        editorHost.getChildren().add(new VirtualizedScrollPane<>(editor));
        editor.replaceText(model.bodyProperty().get());
        editor.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(model.bodyProperty().get())) {
                model.bodyProperty().set(text);
            }
        });
        model.bodyProperty().addListener((obs, old, text) -> {
            if (!text.equals(editor.getText())) {
                editor.replaceText(text);
            }
        });
        idField.textProperty().bindBidirectional(model.idProperty());
        idField.disableProperty().bind(model.storedProperty());
        boolean trigger = model.kind() == ScriptKind.TRIGGER;
        for (javafx.scene.Node node : List.of(triggerTypeLabel, triggerTypeBox, triggerOperationLabel,
                triggerOperationBox)) {
            node.setVisible(trigger);
            node.setManaged(trigger);
        }
        triggerTypeBox.getItems().setAll(TriggerType.PRE, TriggerType.POST);
        triggerTypeBox.valueProperty().bindBidirectional(model.triggerTypeProperty());
        triggerOperationBox.getItems().setAll(TriggerOperation.ALL, TriggerOperation.CREATE, TriggerOperation.REPLACE,
                TriggerOperation.DELETE);
        triggerOperationBox.valueProperty().bindBidirectional(model.triggerOperationProperty());
        if (model.kind() != ScriptKind.STORED_PROCEDURE) {
            split.getItems().remove(executePane);
        }
        List<String> paths = model.partitionKey().keyPaths();
        for (int i = 0; i < paths.size(); i++) {
            StringProperty level = model.partitionKey().levels().get(i);
            TextField field = new TextField();
            field.setId("keyField" + i);
            field.setPromptText(paths.get(i));
            field.setPrefColumnCount(12);
            field.textProperty().bindBidirectional(level);
            keyBox.getChildren().addAll(new Label(i == 0 ? "Partition key" : "›"), field);
        }
        parametersField.textProperty().bindBidirectional(model.parametersProperty());
        resultArea.textProperty().bind(model.resultProperty());
        logArea.textProperty().bind(model.scriptLogProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        // a gone container's tab keeps the text to copy, and offers nothing that writes or runs
        var frozen = model.busyProperty().or(model.goneProperty());
        saveButton.disableProperty().bind(frozen);
        reloadButton.disableProperty().bind(frozen.or(model.storedProperty().not()));
        deleteButton.disableProperty().bind(frozen.or(model.storedProperty().not()));
        executeButton.disableProperty().bind(frozen);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(event)) {
                model.save();
                event.consume();
            } else if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(event)
                    && model.kind() == ScriptKind.STORED_PROCEDURE) {
                model.execute();
                event.consume();
            }
        });
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onReload() {
        model.reload();
    }

    @FXML
    private void onDelete() {
        model.delete();
    }

    @FXML
    private void onExecute() {
        model.execute();
    }

    JavaScriptCodeArea editor() {
        return editor;
    }
}
