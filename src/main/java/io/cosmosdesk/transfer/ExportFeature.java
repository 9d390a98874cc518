package io.cosmosdesk.transfer;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * Wires export into the app: the container action "Export…" (tree menu, Container menu with Ctrl+Shift+E, Items
 * toolbar), which offers the grid's current filter when the container's Items tab has one, else the whole
 * container. The query tab calls {@link #dialog()}{@code .show(window, source)}.
 */
public final class ExportFeature {

    private final ExportDialog dialog;
    private final ToolTabs toolTabs;

    public ExportFeature(ExportDialog dialog, ToolTabs toolTabs) {
        this.dialog = dialog;
        this.toolTabs = toolTabs;
    }

    public void install(ContainerActions containerActions) {
        containerActions.add(new ContainerAction("_Export…",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), true,
                this::exportContainer));
    }

    /** The export dialog: {@code dialog().show(window, new ExportSource(container, query, null))}. */
    public ExportDialog dialog() {
        return dialog;
    }

    private void exportContainer(Window owner, ContainerHandle container) {
        ItemQuery grid = toolTabs.gridQuery(container).orElse(ItemQuery.all());
        ExportSource source = grid.filter().isEmpty() && grid.conditions().isEmpty()
                ? ExportSource.wholeContainer(container)
                : ExportSource.of(container, grid);
        dialog.show(owner, source);
    }
}
