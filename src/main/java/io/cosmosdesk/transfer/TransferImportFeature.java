package io.cosmosdesk.transfer;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;

/** Plugs import into the app: "Import…" on every container, and .json/.jsonl/.csv files dropped onto one. */
public final class TransferImportFeature {

    private TransferImportFeature() {
    }

    /**
     * @param jobs where imports are listed while they run (the Jobs panel)
     * @param onWritten told of a container an import wrote to, so the grid showing it refreshes
     */
    public static void install(Path importsFolder, io.cosmosdesk.audit.AuditedWrites writes, TaskRunner tasks,
            DialogService dialogs, String stylesheet, ContainerActions containerActions,
            io.cosmosdesk.jobs.JobTracker jobs, java.util.function.Consumer<io.cosmosdesk.cosmos.ContainerHandle> onWritten) {
        ImportDialog dialog = new ImportDialog(new ImportService(importsFolder, writes), tasks, dialogs, stylesheet);
        dialog.reportTo(jobs, onWritten);
        containerActions.add(new ContainerAction("Import…", null, true,
                (window, container) -> dialog.show(window, container, null)));
        containerActions.setFileDrop(new ContainerActions.FileDrop(ImportDialog::importable,
                (window, container, file) -> dialog.show(window, container, file)));
    }
}
