package io.cosmosdesk.app;

import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorView;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.editor.MoveRequest;
import io.cosmosdesk.move.MoveDialog;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One container's tab: the Items grid with the item editor beside it and the move dialog behind them,
 * wired together. Everything here acts on the one {@link ContainerHandle} the tab was opened with.
 */
public final class ContainerWorkspace {

    private final ContainerHandle handle;
    private final ItemsTab items;
    private final ItemEditorViewModel editor;
    private final ItemEditorView editorView;
    private final MoveDialog moveDialog;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    /** The item the editor shows (or is opening); null for none or a new item. */
    private ItemRef shown;

    private ContainerWorkspace(ContainerHandle handle, ItemsTab items, ItemEditorViewModel editor, ItemEditorView view,
            MoveDialog moveDialog, TaskRunner tasks, DialogService dialogs) {
        this.handle = handle;
        this.items = items;
        this.editor = editor;
        this.editorView = view;
        this.moveDialog = moveDialog;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    static ContainerWorkspace create(ItemsViewModel itemsViewModel, ItemEditorViewModel editor, MoveDialog moveDialog,
            TaskRunner tasks, DialogService dialogs) {
        ItemsTab items = ItemsTab.load(itemsViewModel);
        ItemEditorView view = ItemEditorView.load(editor, tasks);
        ContainerWorkspace workspace = new ContainerWorkspace(itemsViewModel.handle(), items, editor, view, moveDialog,
                tasks, dialogs);
        workspace.wire();
        return workspace;
    }

    private void wire() {
        ItemsViewModel grid = items.viewModel();
        items.controller().editorHost().getChildren().setAll(editorView.root());
        grid.selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                show(row);
            }
        });
        grid.setOnOpenItem(row -> {
            show(row);
            editorView.controller().codeArea().requestFocus();
        });
        grid.setOnNewItem(() -> editor.canLeave().thenAccept(leave -> {
            if (leave) {
                shown = null;
                editor.newItem(handle);
                editorView.controller().codeArea().requestFocus();
            }
        }));
        grid.setOnMoveRequested(this::moveRows);
        // an editor left empty by a failed open (e.g. "no longer exists") speaks of rows a new query replaces
        grid.setOnNewQuery(() -> {
            if (editor.modeProperty().get() == ItemEditorViewModel.Mode.EMPTY) {
                editor.clearError();
            }
        });
        editor.setOnSaved(saved -> {
            grid.upsertRow(saved);
            shown = ItemRow.of(saved, handle.info().partitionKeyPaths()).ref();
        });
        editor.setOnDeleted(deleted -> {
            grid.removeRow(deleted.id(), deleted.partitionKey());
            shown = null;
        });
        editor.setOnMoveRequested(this::moveEditedItem);
    }

    /** Opens {@code row} in the editor unless it shows it already; unsaved edits are guarded. */
    private void show(ItemRow row) {
        if (row.ref().equals(shown)) {
            return;
        }
        editor.canLeave().thenAccept(leave -> {
            if (leave) {
                shown = row.ref();
                editor.open(handle, row.id(), row.partitionKey());
            }
        });
    }

    private void moveRows(List<ItemRow> rows) {
        if (!rows.isEmpty()) {
            List<MoveSource> sources = rows.stream().map(row -> new MoveSource(row.id(), row.partitionKey(),
                    row.json().path("_etag").asText(null), row.json())).toList();
            afterMove(moveDialog.show(owner(), handle, sources));
            return;
        }
        // the query the grid ran (parameterised, go-to-id included), not the text it displays
        ItemQuery query = items.viewModel().appliedQueryProperty().get();
        if (!dialogs.confirm("Move items", "No items are selected. Move " + items.viewModel().describeEverythingShown()
                + "? You choose the target partition and see a preview before anything is changed.", "Continue")) {
            return;
        }
        tasks.start(BackgroundTask.of("Finding items to move", context -> moveDialog.itemsMatching(handle, query))
                .onSuccess(sources -> afterMove(moveDialog.show(owner(), handle, sources)))
                .onFailure(error -> dialogs.showError("Could not find the items to move",
                        CosmosErrors.classify(error))));
    }

    private void moveEditedItem(MoveRequest request) {
        PartitionKeyValue target = PartitionKeyValue.fromItem(request.edited(), handle.info().partitionKeyPaths());
        afterMove(moveDialog.showForEditedItem(owner(), handle, request.id(), request.partitionKey(), request.etag(),
                request.edited(), target));
    }

    /** The grid shows the outcome once the dialog closes; the editor keeps its text until the user decides. */
    private void afterMove(Stage dialog) {
        dialog.setOnHidden(event -> items.viewModel().refresh());
    }

    private Window owner() {
        return items.view().getScene() == null ? null : items.view().getScene().getWindow();
    }

    public ContainerHandle handle() {
        return handle;
    }

    public Parent view() {
        return items.view();
    }

    public ItemsTab items() {
        return items;
    }

    public ItemEditorViewModel editor() {
        return editor;
    }

    /** Resolves true when nothing unsaved would be lost (asking Save / Discard / Cancel when it would). */
    public CompletableFuture<Boolean> canLeave() {
        return editor.canLeave();
    }

    public void close() {
        items.close();
    }
}
