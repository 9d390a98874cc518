package io.cosmosdesk.transfer;

import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The export dialog ({@code /fxml/ExportDialog.fxml}): the one entry the container action, the Items grid and the
 * query tab use ({@link #show(Window, ExportSource)}). The export runs as a job in the Jobs panel.
 */
public final class ExportDialog {

    public static final String FXML = "/fxml/ExportDialog.fxml";

    private final ExportService service;
    private final TaskRunner tasks;
    private final Jobs jobs;
    private final DialogService dialogs;
    private final String stylesheet;
    private Path lastFolder;

    public ExportDialog(ExportService service, TaskRunner tasks, Jobs jobs, DialogService dialogs, String stylesheet) {
        this.service = service;
        this.tasks = tasks;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.stylesheet = stylesheet;
    }

    /**
     * Opens the dialog for {@code source}: a container ({@link ExportSource#wholeContainer}), a grid's filter
     * ({@link ExportSource#of(io.cosmosdesk.cosmos.ContainerHandle, io.cosmosdesk.cosmos.ItemQuery)}) or a query.
     * FX thread.
     */
    public Stage show(Window owner, ExportSource source) {
        ExportDialogViewModel viewModel = new ExportDialogViewModel(service, tasks, jobs, dialogs, source,
                startFolder());
        Parent root = FxmlView.load(ExportDialog.class, FXML, ExportDialogController.class,
                () -> new ExportDialogController(viewModel), "the export dialog").root();
        Stage stage = DialogStages.of(owner, Modality.WINDOW_MODAL, "Export items of " + source.container().ref(), root,
                stylesheet);
        stage.setOnHidden(event -> {
            try {
                Path chosen = Path.of(viewModel.fileProperty().get()).toAbsolutePath().getParent();
                if (chosen != null && Files.isDirectory(chosen)) {
                    lastFolder = chosen;
                }
            } catch (RuntimeException ignored) {
                // keep the previous folder
            }
        });
        stage.show();
        return stage;
    }

    /** Starts an export at once, without the dialog (a caller that already knows every choice). FX thread. */
    public void start(ExportSource source, ExportOptions options, Path target, boolean replaceExisting) {
        ExportDialogViewModel.start(jobs, service, source, options, target, replaceExisting);
    }

    private Path startFolder() {
        if (lastFolder != null) {
            return lastFolder;
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        for (String name : new String[] {"Downloads", "Documents"}) {
            if (Files.isDirectory(home.resolve(name))) {
                return home.resolve(name);
            }
        }
        return home;
    }
}
