package io.cosmosdesk.schema;

import static org.mockito.Mockito.mock;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a Schema tab needs around it in tests and benchmarks: a container handle that never reaches a server, and
 * the grid hand-off ({@link SchemaViewModel.Host}) recorded instead of acted on.
 */
public final class SchemaTabFixture {

    private SchemaTabFixture() {
    }

    /** {@code database/container} keyed by {@code /customerId}, on a client that is never called. */
    public static ContainerHandle container(String database, String container) {
        return io.cosmosdesk.testing.OfflineContainer.handle(database, container);
    }

    /** A Schema tab's view-model over {@code service}, handing its field actions to {@code grid}. */
    public static SchemaViewModel viewModel(ContainerHandle container, SchemaService service, TaskRunner tasks,
            GridHandOff grid) {
        return new SchemaViewModel(container, service, tasks, mock(DialogService.class), grid);
    }

    /** The grid and query workspace, as calls written down: "column c.x", "filter …", "sort c.x", "sampled 10". */
    public static final class GridHandOff implements SchemaViewModel.Host {
        public final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public java.util.Optional<String> addColumn(ContainerHandle container, JsonPath path) {
            boolean shown = calls.contains("column " + path);
            calls.add("column " + path);
            // as the grid answers a column it already shows
            return shown ? java.util.Optional.of("The grid already shows " + path + ".")
                    : java.util.Optional.empty();
        }

        @Override
        public void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter) {
            calls.add("filter " + filter.describe());
        }

        @Override
        public void sortBy(ContainerHandle container, JsonPath path) {
            calls.add("sort " + path);
        }

        /** No query workspace: the tab copies the starter query instead. */
        @Override
        public boolean openQuery(ContainerHandle container, String sql) {
            return false;
        }

        @Override
        public void sampled(ContainerHandle container, SchemaSummary summary) {
            calls.add("sampled " + summary.itemsInspected());
        }
    }
}
