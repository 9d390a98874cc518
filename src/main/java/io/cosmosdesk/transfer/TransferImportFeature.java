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

    public static void install(Path importsFolder, io.cosmosdesk.audit.AuditedWrites writes, TaskRunner tasks,
            DialogService dialogs, String stylesheet, ContainerActions containerActions) {
        ImportDialog dialog = new ImportDialog(new ImportService(importsFolder, writes), tasks, dialogs, stylesheet);
        containerActions.add(new ContainerAction("Import…", null, true,
                (window, container) -> dialog.show(window, container, null)));
        containerActions.setFileDrop(new ContainerActions.FileDrop(ImportDialog::importable,
                (window, container, file) -> dialog.show(window, container, file)));
    }
}
