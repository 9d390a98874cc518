package io.cosmosdesk.scripts;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxmlView;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** A script editor beside the container workspaces: "Stored procedure bump · orders", from fxml/ScriptEditor.fxml. */
public final class ScriptTab implements ToolTab {

    public static final String KIND = "script";
    static final String FXML = "/fxml/ScriptEditor.fxml";

    private final ScriptEditorViewModel model;
    private final DialogService dialogs;
    private final ObservableValue<String> title;
    private ScriptEditorController controller;
    private Node view;

    ScriptTab(ScriptEditorViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.title = Bindings.createStringBinding(() -> (model.dirtyProperty().get() ? "• " : "")
                + model.titleProperty().get() + " · " + model.container().ref().containerId(),
                model.titleProperty(), model.dirtyProperty());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContainerHandle container() {
        return model.container();
    }

    @Override
    public ObservableValue<String> title() {
        return title;
    }

    @Override
    public Node view() {
        if (view == null) {
            FxmlView<ScriptEditorController> loaded = FxmlView.load(ScriptTab.class, FXML, ScriptEditorController.class,
                    () -> new ScriptEditorController(model), "the script editor");
            view = loaded.root();
            controller = loaded.controller();
        }
        return view;
    }

    @Override
    public CompletableFuture<Boolean> requestClose() {
        if (!model.dirtyProperty().get()) {
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.completedFuture(dialogs.confirm("Unsaved " + model.kind().noun(),
                "Close without saving your changes to " + model.titleProperty().get() + "?", "Close without saving",
                true));
    }

    @Override
    public void containerGone(String sentence) {
        model.containerGone(sentence);
    }

    public ScriptEditorViewModel viewModel() {
        return model;
    }

    /** Null until the view was built. */
    ScriptEditorController controller() {
        return controller;
    }
}
