package io.cosmosdesk.transfer;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.jobs.JobTracker;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Plugs copy into the app: "Copy items to…" on every container (tree menu, Container menu, Items toolbar) opens
 * the copy dialog ({@code /fxml/CopyDialog.fxml}) with the container's grid filter offered as the source; the copy
 * runs as a job in the Jobs panel.
 */
public final class CopyFeature {

    public static final String FXML = "/fxml/CopyDialog.fxml";

    private final CopyService service;
    private final ResourceService resources;
    private final TaskRunner tasks;
    private final JobTracker jobs;
    private final DialogService dialogs;
    private final String stylesheet;
    private final Supplier<List<CosmosConnection>> connections;
    private final Consumer<ContainerHandle> onWritten;
    private final Consumer<ContainerHandle> onTargetReady;

    /**
     * @param connections the connections open now (the targets offered)
     * @param onWritten told of a container a copy wrote to, so the grid showing it refreshes
     * @param onTargetReady told of a copy's target once it exists (it may be new), so the tree shows it
     */
    public CopyFeature(CopyService service, ResourceService resources, TaskRunner tasks, JobTracker jobs,
            DialogService dialogs, String stylesheet, Supplier<List<CosmosConnection>> connections,
            Consumer<ContainerHandle> onWritten, Consumer<ContainerHandle> onTargetReady) {
        this.service = service;
        this.resources = resources;
        this.tasks = tasks;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.stylesheet = stylesheet;
        this.connections = connections;
        this.onWritten = onWritten;
        this.onTargetReady = onTargetReady;
    }

    public void install(ContainerActions containerActions, ToolTabs toolTabs) {
        containerActions.add(new ContainerAction("Copy items to…", null, false,
                (window, container) -> show(window, container, toolTabs.gridQuery(container).orElse(null))));
    }

    /** Opens the copy dialog for {@code source}; {@code gridQuery} (or null) is its grid's filter. FX thread. */
    public Stage show(Window owner, ContainerHandle source, io.cosmosdesk.cosmos.ItemQuery gridQuery) {
        CopyDialogViewModel viewModel = new CopyDialogViewModel(service, resources, tasks, jobs, dialogs, source,
                gridQuery, connections.get(), onWritten, onTargetReady);
        Parent root = FxmlView.load(CopyFeature.class, FXML, CopyDialogController.class,
                () -> new CopyDialogController(viewModel), "the copy dialog").root();
        Stage stage = DialogStages.of(owner, Modality.WINDOW_MODAL, "Copy items of " + source, root, stylesheet);
        stage.show();
        return stage;
    }
}
