package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
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

    public ImportDialog(ImportService service, TaskRunner tasks, DialogService dialogs, String stylesheet) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.stylesheet = stylesheet;
    }

    /** True for the files a drop starts an import with. */
    public static boolean importable(List<java.io.File> files) {
        return files.size() == 1 && ImportFormat.fromFileName(files.get(0).toPath()).isPresent();
    }

    /** Opens the dialog on {@code target}; with {@code file} (dropped) it is checked at once. */
    public Stage show(Window owner, ContainerHandle target, Path file) {
        ImportDialogViewModel viewModel = new ImportDialogViewModel(service, tasks, dialogs, target);
        FXMLLoader loader = new FXMLLoader(ImportDialog.class.getResource(FXML));
        loader.setControllerFactory(type -> new ImportDialogController(viewModel));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the import dialog", e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE); // the user keeps working while it runs
        stage.setTitle("Import into " + target.ref());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        io.cosmosdesk.ui.DialogSizing.capToScreen(stage, owner);
        stage.setOnCloseRequest(event -> {
            if (viewModel.runningProperty().get()) {
                viewModel.cancel(); // never abandons a batch half-way: it stops after the one in flight
                event.consume();
            }
        });
        stage.show();
        if (file != null) {
            viewModel.open(file);
        }
        return stage;
    }

}
