package io.cosmosdesk.app;

import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorView;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.editor.MoveRequest;
import io.cosmosdesk.move.MatchingItems;
import io.cosmosdesk.move.MoveDialog;
import io.cosmosdesk.move.MoveDialogResult;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.stage.Window;

/**
 * One container's tab, the view of a {@link ContainerWorkspaceViewModel}: the Items grid with the item editor
 * beside it, and the move dialog behind them. The views bind to their view-models; what makes them agree
 * (which item is shown, the unsaved-changes guard, following a moved item) lives in the workspace view-model.
 */
public final class ContainerWorkspace {

    private final ContainerWorkspaceViewModel viewModel;
    private final ItemsTab items;
    private final ItemEditorView editorView;

    private ContainerWorkspace(ContainerWorkspaceViewModel viewModel, ItemsTab items, ItemEditorView editorView) {
        this.viewModel = viewModel;
        this.items = items;
        this.editorView = editorView;
    }

    static ContainerWorkspace create(ItemsViewModel itemsViewModel, ItemEditorViewModel editor, MoveDialog moveDialog,
            TaskRunner tasks, DialogService dialogs) {
        DialogMover mover = new DialogMover(moveDialog);
        ContainerWorkspaceViewModel viewModel = new ContainerWorkspaceViewModel(itemsViewModel, editor, mover, tasks,
                dialogs);
        ItemsTab items = ItemsTab.load(itemsViewModel);
        ItemEditorView editorView = ItemEditorView.load(editor, tasks);
        ContainerWorkspace workspace = new ContainerWorkspace(viewModel, items, editorView);
        mover.owner = workspace::owner;
        workspace.bind();
        return workspace;
    }

    private void bind() {
        items.controller().editorHost().getChildren().setAll(editorView.root());
        // the editor's New (button, Ctrl+N) takes the workspace's path, through its guard
        editorView.controller().setOnNewItem(viewModel::newItem);
        viewModel.editorFocusRequestsProperty().addListener((obs, old, count) ->
                editorView.controller().codeArea().requestFocus());
    }

    private Window owner() {
        return items.view().getScene() == null ? null : items.view().getScene().getWindow();
    }

    public ContainerWorkspaceViewModel viewModel() {
        return viewModel;
    }

    public ContainerHandle handle() {
        return viewModel.handle();
    }

    public Parent view() {
        return items.view();
    }

    public ItemsTab items() {
        return items;
    }

    public ItemEditorViewModel editor() {
        return viewModel.editor();
    }

    public void close() {
        items.close();
    }

    /** The move dialog as the workspace view-model asks for it, owned by the workspace's window. */
    private static final class DialogMover implements ContainerWorkspaceViewModel.Mover {
        private final MoveDialog dialog;
        private java.util.function.Supplier<Window> owner = () -> null;

        DialogMover(MoveDialog dialog) {
            this.dialog = dialog;
        }

        @Override
        public MatchingItems itemsMatching(ContainerHandle handle, ItemQuery query) {
            return dialog.itemsMatching(handle, query);
        }

        @Override
        public void showMatching(ContainerHandle handle, MatchingItems matching, Consumer<MoveDialogResult> done) {
            dialog.showMatching(owner.get(), handle, matching, done);
        }

        @Override
        public void show(ContainerHandle handle, List<MoveSource> sources, Consumer<MoveDialogResult> done) {
            dialog.show(owner.get(), handle, sources, done);
        }

        @Override
        public void showForEditedItem(MoveRequest request, PartitionKeyValue target,
                Consumer<MoveDialogResult> done) {
            dialog.showForEditedItem(owner.get(), request.handle(), request.id(), request.partitionKey(),
                    request.etag(), request.edited(), target, request.overwrite(), done);
        }
    }
}
