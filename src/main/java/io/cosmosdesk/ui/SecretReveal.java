package io.cosmosdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/**
 * A "Show" toggle for a masked field: while it is on, a plain field holding the same text stands in for the
 * masked one (so a pasted key or connection string can be checked); off again, the text is masked. The two
 * fields share one text, so whatever is bound to the masked field sees every edit.
 */
public final class SecretReveal {

    private SecretReveal() {
    }

    public static void attach(PasswordField masked, TextField plain, ToggleButton toggle) {
        plain.textProperty().bindBidirectional(masked.textProperty());
        plain.promptTextProperty().bind(masked.promptTextProperty());
        toggle.selectedProperty().addListener((obs, was, shown) -> {
            show(plain, shown);
            show(masked, !shown);
            toggle.setText(shown ? "Hide" : "Show");
            TextField focus = shown ? plain : masked;
            if (plain.isFocused() || masked.isFocused()) {
                focus.requestFocus();
                focus.end();
            }
        });
        show(plain, toggle.isSelected());
        show(masked, !toggle.isSelected());
        toggle.setText(toggle.isSelected() ? "Hide" : "Show");
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
