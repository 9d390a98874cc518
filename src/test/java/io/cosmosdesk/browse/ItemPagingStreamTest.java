package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One open page stream per query generation: reused page after page, closed when it is no longer wanted. */
class ItemPagingStreamTest {

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final List<PageByPageStream> streams = new ArrayList<>();
    private ContainerHandle handle;

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        PageByPageStream.answerPageByPage(service, streams);
        when(service.queryItemsPage(any(), any(), isNull(), anyInt())).thenReturn(page(0, "t1"));
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt())).thenReturn(page(10, "t2"));
        when(service.queryItemsPage(any(), any(), eq("t2"), anyInt())).thenReturn(page(20, null));
    }

    private static ItemPage page(int from, String next) {
        List<ItemRow> rows = IntStream.range(from, from + 10).mapToObj(i -> ItemRow.of(
                JsonNodeFactory.instance.objectNode().put("id", "i" + i).put("customerId", "c" + i),
                List.of("/customerId"))).toList();
        return new ItemPage(rows, next, 1, Duration.ofMillis(5), "act");
    }

    private ItemPaging paging(ImmediateTaskRunner tasks) {
        ItemPaging paging = new ItemPaging(handle, service, tasks, notice -> { });
        paging.pageSizeProperty().set(10);
        return paging;
    }

    @Test
    void everyPageOfAQueryComesFromTheOneStreamItOpened() {
        ItemPaging paging = paging(ImmediateTaskRunner.immediate());
        paging.run(ItemQuery.all());
        paging.loadMore();
        paging.loadMore();

        assertThat(paging.rows()).extracting(ItemRow::id)
                .containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> "i" + i).toList());
        assertThat(paging.hasMoreProperty().get()).isFalse();
        verify(service, times(1)).openItemPages(handle, ItemQuery.all(), null, 10);
        assertThat(streams).hasSize(1);
        assertThat(streams.get(0).pagesRead()).isEqualTo(3);
        assertThat(streams.get(0).isClosed()).as("closed once the query ended").isTrue();
    }

    @Test
    void theFirstScreenReadsNoPageAheadButPagingOnDoes() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        ItemPaging paging = paging(tasks);
        paging.run(ItemQuery.all());
        assertThat(streams.get(0).readsAhead()).as("the first page costs one page").isFalse();
        tasks.runAllPending();
        assertThat(streams.get(0).pagesRead()).as("one page pulled per load").isEqualTo(1);

        paging.loadMore();
        tasks.runAllPending();
        assertThat(streams.get(0).readsAhead()).as("paging on: the next pages load while this one is shown")
                .isTrue();
        assertThat(paging.rows()).hasSize(20);
        assertThat(streams).as("paging on reads from the same stream").hasSize(1);
    }

    @Test
    void aNewQueryClosesTheOldStreamAndNothingMoreIsReadFromIt() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        ItemPaging paging = paging(tasks);
        paging.run(ItemQuery.all());
        tasks.runPending(0);
        paging.loadMore(); // in flight when the query changes

        ItemQuery paid = ItemQuery.filtered("WHERE c.status = 'paid'");
        paging.run(paid);
        tasks.runAllPending();

        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).isClosed()).isTrue();
        assertThat(streams.get(0).pagesRead()).as("no page read after the query changed").isEqualTo(1);
        assertThat(streams.get(1).query()).isEqualTo(paid);
        assertThat(streams.get(1).isClosed()).isFalse();
        assertThat(paging.rows()).hasSize(10);
    }

    @Test
    void stopClosesTheStreamAndLoadMoreCarriesOnFromTheLastToken() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        ItemPaging paging = paging(tasks);
        paging.run(ItemQuery.all());
        tasks.runPending(0);
        paging.loadMore();

        paging.stop();
        tasks.runAllPending();
        assertThat(streams.get(0).isClosed()).isTrue();
        assertThat(streams.get(0).pagesRead()).isEqualTo(1);

        paging.loadMore();
        tasks.runAllPending();
        verify(service).openItemPages(handle, ItemQuery.all(), "t1", 10);
        assertThat(paging.rows()).hasSize(20);
        assertThat(paging.rows().get(10).id()).isEqualTo("i10");
    }

    @Test
    void closingTheTabClosesTheStream() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        ItemPaging paging = paging(tasks);
        paging.run(ItemQuery.all());
        tasks.runPending(0);
        paging.loadMore();

        paging.close();
        tasks.runAllPending();

        assertThat(streams.get(0).isClosed()).isTrue();
        assertThat(streams.get(0).pagesRead()).isEqualTo(1);
        assertThat(paging.rows()).hasSize(10);
    }

    @Test
    void afterAFailedPageTheRetryStartsANewStreamAtTheLastToken() {
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt()))
                .thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach the account."))
                .thenReturn(page(10, "t2"));
        ItemPaging paging = paging(ImmediateTaskRunner.immediate());
        paging.run(ItemQuery.all());
        paging.loadMore();
        assertThat(paging.status().errorMessageProperty().get()).contains("Cannot reach the account.");
        assertThat(streams.get(0).isClosed()).isTrue();

        assertThat(paging.retryNextPage()).isTrue();
        verify(service).openItemPages(handle, ItemQuery.all(), "t1", 10);
        assertThat(paging.rows()).hasSize(20);
        assertThat(paging.hasMoreProperty().get()).isTrue();
    }

    @Test
    void aNewPageSizeContinuesFromTheTokenInANewStream() {
        ItemPaging paging = paging(ImmediateTaskRunner.immediate());
        paging.run(ItemQuery.all());
        paging.pageSizeProperty().set(25);
        paging.loadMore();

        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).isClosed()).isTrue();
        verify(service).openItemPages(handle, ItemQuery.all(), "t1", 25);
        verify(service, never()).openItemPages(any(), any(), eq("t2"), anyInt());
    }
}
