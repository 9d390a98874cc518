package io.cosmosdesk.query;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.settings.SettingsStore;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The query workspace's wiring: "New query" on containers (Ctrl+T), each opening a numbered query tab. */
public final class QueryFeature {

    public static final KeyCombination NEW_QUERY = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);

    private final QueryService service;
    private final ItemService items;
    private final TaskRunner tasks;
    /** One per app: field names for completion, sampled once per container. */
    private final FieldPathSource fieldPaths = new SampledFieldPaths();
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export;
    private ToolTabs toolTabs;
    private int opened;

    /** @param export opens the export dialog for a query's results (transfer's ExportDialog) */
    public QueryFeature(QueryService service, ItemService items, TaskRunner tasks, DialogService dialogs,
            SettingsStore settings,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.transfer.ExportSource> export) {
        this.export = export;
        this.service = service;
        this.items = items;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
    }

    private QueryHistory history;
    private java.util.function.Function<ContainerHandle, List<String>> functionNames;

    /** Completion offers these names (the container's user-defined functions) after {@code udf.}. */
    public QueryFeature useFunctionNames(java.util.function.Function<ContainerHandle, List<String>> names) {
        this.functionNames = names;
        return this;
    }

    /** The field paths, and the container's UDFs under {@link FieldPathSource#UDF}; a failed UDF list is none. */
    private List<io.cosmosdesk.cosmos.JsonPath> completionPaths(ContainerHandle container) throws Exception {
        List<io.cosmosdesk.cosmos.JsonPath> paths = new java.util.ArrayList<>(fieldPaths.fieldPaths(container));
        if (functionNames != null) {
            try {
                functionNames.apply(container).forEach(name -> paths.add(io.cosmosdesk.cosmos.JsonPath.of(
                        List.of(FieldPathSource.UDF, name))));
            } catch (RuntimeException e) {
                // completion goes on without the functions' names
            }
        }
        return paths;
    }

    /** Every run is recorded per container in {@code history} and listed in each query tab's History. */
    public QueryFeature useHistory(QueryHistory history) {
        this.history = history;
        return this;
    }

    public void install(ToolTabs tabs, ContainerActions containerActions) {
        this.toolTabs = tabs;
        containerActions.add(new ContainerAction("New query", NEW_QUERY, true, (window, handle) -> open(handle)));
    }

    /** Opens a new query tab on the container, in front. */
    public QueryToolTab open(ContainerHandle handle) {
        QueryTabViewModel model = new QueryTabViewModel(handle, service, items, tasks, dialogs,
                () -> QueryGuards.of(settings.current()), toolTabs::openItem);
        model.pageSizeProperty().set(QueryRequest.PAGE_SIZES.contains(settings.current().pageSize())
                ? settings.current().pageSize() : 100);
        QueryToolTab tab = new QueryToolTab(model, ++opened, export,
                area -> SqlCompletion.attach(area, tasks, this::completionPaths, handle));
        toolTabs.open(tab);
        if (history != null) {
            QueryHistory runs = history;
            HistoryPane pane = new HistoryPane(runs, ContainerKey.of(handle), tasks, draft -> {
                model.textProperty().set(draft.text());
            });
            pane.setId("queryHistoryPane");
            model.setHistory(run -> {
                QueryHistory.Entry entry = new QueryHistory.Entry(new QueryDraft(run.text(), run.parameters(),
                        run.scope()), run.startedAt(), run.requestCharge(), run.results(), run.duration());
                tasks.start(io.cosmosdesk.ui.BackgroundTask.of("Recording the query in its history", context -> {
                    runs.record(ContainerKey.of(run.container()), entry);
                    return Boolean.TRUE;
                }).onSuccess(done -> pane.reload()).onFailure(error -> org.slf4j.LoggerFactory.getLogger(QueryFeature.class)
                        .warn("The query could not be recorded in its history: {}", error.getMessage())));
            });
            tab.view();
            tab.controller().addResultsTab("History", pane);
        }
        return tab;
    }
}
