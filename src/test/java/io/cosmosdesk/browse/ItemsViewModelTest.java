package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemCount;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The Items tab's view-model with a mocked service and a synchronous task runner; no toolkit. */
class ItemsViewModelTest {

    @TempDir
    Path config;

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private ContainerHandle orders;
    private ColumnSettingsStore settings;

    /** Every page stream the view-model opened, oldest first. */
    private final List<PageByPageStream> streams = new ArrayList<>();

    @BeforeEach
    void setUp() {
        orders = handle("orders", false);
        settings = new ColumnSettingsStore(config);
        PageByPageStream.answerPageByPage(service, streams);
    }

    private static ContainerHandle handle(String container, boolean readOnly) {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/")
                .withReadOnly(readOnly);
        CosmosConnection connection = new CosmosConnection(profile, mock(CosmosAsyncClient.class));
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef("retail", container),
                List.of("/customerId"), false, null));
    }

    private static ItemRow row(String id, Object customerId) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", id);
        if (customerId instanceof String s) {
            item.put("customerId", s);
        } else if (customerId == null) {
            item.putNull("customerId");
        }
        item.putObject("customer").put("name", "Name of " + id);
        return ItemRow.of(item, List.of("/customerId"));
    }

    private static List<ItemRow> rows(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> row(prefix + i, "c" + i)).toList();
    }

    private static ItemPage page(List<ItemRow> rows, String continuation, double charge) {
        return new ItemPage(rows, continuation, charge, Duration.ofMillis(143), "act-1");
    }

    private ItemsViewModel viewModel(ImmediateTaskRunner tasks) {
        return new ItemsViewModel(orders, service, tasks, dialogs, settings);
    }

    @Test
    void firstPageThenLoadMoreAppendsWithTheContinuationTokenAndSumsTheCharge() {
        when(service.queryItemsPage(eq(orders), any(), isNull(), eq(100))).thenReturn(page(rows("a", 0, 100), "t1", 12.4));
        when(service.queryItemsPage(eq(orders), any(), eq("t1"), eq(100))).thenReturn(page(rows("a", 100, 20), null, 3.0));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());

        vm.refresh();
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("1–100 · more available · 12.4 RU page / 12.4 RU total · 143 ms");

        vm.loadMore();
        assertThat(vm.rows()).hasSize(120);
        assertThat(vm.rows().get(100).id()).isEqualTo("a100");
        assertThat(vm.hasMoreProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).isEqualTo("1–120 · all loaded · 3.0 RU page / 15.4 RU total · 143 ms");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.ROWS);

        vm.loadMore(); // no token: nothing to do
        verify(service, never()).queryItemsPage(any(), any(), eq((String) null), eq(50));
    }

    @Test
    void pageSizeIsClampedAndUsedForTheNextPage() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.pageSizeProperty().set(5_000);
        assertThat(vm.pageSizeProperty().get()).isEqualTo(1_000);
        vm.pageSizeProperty().set(0);
        assertThat(vm.pageSizeProperty().get()).isEqualTo(1);
        vm.pageSizeProperty().set(250);
        vm.refresh();
        verify(service).queryItemsPage(orders, ItemQuery.all(), null, 250);
    }

    @Test
    void anAnswerForAnOlderFilterIsDropped() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), eq(ItemQuery.all()), any(), anyInt()))
                .thenReturn(page(rows("old", 0, 100), "old-token", 5));
        when(service.queryItemsPage(any(), eq(ItemQuery.filtered("WHERE c.status = 'paid'")), any(), anyInt()))
                .thenReturn(page(rows("paid", 0, 3), null, 2));
        ItemsViewModel vm = viewModel(tasks);

        vm.refresh();                                      // slow: all items
        vm.filterTextProperty().set("WHERE c.status = 'paid'");
        vm.applyFilter();                                  // quick: the filter
        tasks.runPending(1);                               // the filter's answer arrives first
        tasks.runPending(0);                               // then the stale one

        assertThat(vm.rows()).extracting(ItemRow::id).containsExactly("paid0", "paid1", "paid2");
        assertThat(vm.hasMoreProperty().get()).as("the stale token must not be kept").isFalse();
        assertThat(vm.statusTextProperty().get()).contains("2.0 RU total");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aStaleLoadMoreAfterRefreshDoesNotAppendToTheNewRows() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), any(), isNull(), anyInt()))
                .thenReturn(page(rows("a", 0, 100), "t1", 1))
                .thenReturn(page(rows("b", 0, 100), "t2", 1));
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt())).thenReturn(page(rows("a", 100, 100), null, 1));
        ItemsViewModel vm = viewModel(tasks);
        vm.refresh();
        tasks.runPending(0);
        vm.loadMore();              // started on the first query
        vm.refresh();               // user refreshes before it answers
        tasks.runPending(1);        // stale load-more answer
        tasks.runPending(2);        // the refresh

        assertThat(vm.rows()).hasSize(100).allSatisfy(row -> assertThat(row.id()).startsWith("b"));
    }

    @Test
    void everyCallCarriesTheContainerTheTabWasOpenedOn() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        when(service.countItems(any(), any())).thenReturn(new ItemCount(2, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        vm.count();
        ArgumentCaptor<ContainerHandle> target = ArgumentCaptor.forClass(ContainerHandle.class);
        verify(service).queryItemsPage(target.capture(), any(), any(), anyInt());
        assertThat(target.getValue()).isSameAs(orders);
        verify(service).countItems(eq(orders), any());
    }

    @Test
    void cancelStopsTheQueryKeepsTheRowsAndDropsTheLateAnswer() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), any(), isNull(), anyInt())).thenReturn(page(rows("a", 0, 100), "t1", 1));
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt())).thenReturn(page(rows("a", 100, 100), "t2", 1));
        ItemsViewModel vm = viewModel(tasks);
        vm.refresh();
        tasks.runPending(0);
        vm.loadMore();
        assertThat(vm.busyProperty().get()).isTrue();

        vm.cancel();
        tasks.runPending(1);

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.hasMoreProperty().get()).as("the next page can still be loaded").isTrue();
        vm.loadMore();
        tasks.runPending(2);
        assertThat(vm.rows()).hasSize(200);
    }

    @Test
    void emptyContainerAndNoMatchesAreDifferentStates() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.EMPTY_CONTAINER);

        vm.filterTextProperty().set("c.status = 'x'");
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.NO_MATCHES);
        assertThat(vm.appliedFilterProperty().get()).isEqualTo("WHERE c.status = 'x'");
    }

    @Test
    void aSyntaxErrorShowsUnderTheFilterNotAsABannerOrDialog() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenThrow(new CosmosDeskException(
                ErrorKind.BAD_REQUEST, "Cosmos DB rejected the request: Syntax error, incorrect syntax near 'WHER'."));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.filterTextProperty().set("WHER c.x = 1");
        vm.applyFilter();
        assertThat(vm.filterErrorProperty().get()).contains("Syntax error");
        assertThat(vm.errorMessageProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.FILTER_ERROR);
        verify(dialogs, never()).showError(anyString(), any());
        assertThat(vm.filterHistory()).as("a refused filter is not offered again").isEmpty();
        assertThat(vm.filterTextProperty().get()).as("the text stays to be fixed").isEqualTo("WHER c.x = 1");
    }

    @Test
    void otherFailuresShowABannerAndRetryRunsAgain() {
        when(service.queryItemsPage(any(), any(), any(), anyInt()))
                .thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach the account."))
                .thenReturn(page(rows("a", 0, 3), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Could not load items: Cannot reach the account.");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.ERROR);

        vm.retry();
        assertThat(vm.errorMessageProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void filterHistoryIsNewestFirstWithoutDuplicatesCappedAndRememberedPerContainer() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        for (String filter : List.of("WHERE c.a = 1", "WHERE c.b = 2", "WHERE c.a = 1")) {
            vm.filterTextProperty().set(filter);
            vm.applyFilter();
        }
        assertThat(vm.filterHistory()).containsExactly("WHERE c.a = 1", "WHERE c.b = 2");
        assertThat(vm.filterSuggestions()).startsWith("WHERE c.a = 1", "WHERE c.b = 2")
                .contains("WHERE c[\"customerId\"] = \"\"", "ORDER BY c._ts DESC");

        for (int i = 0; i < 60; i++) {
            vm.filterTextProperty().set("WHERE c.n = " + i);
            vm.applyFilter();
        }
        assertThat(vm.filterHistory()).hasSize(ItemsViewModel.HISTORY_LIMIT).first().isEqualTo("WHERE c.n = 59");

        ItemsViewModel reopened = viewModel(ImmediateTaskRunner.immediate());
        assertThat(reopened.filterHistory()).first().isEqualTo("WHERE c.n = 59");
        ItemsViewModel other = new ItemsViewModel(handle("invoices", false), service,
                ImmediateTaskRunner.immediate(), dialogs, new ColumnSettingsStore(config));
        assertThat(other.filterHistory()).isEmpty();
    }

    @Test
    void columnsStartWithIdAndKeyAndUserColumnsAreRememberedPerContainer() {
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        assertThat(vm.columns()).extracting(ItemColumn::header).containsExactly("id", "/customerId");

        assertThat(vm.addColumn("/customer/name")).isEmpty();
        assertThat(vm.addColumn("/customer/name")).hasValueSatisfying(m -> assertThat(m).contains("already"));
        assertThat(vm.addColumn("/a//b")).hasValueSatisfying(m -> assertThat(m).contains("empty level"));
        assertThat(vm.addColumn("status")).isEmpty();

        ItemsViewModel reopened = new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), dialogs,
                new ColumnSettingsStore(config));
        assertThat(reopened.columns()).extracting(ItemColumn::header)
                .containsExactly("id", "/customerId", "/customer/name", "/status");

        reopened.removeColumn(reopened.columns().get(1)); // the key column stays
        reopened.removeColumn(reopened.columns().get(2));
        assertThat(new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), dialogs,
                new ColumnSettingsStore(config)).columns()).extracting(ItemColumn::header)
                .containsExactly("id", "/customerId", "/status");
    }

    @Test
    void aDottedColumnPathReadsTheNestedPropertyAndAPathNoLoadedItemHasIsNamed() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 3), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();

        assertThat(vm.addColumn("customer.name")).isEmpty();
        // the last column: the loaded rows' own default columns come before it
        ItemColumn name = vm.columns().get(vm.columns().size() - 1);
        assertThat(name.header()).isEqualTo("/customer/name");
        assertThat(vm.cellOf(vm.rows().get(0), name).text()).isEqualTo("Name of a0");
        assertThat(vm.noticeProperty().get()).isNull();

        assertThat(vm.addColumn("/customer.name")).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("None of the 3 loaded items has /customer.name: its cells "
                + "show (missing). Names are case-sensitive. For a nested property write /customer/name or "
                + "customer.name.");

        vm.dismissNotice();
        assertThat(vm.addColumn("c[\"customer\"].Name")).isEmpty();
        assertThat(vm.noticeProperty().get()).startsWith("None of the 3 loaded items has /customer/Name:");
    }

    @Test
    void aShownRowsCellIsWorkedOutOnceAndARowsNewVersionGetsItsOwn() {
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.addColumn("/customer/name");
        ItemColumn name = vm.columns().get(2);
        ItemRow shown = row("a", "c1");
        // the grid asks a visible cell's value on every layout pass: the same instance costs the cell nothing
        ItemColumn.Cell first = vm.cellOf(shown, name);
        assertThat(vm.cellOf(shown, name)).isSameAs(first);
        assertThat(vm.cellOf(shown, vm.columns().get(0))).isSameAs(vm.cellOf(shown, vm.columns().get(0)));
        assertThat(vm.cellOf(row("a", "c1"), name)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void cellsTellMissingNullAndEmptyStringApart() {
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.addColumn("/customer/name");
        ItemColumn key = vm.columns().get(1);
        ItemColumn name = vm.columns().get(2);
        assertThat(vm.cellOf(row("a", "c1"), key)).isEqualTo(new ItemColumn.Cell("c1", ItemColumn.CellKind.TEXT));
        assertThat(vm.cellOf(row("a", null), key)).isEqualTo(ItemColumn.Cell.NULL);
        assertThat(vm.cellOf(row("a", 0), key)).isEqualTo(ItemColumn.Cell.MISSING);
        assertThat(vm.cellOf(row("a", ""), key)).isEqualTo(ItemColumn.Cell.EMPTY_STRING);
        assertThat(vm.cellOf(row("a", "c1"), name).text()).isEqualTo("Name of a");
        vm.addColumn("/nope");
        assertThat(vm.cellOf(row("a", "c1"), vm.columns().get(3))).isEqualTo(ItemColumn.Cell.MISSING);
    }

    @Test
    void sortingCyclesAscendingDescendingOffOnTheServer() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        ItemColumn key = vm.columns().get(1);

        vm.sortBy(key);
        assertThat(vm.currentSort().descending()).isFalse();
        assertThat(vm.sortLabelProperty().get()).isEqualTo("Sorted on the server by /customerId ↑");
        vm.sortBy(key);
        assertThat(vm.currentSort().descending()).isTrue();
        vm.sortBy(key);
        assertThat(vm.currentSort()).isNull();
        assertThat(vm.sortLabelProperty().get()).isEmpty();

        ArgumentCaptor<ItemQuery> queries = ArgumentCaptor.forClass(ItemQuery.class);
        verify(service, org.mockito.Mockito.times(4)).queryItemsPage(any(), queries.capture(), any(), anyInt());
        assertThat(queries.getAllValues().get(2).toSqlQuerySpec().getQueryText())
                .isEqualTo("SELECT * FROM c ORDER BY c[\"customerId\"] DESC");
    }

    @Test
    void sortingIsRefusedWhileTheFilterOrdersItself() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.filterTextProperty().set("ORDER BY c._ts DESC");
        vm.applyFilter();
        vm.sortBy(vm.columns().get(0));
        assertThat(vm.noticeProperty().get()).contains("own ORDER BY");
        verify(service, org.mockito.Mockito.times(1)).queryItemsPage(any(), any(), any(), anyInt());
    }

    @Test
    void findByIdRunsAParameterizedQuery() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 1), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.findById("x\" OR 1=1 --");
        ArgumentCaptor<ItemQuery> query = ArgumentCaptor.forClass(ItemQuery.class);
        verify(service).queryItemsPage(any(), query.capture(), any(), anyInt());
        var spec = query.getValue().toSqlQuerySpec();
        assertThat(spec.getQueryText()).isEqualTo("SELECT * FROM c WHERE c[\"id\"] = @p0");
        assertThat(spec.getParameters().get(0).getValue(Object.class)).isEqualTo("x\" OR 1=1 --");
    }

    @Test
    void movingEverythingShownIsDescribedInWordsFromTheAppliedQuery() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 1), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.describeEverythingShown()).isEqualTo("every item in retail/orders");

        vm.findById("INV-2024-00318");
        assertThat(vm.describeEverythingShown()).isEqualTo("every item in retail/orders whose id is \"INV-2024-00318\"");
        // what a move of everything runs is the grid's own parameterised query, not the text it displays
        var spec = vm.appliedQueryProperty().get().toSqlQuerySpec();
        assertThat(spec.getQueryText()).isEqualTo("SELECT * FROM c WHERE c[\"id\"] = @p0");

        vm.filterTextProperty().set("c.status = \"paid\" ORDER BY c.orderDate DESC");
        vm.applyFilter();
        assertThat(vm.describeEverythingShown()).isEqualTo("every item in retail/orders where c.status = \"paid\"");
    }

    @Test
    void theStatusStripFollowsRowsAddedOrRemovedOutsideAPageLoad() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.statusTextProperty().get()).startsWith("0 items · none loaded");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.EMPTY_CONTAINER);

        // the editor saved a new item, then another
        vm.upsertRow(JsonNodeFactory.instance.objectNode().put("id", "n1").put("customerId", "c1"));
        vm.upsertRow(JsonNodeFactory.instance.objectNode().put("id", "n2").put("customerId", "c2"));
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.statusTextProperty().get()).startsWith("1–2 · all loaded");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.ROWS);

        // the editor deleted one, then the other
        vm.removeRow("n1", PartitionKeyValue.of("c1"));
        assertThat(vm.statusTextProperty().get()).startsWith("1–1 · all loaded");
        vm.removeRow("n2", PartitionKeyValue.of("c2"));
        assertThat(vm.statusTextProperty().get()).startsWith("0 items · none loaded");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.EMPTY_CONTAINER);
    }

    @Test
    void goToIdIsShownWhileActiveAndClearEmptiesItsBox() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 1), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.activeIdProperty().get()).isNull();

        vm.goToIdTextProperty().set(" a0 ");
        vm.goToId();
        assertThat(vm.activeIdProperty().get()).isEqualTo("a0");

        vm.clearFilter();
        assertThat(vm.goToIdTextProperty().get()).isEmpty();
        assertThat(vm.activeIdProperty().get()).isNull();

        // a typed filter replaces the go-to-id too
        vm.findById("a0");
        vm.filterTextProperty().set("WHERE c.x = 1");
        vm.applyFilter();
        assertThat(vm.goToIdTextProperty().get()).isEmpty();
        assertThat(vm.activeIdProperty().get()).isNull();
    }

    @Test
    void aRowCreatedHereThatALaterPageBringsAgainShowsOnceAndTheStatusCountsItOnce() {
        when(service.queryItemsPage(eq(orders), any(), isNull(), anyInt())).thenReturn(page(rows("a", 0, 2), "t1", 1));
        when(service.queryItemsPage(eq(orders), any(), eq("t1"), anyInt()))
                .thenReturn(page(List.of(row("a2", "c2"), row("TEST-DUP-1", "c9")), "t2", 1));
        when(service.queryItemsPage(eq(orders), any(), eq("t2"), anyInt()))
                .thenReturn(page(List.of(row("a3", "c3")), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();

        vm.upsertRow(row("TEST-DUP-1", "c9").json()); // saved in the editor: shown at once as the first row
        vm.loadMore();
        vm.loadMore();

        assertThat(vm.rows()).extracting(ItemRow::id).containsExactly("TEST-DUP-1", "a0", "a1", "a2", "a3");
        assertThat(vm.statusTextProperty().get()).startsWith("1–5 · all loaded");
    }

    @Test
    void underASortARowSavedHereThatALaterPageBringsAgainAtItsNewPlaceShowsOnce() {
        ItemRow moved = row("a1", "c1");
        when(service.queryItemsPage(eq(orders), any(), isNull(), anyInt())).thenReturn(page(rows("a", 0, 3), "t1", 1));
        when(service.queryItemsPage(eq(orders), any(), eq("t1"), anyInt()))
                .thenReturn(page(List.of(row("a3", "c3"), moved, row("a1", "other-partition")), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.addColumn("/n");
        vm.sortBy(vm.columns().get(vm.columns().size() - 1));

        vm.upsertRow(moved.json().deepCopy().put("n", 999)); // its sort value changed: the server puts it later
        vm.loadMore();

        assertThat(vm.rows()).extracting(row -> row.ref().toString()).containsExactly(row("a0", "c0").ref().toString(),
                moved.ref().toString(), row("a2", "c2").ref().toString(), row("a3", "c3").ref().toString(),
                row("a1", "other-partition").ref().toString());
        assertThat(vm.rows().get(1).json().get("n").asInt()).as("the row keeps the saved version").isEqualTo(999);
        assertThat(vm.statusTextProperty().get()).startsWith("1–5 · all loaded");
    }

    @Test
    void everyNewQueryIsAnnouncedSoStaleMessagesCanGo() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 1), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        List<String> told = new ArrayList<>();
        vm.queriesRunProperty().addListener((obs, old, count) -> told.add("new query"));
        vm.refresh();
        vm.refresh();
        vm.findById("a0");
        vm.clearFilter();
        assertThat(told).hasSize(4);
    }

    @Test
    void aContainerKeyedOnIdShowsOneIdColumnAndHintsFromItsOwnKey() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        ContainerHandle playground = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("scratch", "playground"), List.of("/id"), false, null));
        ItemsViewModel vm = new ItemsViewModel(playground, service, ImmediateTaskRunner.immediate(), dialogs, settings);
        assertThat(vm.columns()).extracting(ItemColumn::header).containsExactly("id");
        assertThat(vm.filterHint()).isEqualTo("e.g. c.id = \"…\"");
        assertThat(viewModel(ImmediateTaskRunner.immediate()).filterHint())
                .isEqualTo("e.g. c.customerId = \"…\"");
    }

    @Test
    void theFilterHintShowsARealKeyValueOfItsType() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        ContainerHandle escalations = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("support", "escalations"), List.of("/priority"), false, null));
        ItemsViewModel vm = new ItemsViewModel(escalations, service, ImmediateTaskRunner.immediate(), dialogs, settings);
        assertThat(vm.filterHint()).isEqualTo("e.g. c.priority = \"…\"");
        ObjectNode missing = JsonNodeFactory.instance.objectNode().put("id", "m");
        ObjectNode numeric = JsonNodeFactory.instance.objectNode().put("id", "n").put("priority", 3);
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(
                ItemRow.of(missing, List.of("/priority")), ItemRow.of(numeric, List.of("/priority"))), null, 1));
        vm.refresh();
        assertThat(vm.filterHint()).isEqualTo("e.g. c.priority = 3");
    }

    @Test
    // a count answering for an older query is dropped: ItemCounterTest
    void countShowsCountingThenTheFigureWithItsCharge() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        when(service.countItems(any(), any())).thenReturn(new ItemCount(12_000, 3.14));
        ItemsViewModel vm = viewModel(tasks);
        vm.refresh();
        tasks.runPending(0);
        vm.count();
        assertThat(vm.countTextProperty().get()).isEqualTo("Counting…");
        tasks.runPending(1);
        assertThat(vm.countTextProperty().get()).isEqualTo("12,000 items in the container · 3.1 RU");
    }

    @Test
    void deleteAsksFirstThenRemovesWhatIsGoneAndSummarisesFailures() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 5), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        List<ItemRow> chosen = List.copyOf(vm.rows().subList(0, 4));
        vm.setSelection(chosen);
        ItemRef a0 = chosen.get(0).ref();
        ItemRef a1 = chosen.get(1).ref();
        ItemRef a2 = chosen.get(2).ref();
        ItemRef a3 = chosen.get(3).ref();
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        when(service.deleteItems(eq(orders), eq(List.of(a0, a1, a2, a3)), any(), any())).thenReturn(
                new DeleteResult(List.of(a0, a1), List.of(a2),
                        List.of(new DeleteResult.Failure(a3, ErrorKind.FORBIDDEN, "Not allowed.")), List.of(), 40));

        vm.deleteSelected();

        assertThat(vm.rows()).extracting(ItemRow::id).containsExactly("a3", "a4");
        assertThat(vm.noticeProperty().get()).isEqualTo(
                "Deleted 3 of 4 items. 1 was already gone. 1 failed: 'a3' (\"c3\") — Not allowed.");
        assertThat(vm.deletingProperty().get()).isFalse();
    }

    @Test
    void aBulkDeleteIsListedInTheJobsPanelWithItsProgressCancelAndOutcome() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 3), null, 1));
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        when(service.deleteItems(any(), any(), any(), any())).thenAnswer(call -> {
            java.util.function.BooleanSupplier stop = call.getArgument(3);
            List<ItemRef> refs = call.getArgument(1);
            io.cosmosdesk.cosmos.ItemQueryService.DeleteProgress progress = call.getArgument(2);
            progress.update(1, refs.size());
            List<ItemRef> deleted = new ArrayList<>();
            List<ItemRef> left = new ArrayList<>();
            for (ItemRef ref : refs) {
                (stop.getAsBoolean() ? left : deleted).add(ref);
            }
            return new DeleteResult(deleted, List.of(), List.of(), left, 1);
        });
        io.cosmosdesk.jobs.Jobs jobs = new io.cosmosdesk.jobs.Jobs(tasks);
        ItemsViewModel vm = viewModel(tasks);
        vm.reportJobsTo(jobs);
        vm.refresh();
        tasks.runPending(0);
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();

        io.cosmosdesk.jobs.Job job = jobs.jobs().get(0);
        assertThat(job.kind()).isEqualTo("Delete");
        assertThat(job.title()).isEqualTo("3 items of " + orders);
        assertThat(job.state()).isEqualTo(io.cosmosdesk.jobs.JobState.RUNNING);
        job.cancel(); // the panel's Cancel: the deletes not yet sent are not sent
        tasks.runPending(1);

        assertThat(job.state()).isEqualTo(io.cosmosdesk.jobs.JobState.CANCELLED);
        assertThat(job.statusProperty().get()).isEqualTo("Stopped: deleted 0 of 3 items. 3 left untouched.");
    }

    @Test
    void deleteDoesNothingWithoutConfirmation() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();
        verify(service, never()).deleteItems(any(), any(), any(), any());
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void deleteIsRefusedOnAReadOnlyConnectionWithoutAsking() {
        ContainerHandle readOnly = handle("orders", true);
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = new ItemsViewModel(readOnly, service, ImmediateTaskRunner.immediate(), dialogs, settings);
        vm.refresh();
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();
        verify(dialogs, never()).confirm(anyString(), anyString(), anyString());
        // the refusal goes to the service's read-only door, which sends nothing and records each refused delete
        // (ReadOnlyDeleteAuditedTest proves that with the real service and audit log)
        verify(service).deleteItems(eq(readOnly), any(), any(), any());
        assertThat(vm.noticeProperty().get()).contains("read-only");
    }

    @Test
    void cancellingADeleteStopsNewDeletesAndReportsWhatWasLeft() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 3), null, 1));
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        AtomicReference<java.util.function.BooleanSupplier> stopFlag = new AtomicReference<>();
        when(service.deleteItems(any(), any(), any(), any())).thenAnswer(call -> {
            stopFlag.set(call.getArgument(3));
            List<ItemRef> refs = call.getArgument(1);
            List<ItemRef> deleted = new ArrayList<>();
            List<ItemRef> left = new ArrayList<>();
            for (ItemRef ref : refs) {
                (stopFlag.get().getAsBoolean() ? left : deleted).add(ref);
            }
            return new DeleteResult(deleted, List.of(), List.of(), left, 1);
        });
        ItemsViewModel vm = viewModel(tasks);
        vm.refresh();
        tasks.runPending(0);
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();
        assertThat(vm.deletingProperty().get()).isTrue();
        vm.cancel();
        tasks.runPending(1);

        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.noticeProperty().get()).isEqualTo("Stopped: deleted 0 of 3 items. 3 left untouched.");
    }

    @Test
    void selectedItemIsTheOneSelectedRowAndOpenHandsItOver() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 3), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        List<ItemRow> opened = new ArrayList<>();
        vm.setHost(new ItemsViewModel.Host() {
            @Override
            public void openItem(ItemRow row) {
                opened.add(row);
            }
        });

        vm.setSelection(List.of(vm.rows().get(1)));
        assertThat(vm.selectedItemProperty().get().id()).isEqualTo("a1");
        assertThat(vm.selectedItemProperty().get().partitionKey()).isEqualTo(PartitionKeyValue.of("c1"));
        assertThat(vm.selectedItemProperty().get().json().get("customer").get("name").asText()).isEqualTo("Name of a1");
        vm.openSelected();
        assertThat(opened).extracting(ItemRow::id).containsExactly("a1");

        vm.setSelection(List.copyOf(vm.rows()));
        assertThat(vm.selectedItemProperty().get()).isNull();
    }

    @Test
    void theOutdatedHintShowsWhileTheTypedFilterDiffersFromTheAppliedOne() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        assertThat(vm.filterOutdatedBinding().get()).isFalse();
        vm.filterTextProperty().set("WHERE c.x = 1");
        assertThat(vm.filterOutdatedBinding().get()).isTrue();
        vm.applyFilter();
        assertThat(vm.filterOutdatedBinding().get()).isFalse();
    }

    @Test
    void selectOnlyPutsTheSelectionOnTheLoadedRowOfAnItemOrClearsIt() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 3), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        List<List<ItemRow>> shown = new ArrayList<>();
        vm.setOnSelectionChosen(shown::add);
        vm.refresh();
        vm.setSelection(List.of(vm.rows().get(2)));

        vm.selectOnly(vm.rows().get(0).ref());
        assertThat(vm.selection()).containsExactly(vm.rows().get(0));
        assertThat(vm.selectedItemProperty().get()).isEqualTo(vm.rows().get(0));

        vm.selectOnly(row("not-loaded", "c9").ref());
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.selectedItemProperty().get()).isNull();

        vm.selectOnly(null);
        assertThat(shown).containsExactly(List.of(vm.rows().get(0)), List.of(), List.of());
    }

    @Test
    void aServerSortWithNoRowsSaysItemsWithoutThePathAreLeftOutAndOffersToRemoveTheSort() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.addColumn("/x");
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.EMPTY_CONTAINER);

        vm.sortBy(vm.columns().get(2));
        assertThat(vm.stateProperty().get()).isNotEqualTo(ItemsViewModel.State.EMPTY_CONTAINER)
                .isEqualTo(ItemsViewModel.State.SORT_LEFT_OUT);

        // filtered and sorted: no matches (the grid adds that the sort leaves out more), never "empty container"
        vm.filterTextProperty().set("c.status = 'x'");
        vm.applyFilter();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.NO_MATCHES);
        assertThat(vm.currentSort()).isEqualTo(new io.cosmosdesk.cosmos.ItemQuery.Sort(io.cosmosdesk.cosmos.JsonPath.parse("/x"), false));

        vm.removeSort();
        assertThat(vm.currentSort()).isNull();
        assertThat(vm.sortLabelProperty().get()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.NO_MATCHES);
    }

    @Test
    void removingTheSortedColumnDropsTheSort() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.addColumn("/x");
        vm.addColumn("/y");
        vm.refresh();
        vm.sortBy(vm.columns().get(2));
        assertThat(vm.sortLabelProperty().get()).isEqualTo("Sorted on the server by /x ↑");

        vm.removeColumn(vm.columns().get(3)); // another column: the sort stays
        assertThat(vm.currentSort()).isEqualTo(new io.cosmosdesk.cosmos.ItemQuery.Sort(io.cosmosdesk.cosmos.JsonPath.parse("/x"), false));

        vm.removeColumn(vm.columns().get(2));
        assertThat(vm.currentSort()).isNull();
        assertThat(vm.sortLabelProperty().get()).isEmpty();
        vm.refresh();
        assertThat(vm.currentSort()).isNull();
    }

    @Test
    void deletingEveryLoadedRowLoadsTheNextPage() {
        when(service.queryItemsPage(any(), any(), isNull(), anyInt())).thenReturn(page(rows("a", 0, 3), "t1", 1));
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt())).thenReturn(page(rows("a", 3, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        List<ItemRow> all = List.copyOf(vm.rows());
        List<ItemRef> refs = all.stream().map(ItemRow::ref).toList();
        vm.setSelection(all);
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        when(service.deleteItems(eq(orders), eq(refs), any(), any()))
                .thenReturn(new DeleteResult(refs, List.of(), List.of(), List.of(), 30));

        vm.deleteSelected();

        assertThat(vm.rows()).extracting(ItemRow::id).containsExactly("a3", "a4");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.ROWS);
        assertThat(vm.statusTextProperty().get()).startsWith("1–2 · all loaded");
    }

    @Test
    void aDeleteClearsTheSelectionWhenItStartsSoNothingOpensRowsGoingAway() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 5), null, 1));
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        ItemsViewModel vm = viewModel(tasks);
        List<List<ItemRow>> shown = new ArrayList<>();
        vm.setOnSelectionChosen(shown::add);
        vm.refresh();
        tasks.runPending(0);
        List<ItemRow> chosen = List.copyOf(vm.rows().subList(0, 3));
        vm.setSelection(chosen);
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);

        vm.deleteSelected();

        assertThat(vm.deletingProperty().get()).isTrue();
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.selectedItemProperty().get()).isNull();
        assertThat(shown).isNotEmpty();
        assertThat(shown.get(shown.size() - 1)).isEmpty();
        verify(service, never()).deleteItems(any(), any(), any(), any());
    }

    @Test
    void aDeleteNotConfirmedKeepsTheSelection() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows("a", 0, 2), null, 1));
        ItemsViewModel vm = viewModel(ImmediateTaskRunner.immediate());
        vm.refresh();
        vm.setSelection(List.of(vm.rows().get(0)));
        vm.deleteSelected();
        assertThat(vm.selection()).hasSize(1);
    }
}
