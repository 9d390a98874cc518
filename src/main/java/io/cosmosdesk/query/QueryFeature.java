package io.cosmosdesk.query;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.settings.SettingsStore;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
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
                area -> SqlCompletion.attach(area, tasks, fieldPaths, handle));
        toolTabs.open(tab);
        return tab;
    }
}
