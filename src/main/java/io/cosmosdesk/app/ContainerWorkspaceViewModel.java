package io.cosmosdesk.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.editor.MoveRequest;
import io.cosmosdesk.move.MoveDialogResult;
import io.cosmosdesk.move.MoveOutcome;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MatchingItems;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One container's workspace: the Items grid, the item editor beside it and the move dialog behind them
 * agree through this one view-model. It owns which item the editor shows (or is opening), puts every change
 * of item through the editor's unsaved-changes guard, keeps the grid's selection on the shown item, and
 * follows an item that was saved, deleted or moved. Other views (a query workspace, other tabs) open items
 * through the same commands: {@link #openItem}, {@link #newItem}, {@link #requestLeave}.
 *
 * <p>Plain Java (javafx.beans only): the move dialog is reached through {@link Mover}, so every rule here is
 * tested without a toolkit.
 */
public final class ContainerWorkspaceViewModel {

    /** The move dialog, as this view-model sees it (the view implements it over {@code MoveDialog}). */
    public interface Mover {
        /** The items {@code query} selects, as move sources. Blocking: called on a background thread. */
        MatchingItems itemsMatching(ContainerHandle handle, ItemQuery query);

        /** Shows the dialog for {@code sources}; {@code done} is told how it ended (on the UI thread). */
        void show(ContainerHandle handle, List<MoveSource> sources, Consumer<MoveDialogResult> done);

        /** The dialog for every item a query selects, read a page at a time when the preview and the move run. */
        void showMatching(ContainerHandle handle, MatchingItems matching, Consumer<MoveDialogResult> done);

        /** Shows the dialog for the edited item whose partition key the user changed to {@code target}. */
        void showForEditedItem(MoveRequest request, PartitionKeyValue target, Consumer<MoveDialogResult> done);
    }

    private final ContainerHandle handle;
    private final ItemsViewModel grid;
    private final ItemEditorViewModel editor;
    private final Mover mover;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ReadOnlyObjectWrapper<ItemRef> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyIntegerWrapper editorFocusRequests = new ReadOnlyIntegerWrapper(this, "editorFocusRequests");

    public ContainerWorkspaceViewModel(ItemsViewModel grid, ItemEditorViewModel editor, Mover mover, TaskRunner tasks,
            DialogService dialogs) {
        this.grid = Objects.requireNonNull(grid);
        this.handle = grid.handle();
        this.editor = Objects.requireNonNull(editor);
        this.mover = Objects.requireNonNull(mover);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        grid.setHost(new ItemsViewModel.Host() {
            @Override
            public void openItem(ItemRow row) {
                ContainerWorkspaceViewModel.this.openItem(row.ref()).thenAccept(opened -> requestEditorFocus());
            }

            @Override
            public void newItem() {
                ContainerWorkspaceViewModel.this.newItem();
            }

            @Override
            public void moveRows(List<ItemRow> rows) {
                ContainerWorkspaceViewModel.this.moveRows(rows);
            }

            @Override
            public void itemsGone(Set<ItemRef> gone) {
                itemsDeleted(gone);
            }
        });
        grid.selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                openItem(row.ref());
            }
        });
        // an editor left empty by a failed open (e.g. "no longer exists") speaks of rows a new query replaces
        grid.queriesRunProperty().addListener((obs, old, count) -> {
            if (editor.modeProperty().get() == ItemEditorViewModel.Mode.EMPTY) {
                editor.clearError();
            }
        });
        grid.stateProperty().addListener((obs, old, state) -> {
            if (old == ItemsViewModel.State.LOADING && state == ItemsViewModel.State.ROWS) {
                firstPageShown();
            }
        });
        // the container was deleted elsewhere: the editor saves nothing either, and says why
        grid.containerGoneProperty().addListener((obs, old, gone) -> {
            if (gone) {
                editor.containerGone(ItemsViewModel.CONTAINER_GONE);
            }
        });
        editor.setOnSaved(this::itemSaved);
        editor.setOnDeleted(deleted -> itemsDeleted(Set.of(new ItemRef(deleted.id(), deleted.partitionKey()))));
        editor.setOnMoveRequested(this::moveEditedItem);
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    public ItemsViewModel grid() {
        return grid;
    }

    public ItemEditorViewModel editor() {
        return editor;
    }

    /** The item the editor shows or is opening; null for none or a new item. */
    public ReadOnlyObjectProperty<ItemRef> shownItemProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True while the editor holds unsaved edits (the tab shows a dot; leaving asks first). */
    public ReadOnlyBooleanProperty unsavedEditsProperty() {
        return editor.dirtyProperty();
    }

    public boolean hasUnsavedEdits() {
        return editor.isDirty();
    }

    /** Changes each time the user's intent is to type in the editor next (opened with Enter, New item). */
    public ReadOnlyIntegerProperty editorFocusRequestsProperty() {
        return editorFocusRequests.getReadOnlyProperty();
    }

    // Commands

    /**
     * Opens {@code item} in the editor unless it shows it already; unsaved edits are guarded first. When the
     * user stays on the edited item (Cancel), the grid is put back on it, so its actions cannot hit another
     * row. Completes with true when the editor shows (or opens) {@code item}.
     */
    public CompletableFuture<Boolean> openItem(ItemRef item) {
        Objects.requireNonNull(item);
        if (item.equals(shown.get())) {
            return CompletableFuture.completedFuture(true);
        }
        return editor.canLeave().thenApply(leave -> {
            if (leave) {
                shown.set(item);
                editor.open(handle, item.id(), item.partitionKey());
            } else {
                grid.selectOnly(shown.get());
            }
            return leave;
        });
    }

    /** A new item in the editor, after the guard; the grid no longer points at the item the editor left. */
    public CompletableFuture<Boolean> newItem() {
        return editor.canLeave().thenApply(leave -> {
            if (leave) {
                shown.set(null);
                grid.selectOnly(null);
                editor.newItem(handle);
                requestEditorFocus();
            }
            return leave;
        });
    }

    /**
     * Before the whole workspace goes (its tab closes, disconnecting, quitting): true when nothing unsaved would
     * be lost, after asking Save / Discard / Cancel (naming the container) when it would.
     */
    public CompletableFuture<Boolean> requestLeave() {
        return editor.canLeaveContainer();
    }

    /** The server now holds {@code item} (saved in the editor): its row shows it, and it is the shown item. */
    public void itemSaved(ObjectNode item) {
        grid.upsertRow(item);
        shown.set(ItemRow.of(item, handle.info().partitionKeyPaths()).ref());
    }

    /** {@code gone} no longer exist: their rows go, and the editor lets go of the shown one among them. */
    public void itemsDeleted(Set<ItemRef> gone) {
        gone.forEach(item -> grid.removeRow(item.id(), item.partitionKey()));
        ItemRef open = shown.get();
        if (open != null && gone.contains(open)) {
            shown.set(null);
            // deleted from the grid: Save and Delete must not stay on an item that is gone
            if (editor.shows(open.id(), open.partitionKey())
                    || editor.modeProperty().get() == ItemEditorViewModel.Mode.LOADING) {
                editor.deleted(open.id(), gone.size());
            }
        }
    }

    /**
     * A move ended with {@code from} under {@code target}: when the editor shows it, it follows the item there.
     * {@code movedBody} is what was moved (null: as the editor last read or saved it).
     */
    public void itemMoved(ItemRef from, PartitionKeyValue target, ObjectNode movedBody) {
        if (editor.shows(from.id(), from.partitionKey())) {
            shown.set(new ItemRef(from.id(), target));
            editor.moved(from.id(), from.partitionKey(), target, movedBody);
        }
    }

    /** Move to partition from the grid: {@code rows}, or with none every item the applied query matches. */
    public void moveRows(List<ItemRow> rows) {
        if (!rows.isEmpty()) {
            showMoveDialog(rows.stream().map(row -> new MoveSource(row.id(), row.partitionKey(),
                    row.json().path("_etag").asText(null), row.json())).toList());
            return;
        }
        // the query the grid ran (parameterised, go-to-id included), not the text it displays
        ItemQuery query = grid.appliedQueryProperty().get();
        if (!dialogs.confirm("Move items", "No items are selected. Move " + grid.describeEverythingShown()
                + "? You choose the target partition and see a preview before anything is changed.", "Continue")) {
            return;
        }
        tasks.start(BackgroundTask.of("Finding items to move", context -> mover.itemsMatching(handle, query))
                .onSuccess(this::showMatchingMoveDialog)
                .onFailure(error -> dialogs.showError("Could not find the items to move",
                        CosmosErrors.classify(error))));
    }

    // Internals

    private void requestEditorFocus() {
        editorFocusRequests.set(editorFocusRequests.get() + 1);
    }

    /**
     * A query's first page is in and nothing is selected (its rows replaced the old ones): "Go to id" that
     * found exactly one item selects it, so the editor opens it, unless the editor holds unsaved edits;
     * otherwise the row of the item the editor shows, when loaded, is selected again (e.g. after a move).
     */
    private void firstPageShown() {
        List<ItemRow> loaded = grid.rows();
        if (grid.activeIdProperty().get() != null && loaded.size() == 1 && !grid.hasMoreProperty().get()
                && !editor.isDirty()) {
            grid.selectOnly(loaded.get(0).ref());
            return;
        }
        ItemRef open = shown.get();
        if (grid.selection().isEmpty() && open != null && loaded.stream().anyMatch(row -> row.ref().equals(open))) {
            grid.selectOnly(open);
        }
    }

    /**
     * The grid's move. When the item in the editor is among {@code sources}, its unsaved edits are settled
     * first (they would not be part of the move) and it moves as the editor last read or saved it.
     */
    private void showMoveDialog(List<MoveSource> sources) {
        ItemRef edited = shown.get();
        boolean movesEdited = edited != null && sources.stream().anyMatch(source -> isItem(source, edited));
        if (!movesEdited) {
            mover.show(handle, sources, this::refreshIfMoved);
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
            mover.show(handle, current, result -> {
                refreshIfMoved(result);
                if (endedInTarget(result.resultFor(edited.id(), edited.partitionKey()))) {
                    itemMoved(edited, result.targetFor(edited.partitionKey()), null);
                }
            });
        });
    }

    /**
     * The grid's move of everything its query selects. The item in the editor may be among them: its unsaved
     * edits are settled first, and the editor follows it when it moved.
     */
    private void showMatchingMoveDialog(MatchingItems matching) {
        ItemRef edited = shown.get();
        if (edited == null) {
            mover.showMatching(handle, matching, this::refreshIfMoved);
            return;
        }
        editor.canLeave().thenAccept(leave -> {
            if (!leave) {
                return;
            }
            mover.showMatching(handle, matching, result -> {
                refreshIfMoved(result);
                if (editor.shows(edited.id(), edited.partitionKey())
                        && endedInTarget(result.resultFor(edited.id(), edited.partitionKey()))) {
                    itemMoved(edited, result.targetFor(edited.partitionKey()), null);
                }
            });
        });
    }

    private void moveEditedItem(MoveRequest request) {
        PartitionKeyValue target = PartitionKeyValue.fromItem(request.edited(), handle.info().partitionKeyPaths());
        mover.showForEditedItem(request, target, result -> afterEditedItemMoved(request, result));
    }

    /** Closing the dialog without a move keeps the grid as it is, the user's selection included. */
    private void refreshIfMoved(MoveDialogResult result) {
        if (result.jobRan()) {
            grid.refresh();
        }
    }

    /** The editor follows its item when the move succeeded; otherwise it keeps the user's text and says why. */
    private void afterEditedItemMoved(MoveRequest request, MoveDialogResult result) {
        refreshIfMoved(result);
        Optional<MoveReport.ItemResult> line = result.resultFor(request.id(), request.partitionKey());
        if (endedInTarget(line)) {
            itemMoved(new ItemRef(request.id(), request.partitionKey()), result.targetFor(request.partitionKey()),
                    request.edited());
        } else if (line.filter(item -> item.outcome() == MoveOutcome.CHANGED).isPresent()) {
            // a retry would meet the same ETag: the lost-update choice a save gets, with their version shown
            editor.changedBeforeMove(request.id(), request.partitionKey(), request.edited());
        } else {
            editor.notMoved(request.id(), request.partitionKey(), whyNotMoved(result, line));
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
}
