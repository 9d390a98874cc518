package io.cosmosdesk.query;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;

/** A query tab as the main window holds it: "Query 1 · orders", built from {@code /fxml/QueryTab.fxml}. */
public final class QueryToolTab implements ToolTab {

    public static final String KIND = "query";
    public static final String FXML = "/fxml/QueryTab.fxml";

    private final QueryTabViewModel model;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export;
    private final ReadOnlyStringWrapper title;
    private QueryTabController controller;
    private Node view;

    private final java.util.function.Consumer<SqlCodeArea> editorSetup;

    QueryToolTab(QueryTabViewModel model, int number,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export,
            java.util.function.Consumer<SqlCodeArea> editorSetup) {
        this.editorSetup = editorSetup;
        this.model = model;
        this.export = export;
        this.title = new ReadOnlyStringWrapper(this, "title", "Query " + number + " · " + model.container().ref()
                .containerId());
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
        return title.getReadOnlyProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            FXMLLoader loader = new FXMLLoader(QueryToolTab.class.getResource(FXML));
            loader.setControllerFactory(type -> {
                if (type == QueryTabController.class) {
                    return new QueryTabController(model, export, editorSetup);
                }
                throw new IllegalArgumentException("No controller registered for " + type.getName());
            });
            try {
                view = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the query tab", e);
            }
            controller = loader.getController();
        }
        return view;
    }

    public QueryTabViewModel viewModel() {
        return model;
    }

    /** Null until the view was built. */
    public QueryTabController controller() {
        return controller;
    }

    @Override
    public void close() {
        model.close();
    }
}
