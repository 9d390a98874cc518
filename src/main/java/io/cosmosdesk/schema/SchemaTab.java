package io.cosmosdesk.schema;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;

/** A container's Schema tab (kind "schema"), built from {@code /fxml/SchemaTab.fxml}. */
public final class SchemaTab implements ToolTab {

    public static final String KIND = "schema";
    public static final String FXML = "/fxml/SchemaTab.fxml";

    private final SchemaViewModel viewModel;
    private final TaskRunner tasks;
    private final ObservableValue<String> title;
    private Parent view;
    private SchemaTabController controller;

    public SchemaTab(SchemaViewModel viewModel, TaskRunner tasks) {
        this.viewModel = viewModel;
        this.tasks = tasks;
        String name = "Schema · " + viewModel.handle().ref().containerId();
        this.title = Bindings.createStringBinding(() -> viewModel.busyProperty().get() ? name + " …" : name,
                viewModel.busyProperty());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContainerHandle container() {
        return viewModel.handle();
    }

    @Override
    public ObservableValue<String> title() {
        return title;
    }

    @Override
    public Node view() {
        if (view == null) {
            FxmlView<SchemaTabController> loaded = FxmlView.load(SchemaTab.class, FXML, SchemaTabController.class,
                    () -> new SchemaTabController(viewModel, tasks), "the schema tab");
            view = loaded.root();
            controller = loaded.controller();
        }
        return view;
    }

    public SchemaViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void containerGone(String sentence) {
        viewModel.containerGone(sentence);
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
