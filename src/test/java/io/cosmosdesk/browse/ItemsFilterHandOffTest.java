package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeastOnce;
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
import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * A filter handed to the Items tab with parameters (the Schema tab's "Filter on this value"): the box shows the text
 * with {@code @v} and the value beside it, the query sends the value as a parameter, editing keeps it while the text
 * uses it, clearing drops it, and the per-container history keeps text that runs as typed.
 */
class ItemsFilterHandOffTest {

    private static final GridFilter ODD = GridFilter.of(
            "WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = @v)",
            new GridFilter.Parameter("@v", "S\"2\\ ✓"));

    @TempDir
    Path config;

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final ContainerHandle orders = new ContainerHandle(
            new CosmosConnection(ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/"),
                    mock(CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));

    private ItemsViewModel viewModel() {
        PageByPageStream.answerPageByPage(service, new ArrayList<>());
        when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(new ItemPage(List.of(ItemRow.of(
                JsonNodeFactory.instance.objectNode().put("id", "order-1").put("customerId", "c1"),
                List.of("/customerId"))), null, 1, Duration.ofMillis(1), "act"));
        return new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), mock(DialogService.class),
                new ColumnSettingsStore(config));
    }

    private ItemQuery lastQuery() {
        ArgumentCaptor<ItemQuery> sent = ArgumentCaptor.forClass(ItemQuery.class);
        verify(service, atLeastOnce()).queryItemsPage(any(), sent.capture(), any(), anyInt());
        return sent.getValue();
    }

    @Test
    void aHandedOverFilterRunsWithItsValueAsAParameterAndTheBoxShowsBoth() {
        ItemsViewModel vm = viewModel();
        vm.applyFilter(ODD);

        ItemQuery sent = lastQuery();
        assertThat(sent.toSqlQuerySpec().getQueryText()).endsWith("x0.sku = @v)").doesNotContain("S\\\"2");
        assertThat(sent.toSqlQuerySpec().getParameters()).singleElement()
                .satisfies(p -> assertThat(p.getValue(Object.class)).isEqualTo("S\"2\\ ✓"));
        assertThat(vm.filterTextProperty().get()).isEqualTo(ODD.text());
        assertThat(vm.filterParameters()).containsExactly(ODD.parameters().get(0));
        assertThat(vm.filterOutdatedBinding().get()).isFalse();
        assertThat(vm.appliedFilterProperty().get()).isEqualTo(ODD.text() + "  (@v = \"S\\\"2\\\\ ✓\")");
        assertThat(vm.describeEverythingShown()).as("a confirmation names the value")
                .endsWith("where EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = \"S\\\"2\\\\ ✓\")");
    }

    @Test
    void editingByHandKeepsTheValueWhileTheTextUsesItAndClearingDropsIt() {
        ItemsViewModel vm = viewModel();
        vm.applyFilter(ODD);

        vm.filterTextProperty().set(ODD.text() + " AND c.customerId = \"c1\"");
        assertThat(vm.filterParameters()).hasSize(1);
        assertThat(vm.filterOutdatedBinding().get()).isTrue();
        vm.applyFilter();
        assertThat(lastQuery().parameters()).containsExactlyElementsOf(ODD.parameters());
        assertThat(vm.filterOutdatedBinding().get()).isFalse();

        vm.filterTextProperty().set("WHERE c.customerId = \"c1\"");
        assertThat(vm.filterParameters()).as("the text no longer uses @v").isEmpty();
        vm.applyFilter();
        assertThat(lastQuery().parameters()).isEmpty();
        vm.filterTextProperty().set(ODD.text());
        assertThat(vm.filterParameters()).as("applied without it: the value is gone").isEmpty();

        vm.applyFilter(ODD);
        vm.clearFilter();
        assertThat(vm.filterParameters()).isEmpty();
        vm.filterTextProperty().set(ODD.text());
        assertThat(vm.filterParameters()).as("cleared: the value is gone").isEmpty();
    }

    @Test
    void theChipWritesTheValueIntoTheTextAsALiteral() {
        ItemsViewModel vm = viewModel();
        vm.applyFilter(ODD);
        vm.inlineFilterParameter("@v");
        assertThat(vm.filterTextProperty().get()).isEqualTo(ODD.inlined())
                .endsWith("x0.sku = \"S\\\"2\\\\ ✓\")");
        assertThat(vm.filterParameters()).isEmpty();
        assertThat(vm.filterOutdatedBinding().get()).as("the same filter, its value now in the text").isFalse();
        vm.applyFilter();
        assertThat(lastQuery().parameters()).isEmpty();
        assertThat(lastQuery().filter()).isEqualTo(ODD.inlined());
    }

    @Test
    void theContainersFilterHistoryKeepsTextThatRunsAsTyped() {
        ItemsViewModel vm = viewModel();
        vm.applyFilter(ODD);
        assertThat(vm.filterHistory()).containsExactly(ODD.inlined());
        assertThat(vm.filterTextProperty().get()).as("the box keeps the text with @v").isEqualTo(ODD.text());
        assertThat(vm.filterParameters()).hasSize(1);

        ItemsViewModel reopened = viewModel();
        assertThat(reopened.filterHistory()).as("remembered per container").containsExactly(ODD.inlined());
        reopened.filterTextProperty().set(reopened.filterHistory().get(0));
        reopened.applyFilter();
        assertThat(lastQuery().filter()).isEqualTo(ODD.inlined());
    }
}
