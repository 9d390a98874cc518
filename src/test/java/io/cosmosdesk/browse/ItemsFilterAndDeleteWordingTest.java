package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** What the Items tab says when a filter is refused, when Go to id sets a filter aside, and before a delete. */
class ItemsFilterAndDeleteWordingTest {

    @TempDir
    Path config;

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ContainerHandle orders = new ContainerHandle(
            new CosmosConnection(ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/"),
                    mock(CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));

    private ItemsViewModel viewModel() {
        // the grid pages through a stream: each page answered by queryItemsPage at its token, as stubbed
        PageByPageStream.answerPageByPage(service, new java.util.ArrayList<>());
        return new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), dialogs,
                new ColumnSettingsStore(config));
    }

    private static List<ItemRow> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> ItemRow.of(JsonNodeFactory.instance.objectNode()
                .put("id", "order-" + i).put("customerId", "c" + i), List.of("/customerId"))).toList();
    }

    private static ItemPage page(List<ItemRow> rows, String continuation) {
        return new ItemPage(rows, continuation, 2.5, Duration.ofMillis(10), "act-1");
    }

    private static CosmosDeskException refused(String serverText) {
        return new CosmosDeskException(ErrorKind.BAD_REQUEST, "Cosmos DB rejected the request: " + serverText);
    }

    @Test
    void aPropertyWithoutTheAliasIsExplainedWithTheCDotHint() {
        when(service.queryItemsPage(any(), any(), any(), anyInt()))
                .thenThrow(refused("customerId is not defined, StatusCode: BadRequest"));
        ItemsViewModel vm = viewModel();
        vm.filterTextProperty().set("customerId = \"c1\"");
        vm.applyFilter();

        assertThat(vm.filterErrorProperty().get()).isEqualTo("The filter names customerId, which the query does not"
                + " know: properties are written with the item's alias, e.g. c.customerId = \"…\".");
    }

    @Test
    void cosmosDbsOwnWordingForAnUnknownNameGetsTheSameHint() {
        assertThat(FilterErrors.sentence("Cosmos DB rejected the request: Identifier 'status' could not be resolved."))
                .contains("e.g. c.status = ");
        assertThat(FilterErrors.sentence("Cosmos DB rejected the request: Syntax error, incorrect syntax near 'AND'."
                + " StatusCode: BadRequest")).isEqualTo(
                        "Cosmos DB rejected the request: Syntax error, incorrect syntax near 'AND'.");
    }

    @Test
    void aRefusedFilterKeepsTheRowsShownUntilAQuerySucceeds() {
        when(service.queryItemsPage(any(), eq(ItemQuery.all()), any(), anyInt())).thenReturn(page(rows(3), "t1"));
        ItemsViewModel vm = viewModel();
        vm.refresh();
        when(service.queryItemsPage(any(), eq(ItemQuery.filtered("customerId = 1")), any(), anyInt()))
                .thenThrow(refused("customerId is not defined"));

        vm.filterTextProperty().set("customerId = 1");
        vm.applyFilter();

        assertThat(vm.rows()).extracting(ItemRow::id).containsExactly("order-0", "order-1", "order-2");
        assertThat(vm.stateProperty().get()).isEqualTo(ItemsViewModel.State.ROWS);
        assertThat(vm.appliedFilterProperty().get()).as("the rows' own filter").isEqualTo(ItemQuery.all().describe());
        assertThat(vm.filterOutdatedBinding().get()).as("the box's text is not what the rows show").isTrue();
        assertThat(vm.filterErrorProperty().get()).contains("c.customerId");
        assertThat(vm.filterTextProperty().get()).isEqualTo("customerId = 1");
        assertThat(vm.filterHistory()).as("a refused filter is not offered again").isEmpty();
        assertThat(vm.hasMoreProperty().get()).as("the old rows' next page can still load").isTrue();
        when(service.queryItemsPage(any(), eq(ItemQuery.all()), eq("t1"), anyInt())).thenReturn(page(rows(0), null));
        vm.loadMore();
        verify(service).queryItemsPage(any(), eq(ItemQuery.all()), eq("t1"), anyInt());
    }

    @Test
    void goToIdSaysThatItSetTheTypedFilterAside() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows(1), null));
        ItemsViewModel vm = viewModel();
        vm.filterTextProperty().set("WHERE c.status = \"paid\"");
        vm.applyFilter();

        vm.goToIdTextProperty().set("order-0");
        vm.goToId();

        assertThat(vm.noticeProperty().get()).isEqualTo("Go to id looks in the whole container, so the filter box"
                + " was emptied (it held: WHERE c.status = \"paid\").");
        vm.clearFilter();
        vm.goToId(); // nothing typed: nothing set aside, nothing said
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void theDeleteConfirmationListsTheFirstTwentyItemsAndHowManyMore() {
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(rows(25), null));
        ItemsViewModel vm = viewModel();
        vm.refresh();
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();

        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs).confirm(eq("Delete 25 items"), message.capture(), eq("Delete"));
        assertThat(message.getValue()).startsWith("Delete these 25 items from ")
                .contains("\n'order-0' (\"c0\")\n'order-1' (\"c1\")\n")
                .contains("\n'order-19' (\"c19\")\nand 5 more\n\nThis cannot be undone.")
                .doesNotContain("order-20");
    }

    @Test
    void aVeryLongIdIsCutInTheConfirmationSoItsButtonsStayOnScreen() {
        String longId = "x".repeat(200);
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(page(List.of(ItemRow.of(
                JsonNodeFactory.instance.objectNode().put("id", longId).put("customerId", "c"),
                List.of("/customerId"))), null));
        ItemsViewModel vm = viewModel();
        vm.refresh();
        vm.setSelection(List.copyOf(vm.rows()));
        vm.deleteSelected();

        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs).confirm(anyString(), message.capture(), eq("Delete"));
        assertThat(message.getValue().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(120));
        assertThat(message.getValue()).contains("'xxxxxxxx").contains("…");
    }
}
