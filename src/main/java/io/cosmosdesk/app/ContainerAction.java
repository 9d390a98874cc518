package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * Something a feature offers on a container ("New query", "Schema", "Export…"): shown in the tree's context menu
 * of a container, in the menu bar's Container menu (with its accelerator), and on the Items toolbar when
 * {@code onToolbar}.
 *
 * @param accelerator the key combination, or null
 * @param run what to do, with the window to own any dialog
 */
public record ContainerAction(String label, KeyCombination accelerator, boolean onToolbar,
        BiConsumer<Window, ContainerHandle> run) {

    public ContainerAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(run, "run");
    }
}
