package io.cosmosdesk.schema;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;

/**
 * Plugs schema insight into the app: the "Schema" container action (tree menu, Container menu, Items toolbar) opens
 * or fronts the container's Schema tab, whose field actions reach the container's grid through {@link Grids}.
 */
public final class SchemaFeature {

    /** The container's Items tab, as the schema's field actions need it (the app's composition root gives it). */
    public interface Grids {
        /**
         * Opens (or fronts) the container's Items tab and adds a column for {@code path}.
         *
         * @return why it was not added (e.g. the grid already shows it), or empty
         */
        java.util.Optional<String> addColumn(ContainerHandle container, io.cosmosdesk.cosmos.JsonPath path);

        /** Opens (or fronts) the container's Items tab and sorts it on the server by {@code path}. */
        void sortBy(ContainerHandle container, io.cosmosdesk.cosmos.JsonPath path);

        /** Opens the query workspace on {@code sql}; false when this build has none. */
        default boolean openQuery(ContainerHandle container, String sql) {
            return false;
        }
    }

    private final SchemaService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Grids grids;
    private final FieldPathCatalog catalog;
    private ToolTabs toolTabs;

    public SchemaFeature(SchemaService service, TaskRunner tasks, DialogService dialogs, Grids grids,
            FieldPathCatalog catalog) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.grids = Objects.requireNonNull(grids);
        this.catalog = Objects.requireNonNull(catalog);
    }

    public void install(ToolTabs tabs, ContainerActions actions) {
        this.toolTabs = Objects.requireNonNull(tabs);
        actions.add(new ContainerAction("Schema", null, true, (window, container) -> open(container)));
    }

    /** Fronts the container's Schema tab, opening one if there is none. */
    public void open(ContainerHandle container) {
        java.util.Optional<ToolTab> open = toolTabs.find(tool -> SchemaTab.KIND.equals(tool.kind())
                && container.equals(tool.container()));
        if (open.isPresent()) {
            toolTabs.select(open.get());
            return;
        }
        SchemaViewModel viewModel = new SchemaViewModel(container, service, tasks, dialogs, host());
        viewModel.reportFailuresTo(toolTabs.containerFailures());
        toolTabs.open(new SchemaTab(viewModel, tasks));
        viewModel.analyse(); // the default sample (1,000 items) is cheap: the figures start filling in at once
    }

    public FieldPathCatalog catalog() {
        return catalog;
    }

    private SchemaViewModel.Host host() {
        return new SchemaViewModel.Host() {
            @Override
            public java.util.Optional<String> addColumn(ContainerHandle container,
                    io.cosmosdesk.cosmos.JsonPath path) {
                return grids.addColumn(container, path);
            }

            @Override
            public void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter) {
                toolTabs.setFilter(container, filter);
            }

            @Override
            public void sortBy(ContainerHandle container, io.cosmosdesk.cosmos.JsonPath path) {
                grids.sortBy(container, path);
            }

            @Override
            public boolean openQuery(ContainerHandle container, String sql) {
                return grids.openQuery(container, sql);
            }

            @Override
            public void sampled(ContainerHandle container, SchemaSummary summary) {
                tasks.start(io.cosmosdesk.ui.BackgroundTask.of("Saving the field paths of " + container.ref(),
                        context -> {
                            catalog.remember(container, summary);
                            return null;
                        }));
            }
        };
    }
}
