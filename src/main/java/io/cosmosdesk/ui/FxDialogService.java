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

    /**
     * A confirmation always asks before something that cannot be taken back, so Cancel is the default
     * (Enter never confirms by accident) and a destructive confirm button is drawn as a danger button.
     */
    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        arrangeButtons(alert, List.of(confirm, cancel), cancel);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    /**
     * The choices keep the caller's order. The default (Enter) is the first choice that loses nothing,
     * e.g. Save; destructive ones (Discard…, Delete…, Overwrite…) are danger buttons and never the default;
     * the last choice (Cancel, Keep editing) is what Esc or closing the dialog means.
     */
    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new ButtonType(choices.get(i), i == choices.size() - 1 && choices.size() > 1
                    ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER));
        }
        ButtonType safe = buttons.stream().filter(button -> !isDestructive(button.getText())).findFirst()
                .orElse(buttons.get(buttons.size() - 1));
        Alert alert = new Alert(Alert.AlertType.WARNING, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        arrangeButtons(alert, buttons, safe);
        return alert.showAndWait().map(ButtonType::getText);
    }

    /**
     * The scene hands its initial focus to the first button, whatever the default is; give it to the
     * default instead, once, so Enter on the focused button and the default button are the same choice.
     */
    private static void focusFirst(javafx.scene.control.DialogPane pane, javafx.scene.control.Button button) {
        javafx.scene.Scene scene = pane.getScene();
        if (scene == null) {
            return;
        }
        button.requestFocus();
        javafx.beans.value.ChangeListener<javafx.scene.Node> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Node> obs,
                    javafx.scene.Node old, javafx.scene.Node owner) {
                scene.focusOwnerProperty().removeListener(this);
                if (owner != button) {
                    button.requestFocus();
                }
            }
        };
        if (scene.getFocusOwner() != button) {
            scene.focusOwnerProperty().addListener(once);
        }
    }

    /** Labels of choices that throw something away. */
    static boolean isDestructive(String label) {
        String verb = label.strip().toLowerCase(java.util.Locale.ROOT);
        return verb.startsWith("delete") || verb.startsWith("discard") || verb.startsWith("remove")
                || verb.startsWith("overwrite") || verb.startsWith("drop");
    }

    private static void arrangeButtons(Dialog<?> dialog, List<ButtonType> buttons, ButtonType defaultButton) {
        javafx.scene.control.DialogPane pane = dialog.getDialogPane();
        if (pane.lookup(".button-bar") instanceof ButtonBar bar) {
            bar.setButtonOrder(ButtonBar.BUTTON_ORDER_NONE); // the caller's order, not the platform's
        }
        for (ButtonType type : buttons) {
            if (pane.lookupButton(type) instanceof javafx.scene.control.Button button) {
                button.setDefaultButton(type == defaultButton);
                if (isDestructive(type.getText())) {
                    button.getStyleClass().add("danger");
                }
                if (type == defaultButton) {
                    // the default also holds the focus, so Space and Enter agree
                    dialog.setOnShown(event -> focusFirst(pane, button));
                }
            }
        }
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
