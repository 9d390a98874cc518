package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the import dialog (view side), a fresh view-model each time: from the Container menu's "Import…", or
 * with a file dropped onto a container in the tree or its grid.
 */
public final class ImportDialog {

    public static final String FXML = "/fxml/ImportDialog.fxml";

    private final ImportService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String stylesheet;
    private io.cosmosdesk.jobs.JobTracker jobs = io.cosmosdesk.jobs.JobTracker.NONE;
    private java.util.function.Consumer<ContainerHandle> onWritten = container -> { };

    public ImportDialog(ImportService service, TaskRunner tasks, DialogService dialogs, String stylesheet) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.stylesheet = stylesheet;
    }

    /**
     * Imports started from now on also appear in the Jobs panel (the dialog may then be closed while one runs), and
     * {@code onWritten} hears of the container an import wrote to (the grid showing it refreshes).
     */
    public void reportTo(io.cosmosdesk.jobs.JobTracker tracker, java.util.function.Consumer<ContainerHandle> written) {
        this.jobs = java.util.Objects.requireNonNull(tracker);
        this.onWritten = java.util.Objects.requireNonNull(written);
    }

    /** True for the files a drop starts an import with. */
    public static boolean importable(List<java.io.File> files) {
        return files.size() == 1 && ImportFormat.fromFileName(files.get(0).toPath()).isPresent();
    }

    /** Opens the dialog on {@code target}; with {@code file} (dropped) it is checked at once. */
    public Stage show(Window owner, ContainerHandle target, Path file) {
        ImportDialogViewModel viewModel = new ImportDialogViewModel(service, tasks, dialogs, target);
        viewModel.reportTo(jobs, onWritten);
        boolean listed = jobs != io.cosmosdesk.jobs.JobTracker.NONE;
        FxmlView<ImportDialogController> view = FxmlView.load(ImportDialog.class, FXML, ImportDialogController.class,
                () -> new ImportDialogController(viewModel), "the import dialog");
        Parent root = view.root();
        // not modal: the user keeps working while it runs
        Stage stage = DialogStages.of(owner, Modality.NONE, "Import into " + target.ref(), root, stylesheet);
        stage.setOnCloseRequest(event -> {
            // listed in the Jobs panel, a running import goes on there (its Cancel stops it); otherwise closing
            // stops it, never abandoning a batch half-way: it stops after the one in flight
            if (viewModel.runningProperty().get() && !listed) {
                viewModel.cancel();
                event.consume();
            }
        });
        // the keyboard starts on the first step, Choose…; the read-only file field stays reachable by Tab
        stage.setOnShown(event -> view.controller().focusFirstStep());
        stage.show();
        if (file != null) {
            viewModel.open(file);
        }
        return stage;
    }

}
