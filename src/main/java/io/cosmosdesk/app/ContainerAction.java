package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * Something a feature offers on a container ("New query", "Schema", "Export…"): shown in the tree's context menu
 * of a container, in the menu bar's Container menu (with its accelerator), and on the Items toolbar when
 * {@code onToolbar}: as a button of its own when {@code button} (the most used, such as New query), else in the
 * toolbar's More menu, so the toolbar keeps to one row.
 *
 * @param accelerator the key combination, or null
 * @param button a button of its own on the Items toolbar, rather than an entry of its More menu
 * @param run what to do, with the window to own any dialog
 */
public record ContainerAction(String label, KeyCombination accelerator, boolean onToolbar, boolean button,
        BiConsumer<Window, ContainerHandle> run) {

    public ContainerAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(run, "run");
    }

    /** An action in the menus and, when {@code onToolbar}, in the Items toolbar's More menu. */
    public ContainerAction(String label, KeyCombination accelerator, boolean onToolbar,
            BiConsumer<Window, ContainerHandle> run) {
        this(label, accelerator, onToolbar, false, run);
    }

    /** The same action with a button of its own on the Items toolbar (keep these few: the toolbar is one row). */
    public ContainerAction asButton() {
        return new ContainerAction(label, accelerator, true, true, run);
    }
}
