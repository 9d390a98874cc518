package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the move dialog (view side), a fresh view-model each time. The entry points the grid and the editor
 * call; both are refused by the view-model (and the service) on read-only connections.
 */
public class MoveDialog {

    public static final String FXML = "/fxml/MoveDialog.fxml";

    private final MoveService service;
    private final TaskRunner tasks;
    private final String stylesheet;

    private io.cosmosdesk.jobs.JobTracker jobs = io.cosmosdesk.jobs.JobTracker.NONE;

    public MoveDialog(MoveService service, TaskRunner tasks, String stylesheet) {
        this.service = service;
        this.tasks = tasks;
        this.stylesheet = stylesheet;
    }

    /** Moves started from now on also appear in the Jobs panel. */
    public void reportJobsTo(io.cosmosdesk.jobs.JobTracker tracker) {
        this.jobs = java.util.Objects.requireNonNull(tracker);
    }

    /**
     * The grid: a selection (ids, keys, and the loaded bodies and ETags when the grid has them).
     * {@code onClosed} hears how it ended once the window is closed.
     */
    public Stage show(Window owner, ContainerHandle handle, List<MoveSource> items,
            Consumer<MoveDialogResult> onClosed) {
        return open(owner, new MoveDialogViewModel(service, tasks, handle, items), onClosed);
    }

    /** The grid: every item the grid's query selects; counts them and reads the first few. Blocks: call from a task. */
    public MatchingItems itemsMatching(ContainerHandle handle, ItemQuery query) {
        return service.findItemsToMove(handle, query);
    }

    /** The grid: every item its query selects, read a page at a time by the preview and the move. */
    public Stage showMatching(Window owner, ContainerHandle handle, MatchingItems matching,
            Consumer<MoveDialogResult> onClosed) {
        return open(owner, new MoveDialogViewModel(service, tasks, handle, matching), onClosed);
    }

    /**
     * The editor: its item with the partition key value changed. {@code edited} is the edited body,
     * {@code sourceEtag} the ETag the editor loaded (the move refuses if the item changed since).
     * {@code onClosed} hears how it ended once the window is closed, so the editor can follow its item.
     * {@code runAtOnce}: the user already chose to move (Overwrite after a conflict), so the move runs as
     * soon as the preview is in, still conditional on {@code sourceEtag}.
     */
    public Stage showForEditedItem(Window owner, ContainerHandle handle, String id, PartitionKeyValue source,
            String sourceEtag, com.fasterxml.jackson.databind.node.ObjectNode edited, PartitionKeyValue target,
            boolean runAtOnce, Consumer<MoveDialogResult> onClosed) {
        MoveDialogViewModel viewModel = new MoveDialogViewModel(service, tasks, handle,
                List.of(new MoveSource(id, source, sourceEtag, edited)), true);
        viewModel.showTarget(target);
        Stage stage = open(owner, viewModel, onClosed);
        if (runAtOnce) {
            viewModel.previewThenRun();
        } else {
            viewModel.preview();
        }
        return stage;
    }

    private Stage open(Window owner, MoveDialogViewModel viewModel, Consumer<MoveDialogResult> onClosed) {
        viewModel.reportTo(jobs);
        Parent root = FxmlView.load(MoveDialog.class, FXML, MoveDialogController.class,
                () -> new MoveDialogController(viewModel), "the move dialog").root();
        Stage stage = DialogStages.of(owner, Modality.WINDOW_MODAL, "Move items", root, stylesheet);
        // listed in the Jobs panel, a running move goes on there when the window closes (its Cancel stops it, the
        // grid and editor hear of the end when it comes); otherwise closing asks it to stop after the items in
        // flight, never abandoning it half-way
        stage.setOnCloseRequest(event -> {
            if (viewModel.runningProperty().get() && !viewModel.canRunOnWithoutWindow()) {
                viewModel.cancel();
                event.consume();
            }
        });
        stage.setOnHidden(event -> viewModel.windowClosed(onClosed));
        stage.show();
        viewModel.loadSuggestions();
        // typing goes to the (first) target value, not to its type
        javafx.scene.Node firstValue = root.lookup("#targetValue0");
        if (firstValue != null) {
            firstValue.requestFocus();
        }
        return stage;
    }
}
