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
import io.cosmosdesk.move.MoveDialogResult;
import io.cosmosdesk.move.MoveOutcome;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Optional;
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
                grid.selectOnly(null); // the grid must not point at the item the editor left
                editor.newItem(handle);
                editorView.controller().codeArea().requestFocus();
            }
        }));
        // the editor's New (button, Ctrl+N) takes the grid's path, so the workspace knows the editor left its item
        editorView.controller().setOnNewItem(grid::newItem);
        grid.setOnMoveRequested(this::moveRows);
        grid.setOpenItem(() -> shown, editor::isDirty);
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
            } else {
                // the user stays on the edited item: the grid must not point (and act) at the clicked row
                items.viewModel().selectOnly(shown);
            }
        });
    }

    private void moveRows(List<ItemRow> rows) {
        if (!rows.isEmpty()) {
            List<MoveSource> sources = rows.stream().map(row -> new MoveSource(row.id(), row.partitionKey(),
                    row.json().path("_etag").asText(null), row.json())).toList();
            showMoveDialog(sources);
            return;
        }
        // the query the grid ran (parameterised, go-to-id included), not the text it displays
        ItemQuery query = items.viewModel().appliedQueryProperty().get();
        if (!dialogs.confirm("Move items", "No items are selected. Move " + items.viewModel().describeEverythingShown()
                + "? You choose the target partition and see a preview before anything is changed.", "Continue")) {
            return;
        }
        tasks.start(BackgroundTask.of("Finding items to move", context -> moveDialog.itemsMatching(handle, query))
                .onSuccess(this::showMoveDialog)
                .onFailure(error -> dialogs.showError("Could not find the items to move",
                        CosmosErrors.classify(error))));
    }

    /**
     * The grid's move. When the item in the editor is among {@code sources}, its unsaved edits are settled
     * first (they would not be part of the move) and it moves as the editor last read or saved it.
     */
    private void showMoveDialog(List<MoveSource> sources) {
        ItemRef edited = shown;
        boolean movesEdited = edited != null && sources.stream().anyMatch(source -> isItem(source, edited));
        if (!movesEdited) {
            moveDialog.show(owner(), handle, sources, result -> refreshIfMoved(result));
            return;
        }
        editor.canLeave().thenAccept(leave -> {
            if (!leave || !editor.shows(edited.id(), edited.partitionKey())) {
                return;
            }
            List<MoveSource> current = sources.stream().map(source -> isItem(source, edited)
                    ? new MoveSource(edited.id(), edited.partitionKey(), editor.loadedVersion().etag(),
                            editor.loadedVersion().json())
                    : source).toList();
            moveDialog.show(owner(), handle, current, result -> {
                refreshIfMoved(result);
                if (endedInTarget(result.resultFor(edited.id(), edited.partitionKey()))) {
                    follow(edited, result.targetFor(edited.partitionKey()), null);
                }
            });
        });
    }

    private void moveEditedItem(MoveRequest request) {
        PartitionKeyValue target = PartitionKeyValue.fromItem(request.edited(), handle.info().partitionKeyPaths());
        moveDialog.showForEditedItem(owner(), handle, request.id(), request.partitionKey(), request.etag(),
                request.edited(), target, request.overwrite(), result -> afterEditedItemMoved(request, result));
    }

    /** The editor follows its item when the move succeeded; otherwise it keeps the user's text and says why. */
    /** Closing the dialog without a move keeps the grid as it is, the user's selection included. */
    private void refreshIfMoved(MoveDialogResult result) {
        if (result.jobRan()) {
            items.viewModel().refresh();
        }
    }

    private void afterEditedItemMoved(MoveRequest request, MoveDialogResult result) {
        refreshIfMoved(result);
        Optional<MoveReport.ItemResult> line = result.resultFor(request.id(), request.partitionKey());
        if (endedInTarget(line)) {
            follow(new ItemRef(request.id(), request.partitionKey()), result.targetFor(request.partitionKey()),
                    request.edited());
        } else if (line.filter(item -> item.outcome() == MoveOutcome.CHANGED).isPresent()) {
            // a retry would meet the same ETag: the lost-update choice a save gets, with their version shown
            editor.changedBeforeMove(request.id(), request.partitionKey(), request.edited());
        } else {
            editor.notMoved(request.id(), request.partitionKey(), whyNotMoved(result, line));
        }
    }

    private void follow(ItemRef from, PartitionKeyValue target, com.fasterxml.jackson.databind.node.ObjectNode body) {
        if (editor.shows(from.id(), from.partitionKey())) {
            shown = new ItemRef(from.id(), target);
            editor.moved(from.id(), from.partitionKey(), target, body);
        }
    }

    private static boolean endedInTarget(Optional<MoveReport.ItemResult> line) {
        return line.map(MoveReport.ItemResult::outcome)
                .filter(outcome -> outcome == MoveOutcome.MOVED || outcome == MoveOutcome.KEPT_IN_TARGET).isPresent();
    }

    private static String whyNotMoved(MoveDialogResult result, Optional<MoveReport.ItemResult> line) {
        if (line.isPresent()) {
            MoveReport.ItemResult item = line.get();
            String reason = item.reason() == null || item.reason().isBlank() ? "" : " (" + item.reason() + ")";
            return "the move ended with \"" + item.outcome().label() + "\"" + reason + ".";
        }
        if (!result.error().isBlank()) {
            return result.error().endsWith(".") ? result.error() : result.error() + ".";
        }
        if (result.target() == null) {
            return "the move dialog was closed before the move ran.";
        }
        return "the move stopped before this item (" + (result.report() == null ? "no report"
                : result.report().message()) + ").";
    }

    private static boolean isItem(MoveSource source, ItemRef item) {
        return source.id().equals(item.id()) && source.partitionKey().equals(item.partitionKey());
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

    /**
     * Before the whole workspace goes (closing its tab, disconnecting, quitting): resolves true when nothing
     * unsaved would be lost, asking Save / Discard / Cancel, with the container named, when it would.
     */
    public CompletableFuture<Boolean> canLeave() {
        return editor.canLeaveContainer();
    }

    public void close() {
        items.close();
    }
}
