package io.cosmosdesk.ui;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /** The same dialogs owned by {@code window} (a dialog's own questions, e.g. Settings' Reset to defaults). */
    public FxDialogService over(Window window) {
        return new FxDialogService(window);
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
        fitMessage(alert, mapped.userMessage());
        alert.showAndWait();
    }

    /**
     * A confirmation always asks before something that cannot be taken back, so Cancel is the default
     * (Enter never confirms by accident) and a destructive confirm button is drawn as a danger button.
     */
    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return confirm(title, message, confirmLabel, isDestructive(confirmLabel));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, boolean destructive) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        arrangeButtons(alert, List.of(confirm, cancel), cancel, label -> destructive && label.equals(confirmLabel));
        fitMessage(alert, message);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    /**
     * The choices keep the caller's order. The caller names the default and the destructive ones; when it
     * names neither, the default (Enter) is the first choice that loses nothing, e.g. Save, and destructive
     * ones (Discard…, Delete…, Overwrite…) are guessed from their labels. Destructive choices are danger
     * buttons and never the default; the last choice (Cancel, Keep editing) is what Esc or closing the dialog
     * means.
     */
    @Override
    public <C extends Enum<C> & Choice> Optional<C> choose(String title, String message, Choices<C> choices) {
        List<ButtonType> buttons = buttonsFor(choices);
        Alert alert = new Alert(Alert.AlertType.WARNING, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        arrangeButtons(alert, buttons, defaultOf(choices, buttons), destructiveIn(choices));
        fitMessage(alert, message);
        return alert.showAndWait().map(button -> answer(choices, buttons, button));
    }

    /** The constant behind the pressed button; null (no answer) for a button that is not one of the choices. */
    private static <C extends Enum<C> & Choice> C answer(Choices<C> choices, List<ButtonType> buttons,
            ButtonType pressed) {
        int index = buttons.indexOf(pressed);
        return index < 0 ? null : choices.all().get(index);
    }

    /** A message dialog's width; its height follows the message, up to most of the screen. */
    private static final double MESSAGE_WIDTH = 560;

    /**
     * Shows {@code message} whole, wrapped, scrolling when it is taller than half the screen; the buttons sit
     * below it and the dialog never outgrows the screen, so they stay visible however long the message is.
     */
    private void fitMessage(Dialog<?> dialog, String message) {
        DialogPane pane = dialog.getDialogPane();
        Label text = new Label(message);
        text.getStyleClass().add("dialog-message");
        Rectangle2D screen = screenOf(owner);
        double width = Math.min(MESSAGE_WIDTH, 0.9 * screen.getWidth());
        // measured at the width it wraps at, not at a guess
        javafx.scene.control.ScrollPane scroll = DialogSizing.scrollingMessage(text, 0.5 * screen.getHeight(), width);
        scroll.getStyleClass().add("dialog-message-scroll");
        pane.setContent(scroll);
        pane.setPrefWidth(width);
        pane.setMaxHeight(DialogSizing.maxHeight(owner));
        DialogSizing.fitWhenShown(dialog, owner);
    }

    private static List<ButtonType> buttonsFor(Choices<?> choices) {
        List<String> labels = choices.labels();
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            buttons.add(new ButtonType(labels.get(i), i == labels.size() - 1 && labels.size() > 1
                    ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER));
        }
        return buttons;
    }

    private static <C extends Enum<C> & Choice> ButtonType defaultOf(Choices<C> choices, List<ButtonType> buttons) {
        if (choices.safeDefault() != null) {
            return buttons.get(choices.all().indexOf(choices.safeDefault()));
        }
        Predicate<String> destructive = destructiveIn(choices);
        return buttons.stream().filter(button -> !destructive.test(button.getText())).findFirst()
                .orElse(buttons.get(buttons.size() - 1));
    }

    /** Which labels are destructive: as the caller named them, else guessed from the labels. */
    private static <C extends Enum<C> & Choice> Predicate<String> destructiveIn(Choices<C> choices) {
        if (!choices.isNamed()) {
            return FxDialogService::isDestructive;
        }
        List<String> labels = choices.labels();
        return label -> labels.contains(label) && choices.isDestructive(choices.all().get(labels.indexOf(label)));
    }

    /**
     * The scene hands its initial focus to the first button, whatever the default is; give it to the
     * default instead, once, so Enter on the focused button and the default button are the same choice.
     */
    private static void focusFirst(DialogPane pane, Button button) {
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

    private static void arrangeButtons(Dialog<?> dialog, List<ButtonType> buttons, ButtonType defaultButton,
            Predicate<String> destructive) {
        DialogPane pane = dialog.getDialogPane();
        if (pane.lookup(".button-bar") instanceof ButtonBar bar) {
            bar.setButtonOrder(ButtonBar.BUTTON_ORDER_NONE); // the caller's order, not the platform's
        }
        for (ButtonType type : buttons) {
            if (pane.lookupButton(type) instanceof Button button) {
                button.setDefaultButton(type == defaultButton);
                if (destructive.test(type.getText())) {
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
        fitMessage(alert, message);
        alert.showAndWait();
    }

    /** Wide enough for both columns of a JSON item, never wider than most of the screen. */
    private static final double COMPARE_WIDTH = 1040;
    private static final double COMPARE_HEIGHT = 700;

    /** Buttons as in {@link #choose}: the caller's default (e.g. Keep editing) takes Enter, never Overwrite. */
    @Override
    public <C extends Enum<C> & Choice> Optional<C> compare(String title, String message, String leftTitle,
            String leftText, String rightTitle, String rightText, Choices<C> choices) {
        return compare(title, message, null, leftTitle, leftText, rightTitle, rightText, choices);
    }

    @Override
    public <C extends Enum<C> & Choice> Optional<C> compare(String title, String message, String baseText,
            String leftTitle, String leftText, String rightTitle, String rightText, Choices<C> choices) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        List<ButtonType> buttons = buttonsFor(choices);
        dialog.getDialogPane().getButtonTypes().addAll(buttons);
        Label text = new Label(message);
        text.getStyleClass().add("dialog-message");
        Rectangle2D screen = screenOf(owner);
        DiffView diff = new DiffView(baseText, leftTitle, leftText, rightTitle, rightText);
        VBox content = new VBox(10, DialogSizing.scrollingMessage(text, 0.2 * screen.getHeight()), diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        DialogPane pane = dialog.getDialogPane();
        pane.setContent(content);
        pane.getStyleClass().add("compare-dialog");
        // the app stylesheet (copied below) lifts the theme's 600 px width cap; the preferred size does the rest
        pane.setMaxHeight(DialogSizing.maxHeight(owner));
        pane.setPrefSize(Math.min(COMPARE_WIDTH, 0.9 * screen.getWidth()),
                Math.min(COMPARE_HEIGHT, 0.9 * screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        arrangeButtons(dialog, buttons, defaultOf(choices, buttons), destructiveIn(choices));
        return dialog.showAndWait().map(button -> answer(choices, buttons, button));
    }

    private static Rectangle2D screenOf(Window owner) {
        return DialogSizing.screenOf(owner);
    }
}
