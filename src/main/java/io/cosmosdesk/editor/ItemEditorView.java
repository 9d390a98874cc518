package io.cosmosdesk.editor;

import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the editor pane for a view-model, to embed anywhere (the items tab puts it in a StackPane on the
 * right). The pane uses the classes of the app stylesheet ({@code Theme.APP_STYLESHEET}).
 */
public final class ItemEditorView {

    public static final String FXML = "/fxml/ItemEditor.fxml";

    private final Parent root;
    private final ItemEditorController controller;

    private ItemEditorView(Parent root, ItemEditorController controller) {
        this.root = root;
        this.controller = controller;
    }

    /** {@code tasks} prepares large documents off the UI thread (the app's FxTaskRunner). */
    public static ItemEditorView load(ItemEditorViewModel viewModel, TaskRunner tasks) {
        FXMLLoader loader = new FXMLLoader(ItemEditorView.class.getResource(FXML));
        loader.setControllerFactory(type -> new ItemEditorController(viewModel, tasks));
        try {
            Parent root = loader.load();
            return new ItemEditorView(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the item editor", e);
        }
    }

    public Parent root() {
        return root;
    }

    public ItemEditorController controller() {
        return controller;
    }
}
