package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceTreeViewModelTest {

    private final ResourceService resources = mock(ResourceService.class);
    private CosmosConnection connection;

    @BeforeEach
    void setUp() {
        connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create("Local", AuthKind.EMULATOR,
                "https://localhost:8081"));
    }

    private static ContainerInfo container(String db, String id, String... paths) {
        return new ContainerInfo(new ContainerRef(db, id), List.of(paths), paths.length > 1, null);
    }

    @Test
    void addingAConnectionLoadsItsDatabases() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail", "iot"));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());

        ResourceNode node = tree.addConnection(connection);

        assertThat(node.loadState()).isEqualTo(ResourceNode.LoadState.LOADED);
        assertThat(node.visibleChildren()).extracting(ResourceNode::label).containsExactly("retail", "iot");
        assertThat(tree.loadsInFlightProperty().get()).isZero();
    }

    @Test
    void databasesLoadTheirContainersOnlyWhenExpanded() {
        when(resources.readDatabases(connection)).thenReturn(List.of("iot"));
        when(resources.readContainers(connection, "iot"))
                .thenReturn(List.of(container("iot", "telemetry", "/tenantId", "/deviceId", "/day")));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode database = tree.addConnection(connection).children().get(0);
        assertThat(database.loadState()).isEqualTo(ResourceNode.LoadState.NOT_LOADED);

        tree.expand(database);

        ResourceNode telemetry = database.children().get(0);
        assertThat(telemetry.kind()).isEqualTo(ResourceNode.Kind.CONTAINER);
        assertThat(telemetry.detail()).isEqualTo("/tenantId › /deviceId › /day");
    }

    @Test
    void aFailedLoadShowsARetryRowWithTheSentenceAndRetryWorks() {
        when(resources.readDatabases(connection))
                .thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE))
                .thenReturn(List.of("retail"));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());

        ResourceNode node = tree.addConnection(connection);

        assertThat(node.loadState()).isEqualTo(ResourceNode.LoadState.FAILED);
        ResourceNode error = node.children().get(0);
        assertThat(error.kind()).isEqualTo(ResourceNode.Kind.ERROR);
        assertThat(error.label()).startsWith("Couldn't load — Cannot reach the account");

        tree.refresh(error);

        assertThat(node.children()).extracting(ResourceNode::label).containsExactly("retail");
    }

    @Test
    void aLateAnswerFromAnOlderLoadIsDropped() {
        // the newer load's task runs first, so its call gets the first answer
        when(resources.readDatabases(connection)).thenReturn(List.of("new"), List.of("old"));
        ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, runner);
        ResourceNode node = tree.addConnection(connection);
        tree.refresh(node);

        runner.runPending(1); // the newer load answers first
        runner.runPending(0); // then the older one, late

        assertThat(node.children()).extracting(ResourceNode::label).containsExactly("new");
        assertThat(tree.loadsInFlightProperty().get()).isZero();
    }

    @Test
    void filterMatchesDatabasesAndContainers() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail", "iot", "support"));
        when(resources.readContainers(eq(connection), any())).thenAnswer(call -> {
            String db = call.getArgument(1);
            return switch (db) {
                case "retail" -> List.of(container(db, "orders", "/customerId"), container(db, "products", "/category"));
                case "iot" -> List.of(container(db, "telemetry", "/tenantId"));
                default -> List.of(container(db, "tickets", "/status"));
            };
        });
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode root = tree.addConnection(connection);
        new ArrayList<>(root.children()).forEach(tree::expand);

        tree.filterTextProperty().set("ORD");

        assertThat(root.visibleChildren()).extracting(ResourceNode::label).containsExactly("retail");
        assertThat(root.visibleChildren().get(0).visibleChildren()).extracting(ResourceNode::label)
                .containsExactly("orders");

        tree.filterTextProperty().set("iot");
        assertThat(root.visibleChildren()).extracting(ResourceNode::label).containsExactly("iot");
        assertThat(root.visibleChildren().get(0).visibleChildren()).extracting(ResourceNode::label)
                .containsExactly("telemetry");

        tree.filterTextProperty().set("");
        assertThat(root.visibleChildren()).hasSize(3);
    }

    private void answerContainers() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail", "iot", "support"));
        when(resources.readContainers(eq(connection), any())).thenAnswer(call -> {
            String db = call.getArgument(1);
            return switch (db) {
                case "retail" -> List.of(container(db, "orders", "/customerId"), container(db, "products", "/c"));
                case "iot" -> List.of(container(db, "telemetry", "/tenantId"), container(db, "devices", "/id"));
                default -> List.of(container(db, "tickets", "/status"));
            };
        });
    }

    @Test
    void filterSearchesContainersOfDatabasesNeverExpandedAndExpandsTheDatabasesHoldingMatches() {
        answerContainers();
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode root = tree.addConnection(connection);

        tree.filterTextProperty().set("tel");

        assertThat(root.visibleChildren()).extracting(ResourceNode::label).containsExactly("iot");
        ResourceNode iot = root.visibleChildren().get(0);
        assertThat(iot.visibleChildren()).extracting(ResourceNode::label).containsExactly("telemetry");
        assertThat(iot.expandedProperty().get()).isTrue();
        assertThat(tree.searchingProperty().get()).isFalse();
    }

    @Test
    void clearingTheFilterRestoresVisibilityAndExpandedStateAsTheUserLeftThem() {
        answerContainers();
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode root = tree.addConnection(connection);
        ResourceNode retail = root.children().get(0);
        retail.expandedProperty().set(true);
        tree.expand(retail);

        tree.filterTextProperty().set("e"); // matches containers in all three databases
        tree.filterTextProperty().set("");

        assertThat(root.visibleChildren()).extracting(ResourceNode::label).containsExactly("retail", "iot", "support");
        assertThat(root.children()).extracting(db -> db.expandedProperty().get()).containsExactly(true, false, false);
        assertThat(root.children()).allSatisfy(db -> assertThat(db.isExpandable()).isTrue());
        assertThat(root.children().get(1).visibleChildren()).extracting(ResourceNode::label)
                .containsExactly("telemetry", "devices");
        assertThat(root.expandedProperty().get()).isTrue();
    }

    @Test
    void filterShowsItIsSearchingAndClearingItCancelsTheSearchAndDropsItsLateAnswers() {
        answerContainers();
        ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, runner);
        ResourceNode root = tree.addConnection(connection);
        runner.runPending(0); // the databases arrive

        tree.filterTextProperty().set("tel");
        assertThat(tree.searchingProperty().get()).isTrue();
        assertThat(runner.pendingCount()).isEqualTo(3);
        assertThat(root.visibleChildren()).isEmpty(); // nothing known to match yet

        tree.filterTextProperty().set("");
        runner.runAllPending();

        assertThat(tree.searchingProperty().get()).isFalse();
        assertThat(tree.loadsInFlightProperty().get()).isZero();
        assertThat(root.children()).allSatisfy(db -> {
            assertThat(db.loadState()).isEqualTo(ResourceNode.LoadState.NOT_LOADED);
            assertThat(db.children()).isEmpty();
            assertThat(db.expandedProperty().get()).isFalse();
        });
        assertThat(root.visibleChildren()).hasSize(3);
    }

    @Test
    void searchAnswersArrivingAfterTheFilterChangedAreJudgedByTheNewText() {
        answerContainers();
        ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, runner);
        ResourceNode root = tree.addConnection(connection);
        runner.runPending(0);

        tree.filterTextProperty().set("tel");
        tree.filterTextProperty().set("tick"); // no second round of loads for databases already loading
        assertThat(runner.pendingCount()).isEqualTo(3);
        runner.runAllPending();

        assertThat(root.visibleChildren()).extracting(ResourceNode::label).containsExactly("support");
        assertThat(root.children()).extracting(db -> db.expandedProperty().get()).containsExactly(false, false, true);
        assertThat(tree.searchingProperty().get()).isFalse();
    }

    @Test
    void environmentTargetsAreRevealedAndOpenedOnceLoaded() {
        when(resources.readDatabases(connection)).thenReturn(List.of("iot", "retail"));
        when(resources.readContainers(connection, "retail"))
                .thenReturn(List.of(container("retail", "orders", "/customerId"), container("retail", "products", "/c")));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        List<io.cosmosdesk.cosmos.ContainerHandle> opened = new ArrayList<>();
        tree.setOnOpenContainer(opened::add);

        ResourceNode root = tree.addConnection(connection, "retail", "products");

        assertThat(root.children().get(1).loadState()).isEqualTo(ResourceNode.LoadState.LOADED);
        assertThat(opened).extracting(handle -> handle.ref().toString()).containsExactly("retail/products");
        // the tree shows where it went: the database expanded, the container selected
        assertThat(root.expandedProperty().get()).isTrue();
        assertThat(root.children().get(1).expandedProperty().get()).isTrue();
        assertThat(root.children().get(0).expandedProperty().get()).isFalse();
        assertThat(tree.revealedProperty().get()).isSameAs(root.children().get(1).children().get(1));
    }

    @Test
    void openingAContainerCarriesItsOwnReference() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail"));
        when(resources.readContainers(connection, "retail")).thenReturn(List.of(container("retail", "orders", "/c")));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        List<io.cosmosdesk.cosmos.ContainerHandle> opened = new ArrayList<>();
        tree.setOnOpenContainer(opened::add);
        ResourceNode database = tree.addConnection(connection).children().get(0);
        tree.expand(database);

        tree.open(database.children().get(0));
        tree.open(database); // databases do not open

        assertThat(opened).extracting(handle -> handle.ref().toString()).containsExactly("retail/orders");
        assertThat(opened.get(0).connection()).isSameAs(connection);
    }

    @Test
    void revealingAnOpenContainerPointsAtItsNodeWithoutOpeningIt() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail", "scratch"));
        when(resources.readContainers(connection, "retail")).thenReturn(List.of(container("retail", "orders", "/c")));
        when(resources.readContainers(connection, "scratch"))
                .thenReturn(List.of(container("scratch", "orders", "/c"), container("scratch", "playground", "/p")));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        List<io.cosmosdesk.cosmos.ContainerHandle> opened = new ArrayList<>();
        tree.setOnOpenContainer(opened::add);
        ResourceNode node = tree.addConnection(connection);
        node.children().forEach(tree::expand);
        ResourceNode scratchOrders = node.children().get(1).children().get(0);

        tree.reveal(new io.cosmosdesk.cosmos.ContainerHandle(connection, scratchOrders.container()));

        assertThat(tree.revealedProperty().get()).isSameAs(scratchOrders);
        assertThat(opened).isEmpty();
        CosmosConnection other = mock(CosmosConnection.class);
        tree.reveal(new io.cosmosdesk.cosmos.ContainerHandle(other, container("retail", "orders", "/c")));
        assertThat(tree.revealedProperty().get()).isSameAs(scratchOrders);
    }

    @Test
    void aContainerCreatedElsewhereShowsInItsLoadedDatabaseWithoutARefresh() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail"));
        when(resources.readContainers(connection, "retail")).thenReturn(List.of(container("retail", "orders", "/c")))
                .thenReturn(List.of(container("retail", "orders", "/c"), container("retail", "orders-copy", "/c")));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode retail = tree.addConnection(connection).children().get(0);
        tree.expand(retail);

        tree.follow(connection, "retail", "orders-copy");

        assertThat(retail.children()).extracting(ResourceNode::label).containsExactly("orders", "orders-copy");
        tree.follow(connection, "retail", "orders"); // listed already: no reload
        org.mockito.Mockito.verify(resources, org.mockito.Mockito.times(2)).readContainers(connection, "retail");
    }

    @Test
    void aNewDatabaseShowsInItsConnectionAndUnloadedListsAreLeftAlone() {
        when(resources.readDatabases(connection)).thenReturn(List.of("retail")).thenReturn(List.of("retail", "copies"));
        ResourceTreeViewModel tree = new ResourceTreeViewModel(resources, ImmediateTaskRunner.immediate());
        ResourceNode node = tree.addConnection(connection);

        tree.follow(connection, "retail", "orders-copy"); // retail was never expanded: it loads when opened
        org.mockito.Mockito.verify(resources, org.mockito.Mockito.never()).readContainers(connection, "retail");
        tree.follow(connection, "copies", "orders");

        assertThat(node.children()).extracting(ResourceNode::label).containsExactly("retail", "copies");
        tree.follow(mock(CosmosConnection.class), "other", "x"); // a connection the tree does not show: nothing
    }
}
