package io.cosmosdesk.app;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * A menu-bar command a feature adds (Tools > Jobs, File > Settings…).
 *
 * @param menu the menu it goes in: "File", "View", "Tools" or "Help"
 * @param accelerator the key combination, or null
 * @param run what to do, with the main window to own any dialog
 */
public record AppAction(String menu, String label, KeyCombination accelerator, Consumer<Window> run) {

    public AppAction {
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(run, "run");
    }
}
