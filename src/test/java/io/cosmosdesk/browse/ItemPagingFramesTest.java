package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query's first page enters an empty grid over a few frames, so no single frame makes a screen of new cells. */
class ItemPagingFramesTest {

    private static final int STEP = ItemPaging.ROWS_PER_FIRST_FRAMES;

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final List<Runnable> frames = new ArrayList<>();
    private final TaskRunner tasks = new TaskRunner() {
        private final ImmediateTaskRunner immediate = ImmediateTaskRunner.immediate();

        @Override
        public <T> TaskHandle start(BackgroundTask<T> task) {
            return immediate.start(task);
        }

        @Override
        public void inNextFrame(Runnable action) {
            frames.add(action);
        }

        @Override
        public void shutdown() {
        }
    };
    private ItemPaging paging;
    private ContainerHandle handle;

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        PageByPageStream.answerPageByPage(service, new ArrayList<>());
        when(service.queryItemsPage(any(), any(), isNull(), anyInt())).thenReturn(page(0, 100, "t1"));
        when(service.queryItemsPage(any(), any(), eq("t1"), anyInt())).thenReturn(page(100, 100, null));
        paging = new ItemPaging(handle, service, tasks, notice -> { });
        paging.pageSizeProperty().set(100);
    }

    private static ItemPage page(int from, int count, String next) {
        List<ItemRow> rows = IntStream.range(from, from + count).mapToObj(i -> ItemRow.of(
                JsonNodeFactory.instance.objectNode().put("id", "i" + i).put("customerId", "c" + i),
                List.of("/customerId"))).toList();
        return new ItemPage(rows, next, 1, Duration.ofMillis(5), "act");
    }

    private void nextFrame() {
        List<Runnable> due = List.copyOf(frames);
        frames.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aFirstVisitsDefaultColumnsComeFromTheWholeFirstPageNotItsFirstFrame(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path config) {
        // the first frame's rows hold "early"; the rest of the page (most of it) holds "late"
        List<ItemRow> rows = IntStream.range(0, 100).mapToObj(i -> ItemRow.of(
                JsonNodeFactory.instance.objectNode().put("id", "i" + i).put("customerId", "c" + i)
                        .put(i < STEP ? "early" : "late", i), List.of("/customerId"))).toList();
        when(service.queryItemsPage(any(), any(), isNull(), anyInt())).thenReturn(new ItemPage(rows, null, 1,
                Duration.ofMillis(5), "act"));
        ItemsViewModel grid = new ItemsViewModel(handle, service, tasks,
                mock(io.cosmosdesk.ui.DialogService.class), new ColumnSettingsStore(config));

        grid.refresh();

        assertThat(grid.rows()).as("still the first frame").hasSize(STEP);
        assertThat(grid.columns()).extracting(ItemColumn::header).containsExactly("id", "/customerId", "/late",
                "/early");
    }

    @Test
    void theFirstPageComesInAFewRowsPerFrameThenAllTheRest() {
        paging.run(ItemQuery.all());
        assertThat(paging.rows()).hasSize(STEP);
        assertThat(paging.status().stateProperty().get()).isEqualTo(ItemsViewModel.State.ROWS);

        nextFrame();
        assertThat(paging.rows()).hasSize(2 * STEP);
        nextFrame();
        assertThat(paging.rows()).hasSize(3 * STEP);
        nextFrame();
        assertThat(paging.rows()).hasSize(100);
        assertThat(frames).isEmpty();
        assertThat(paging.busyProperty().get()).isFalse();
        assertThat(paging.status().statusTextProperty().get()).startsWith("1–100 · more available");

        paging.loadMore();
        assertThat(paging.rows()).as("a page appended below rows already shown comes at once").hasSize(200);
        assertThat(paging.rows()).extracting(ItemRow::id)
                .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "i" + i).toList());
    }

    @Test
    void theNextPageLoadsWhileTheFirstIsStillComingInAndLandsAfterAllOfIt() {
        paging.run(ItemQuery.all());
        assertThat(paging.rows()).hasSize(STEP);
        assertThat(paging.busyProperty().get()).as("the page is in: paging on need not wait for its frames")
                .isFalse();

        paging.loadMore(); // the user (or scrolling) pages on at once: the next page is asked for now

        assertThat(paging.rows()).as("the rest of the first page, then the second").hasSize(200);
        assertThat(paging.rows()).extracting(ItemRow::id)
                .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "i" + i).toList());
        nextFrame();
        nextFrame();
        nextFrame();
        assertThat(paging.rows()).as("nothing added twice by the frames left").hasSize(200);
        assertThat(paging.status().statusTextProperty().get()).startsWith("1–200 · all loaded");
    }

    @Test
    void aStopWhileThePageIsComingInShowsAllOfItAndLoadMoreCarriesOn() {
        paging.run(ItemQuery.all());
        paging.stop();
        assertThat(paging.rows()).hasSize(100);
        assertThat(paging.busyProperty().get()).isFalse();
        nextFrame();
        assertThat(paging.rows()).hasSize(100);

        paging.loadMore();
        assertThat(paging.rows()).hasSize(200);
    }

    @Test
    void aNewQueryDropsTheRestOfTheOldPage() {
        paging.run(ItemQuery.all());
        when(service.queryItemsPage(any(), eq(ItemQuery.filtered("WHERE c.n = 1")), isNull(), anyInt()))
                .thenReturn(page(500, 3, null));
        paging.run(ItemQuery.filtered("WHERE c.n = 1"));
        nextFrame();
        nextFrame();
        nextFrame();
        assertThat(paging.rows()).extracting(ItemRow::id).containsExactly("i500", "i501", "i502");
        assertThat(paging.busyProperty().get()).isFalse();
    }
}
