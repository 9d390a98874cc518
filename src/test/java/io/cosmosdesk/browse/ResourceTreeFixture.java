package io.cosmosdesk.browse;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TreeView;

/**
 * The connection tree the tree's GUI tests drive: one emulator connection whose databases and containers a stand-in
 * {@link ResourceService} lists, bound to a real {@link TreeView}; loads run when the test says
 * ({@link #runAllPending}). FX thread.
 */
final class ResourceTreeFixture {

    final ResourceService resources = mock(ResourceService.class);
    final ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
    final ResourceTreeViewModel viewModel;
    final TreeView<ResourceNode> tree = new TreeView<>();

    /** A connection named {@code name} with {@code databases}, each listing {@code containers.apply(database)}. */
    ResourceTreeFixture(String name, List<String> databases, Function<String, List<ContainerInfo>> containers) {
        CosmosConnection connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create(name, AuthKind.EMULATOR,
                "https://localhost:8081"));
        when(resources.readDatabases(connection)).thenReturn(databases);
        when(resources.readContainers(eq(connection), any()))
                .thenAnswer(call -> containers.apply(call.getArgument(1)));
        viewModel = new ResourceTreeViewModel(resources, runner);
        ResourceTreeView.bind(tree, viewModel);
        viewModel.addConnection(connection);
        runner.runAllPending();
    }

    void runAllPending() {
        runner.runAllPending();
    }

    /** A container of {@code db} keyed by {@code paths} (hierarchical when more than one), no throughput of its own. */
    static ContainerInfo container(String db, String id, String... paths) {
        return new ContainerInfo(new ContainerRef(db, id), List.of(paths), paths.length > 1, null);
    }

    /** As {@link #container(String, String, String...)} with {@code throughput} RU/s of its own. */
    static ContainerInfo container(String db, String id, int throughput, String... paths) {
        return new ContainerInfo(new ContainerRef(db, id), List.of(paths), paths.length > 1, throughput);
    }
}
