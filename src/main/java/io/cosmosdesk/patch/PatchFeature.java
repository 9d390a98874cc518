package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Bulk patch in the app: "Patch…" on the container (tree menu, Container menu, Items toolbar) opens the dialog over
 * the grid's selection, or every item matching its filter. Patches run as Jobs-panel jobs; their grid refreshes.
 */
public final class PatchFeature {

    public static final String FXML = "/fxml/PatchDialog.fxml";

    private final PatchJobs patchJobs;
    private final TaskRunner tasks;
    private final Function<ContainerHandle, Optional<ItemsViewModel>> grids;
    private final String stylesheet;

    public PatchFeature(BulkPatchService service, io.cosmosdesk.jobs.Jobs jobs, TaskRunner tasks,
            Function<ContainerHandle, Optional<ItemsViewModel>> grids, String stylesheet) {
        this.tasks = tasks;
        this.grids = grids;
        this.stylesheet = stylesheet;
        this.patchJobs = new PatchJobs(service, jobs, handle -> grids.apply(handle).ifPresent(ItemsViewModel::refresh));
    }

    public void install(ContainerActions actions) {
        actions.add(new ContainerAction("Patch…", null, true, this::open));
        // patches of earlier runs too: their journals stay in the data folder for the journal retention
        actions.add(new ContainerAction("Undo a patch…", null, false, this::openPastPatches));
    }

    /** "Undo a patch…": the container's kept patches (this run's and earlier ones'), each with Undo. */
    public Stage openPastPatches(Window owner, ContainerHandle handle) {
        return PastPatchesDialog.show(owner, new PastPatchesViewModel(handle, patchJobs, tasks), stylesheet);
    }

    /** Opens the dialog for {@code handle}: the grid's selection when there is one, else its filter. */
    public Stage open(Window owner, ContainerHandle handle) {
        Optional<ItemsViewModel> grid = grids.apply(handle);
        List<ObjectNode> selection = grid.map(g -> g.selection().stream().map(ItemRow::json).toList())
                .orElse(List.of());
        String filter = grid.map(g -> filterOf(g.appliedQueryProperty().get())).orElse("");
        return show(owner, new PatchDialogViewModel(handle, selection, filter, patchJobs, tasks));
    }

    private static String filterOf(ItemQuery query) {
        if (query == null) {
            return "";
        }
        if (!query.filter().isEmpty()) {
            // the dialog's filter is text the user may edit: a handed-over value is written in as a literal
            return query.gridFilter().inlined();
        }
        return query.conditions().isEmpty() ? "" : query.describe();
    }

    public Stage show(Window owner, PatchDialogViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(PatchFeature.class.getResource(FXML));
        loader.setControllerFactory(type -> new PatchDialogController(viewModel));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the patch dialog", e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Patch items · " + viewModel.handle().ref());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnShown(event -> io.cosmosdesk.ui.DialogSizing.capToScreen(stage, owner));
        io.cosmosdesk.ui.DialogStages.keepWhole(stage); // the window manager's late first size
        stage.show();
        return stage;
    }
}
