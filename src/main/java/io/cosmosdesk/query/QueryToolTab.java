package io.cosmosdesk.query;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.FxmlView;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** A query tab as the main window holds it: "Query 1 · orders", built from {@code /fxml/QueryTab.fxml}. */
public final class QueryToolTab implements ToolTab {

    public static final String KIND = "query";
    public static final String FXML = "/fxml/QueryTab.fxml";

    private final QueryTabViewModel model;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export;
    private final QueryDocument document;
    private Runnable onClose = () -> { };
    private final java.util.function.BooleanSupplier quitting;
    private QueryTabController controller;
    private Node view;

    private final java.util.function.Consumer<SqlCodeArea> editorSetup;

    /** @param quitting true while the app quits: the tab is kept for the next start, so nothing is asked */
    QueryToolTab(QueryTabViewModel model, QueryDocument document,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export,
            java.util.function.Consumer<SqlCodeArea> editorSetup, java.util.function.BooleanSupplier quitting) {
        this.editorSetup = editorSetup;
        this.model = model;
        this.document = document;
        this.export = export;
        this.quitting = quitting;
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
        return document.titleProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            FxmlView<QueryTabController> loaded = FxmlView.load(QueryToolTab.class, FXML, QueryTabController.class,
                    () -> new QueryTabController(model, document, export, editorSetup), "the query tab");
            view = loaded.root();
            controller = loaded.controller();
        }
        return view;
    }

    @Override
    public void containerGone(String sentence) {
        model.containerGone(sentence);
    }

    public QueryTabViewModel viewModel() {
        return model;
    }

    public QueryDocument document() {
        return document;
    }

    /** Asks about unsaved changes, except when the app quits (the tab then comes back on the next start). */
    @Override
    public java.util.concurrent.CompletableFuture<Boolean> requestClose() {
        return quitting.getAsBoolean() ? java.util.concurrent.CompletableFuture.completedFuture(true)
                : document.requestClose();
    }

    /** Null until the view was built. */
    public QueryTabController controller() {
        return controller;
    }

    /** Runs once the tab is gone (the feature forgets its panes). */
    void onClose(Runnable then) {
        Runnable before = onClose;
        onClose = () -> {
            before.run();
            then.run();
        };
    }

    /** The tab as the open-tabs file keeps it. */
    OpenQueryTabs.OpenTab toOpenTab() {
        ContainerHandle handle = model.container();
        QuerySaving.Origin origin = document.originProperty().get();
        return new OpenQueryTabs.OpenTab(handle.connection().profile().name(), handle.connection().profile()
                .endpoint(), handle.ref().databaseId(), handle.ref().containerId(), model.draft(),
                origin.sqlFile() == null ? null : origin.sqlFile().toString(), origin.savedName());
    }

    @Override
    public void close() {
        model.close();
        onClose.run();
    }
}
