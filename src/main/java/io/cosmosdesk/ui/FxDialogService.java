package io.cosmosdesk.ui;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        CosmosDeskException mapped = CosmosErrors.classify(error);
        Alert alert = new Alert(Alert.AlertType.ERROR, mapped.userMessage(), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextArea details = new TextArea(mapped.details());
        details.setEditable(false);
        details.setWrapText(true);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        List<ButtonType> buttons = choices.stream()
                .map(choice -> new ButtonType(choice, ButtonBar.ButtonData.OTHER))
                .toList();
        Alert alert = new Alert(Alert.AlertType.WARNING, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().map(ButtonType::getText);
    }

    @Override
    public Optional<String> prompt(String title, String message, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        return dialog.showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public Optional<String> compare(String title, String message, String leftTitle, String leftText,
            String rightTitle, String rightText, List<String> choices) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        for (int i = 0; i < choices.size(); i++) {
            // the last choice (e.g. "Keep editing") is what closing the dialog means
            ButtonBar.ButtonData data = i == choices.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : ButtonBar.ButtonData.OTHER;
            dialog.getDialogPane().getButtonTypes().add(new ButtonType(choices.get(i), data));
        }
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("dialog-message");
        DiffView diff = new DiffView(leftTitle, leftText, rightTitle, rightText);
        VBox content = new VBox(10, text, diff);
        VBox.setVgrow(diff, javafx.scene.layout.Priority.ALWAYS);
        content.setPrefSize(1000, 560);
        dialog.getDialogPane().setPrefSize(1040, 700);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("compare-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        return dialog.showAndWait().map(ButtonType::getText);
    }
}
