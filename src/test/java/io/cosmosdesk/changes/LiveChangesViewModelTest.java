package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Live changes view-model with a scripted feed: rounds run one at a time through the deferred runner. */
class LiveChangesViewModelTest {

    private static final FeedCursor START = new FeedCursor("range-0", null);

    @TempDir
    Path dataFolder;

    private final ChangeFeedService service = mock(ChangeFeedService.class);
    private final ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
    private final List<Duration> waits = new ArrayList<>();
    private ContainerHandle handle;
    private FeedPositions positions;
    private LiveChangesViewModel vm;
    private int pageNumber;

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("local", AuthKind.EMULATOR, "https://localhost:8081");
        handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        positions = new FeedPositions(dataFolder);
        vm = new LiveChangesViewModel(handle, service, positions, runner, waits::add,
                Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));
        when(service.openCursors(handle)).thenReturn(List.of(START));
    }

    private static ObjectNode item(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The page the feed answers next: these items, and a cursor naming the page. */
    private ChangePage page(ObjectNode... items) {
        pageNumber++;
        return new ChangePage(List.of(items), new FeedCursor("range-0", "after-page-" + pageNumber), false);
    }

    /** Runs what is queued now (one round, or the start). */
    private void step() {
        runner.runAllPending();
    }

    private List<String> shownSummaries() {
        return vm.visibleRows().stream().map(ChangeRow::summary).toList();
    }

    @Test
    void aChangedItemShowsTheFieldsThatChangedSinceTheVersionSeenBefore() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(page(item("{\"id\":\"o1\",\"customerId\":\"c1\",\"status\":\"open\",\"total\":10,"
                        + "\"address\":{\"city\":\"Oslo\"},\"phone\":\"1\",\"_ts\":1700000000,\"_etag\":\"a\"}"))),
                List.of(page(item("{\"id\":\"o1\",\"customerId\":\"c1\",\"status\":\"paid\",\"total\":10.0,"
                        + "\"address\":{\"city\":\"Bergen\"},\"note\":\"x\",\"_ts\":1700000005,\"_etag\":\"b\"}"),
                        item("{\"id\":\"o1\",\"customerId\":\"c2\",\"_ts\":1700000006}"))));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        step();

        assertThat(shownSummaries()).containsExactly("new",
                "status: \"open\" → \"paid\" · address.city: \"Oslo\" → \"Bergen\" · +note: \"x\" · −phone",
                // same id in another partition is another item
                "new");
        ChangeRow update = vm.visibleRows().get(1);
        assertThat(update.kind()).isEqualTo(ChangeRow.Kind.UPDATED);
        assertThat(update.modified()).isEqualTo(Instant.ofEpochSecond(1700000005));
        assertThat(update.partitionKey().display()).isEqualTo("\"c1\"");
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.LIVE);
    }

    /** A full page: the feed has more waiting. */
    private ChangePage fullPage(ObjectNode... items) {
        pageNumber++;
        return new ChangePage(List.of(items), new FeedCursor("range-0", "after-page-" + pageNumber), true);
    }

    /**
     * Behind a stream of writes, each hop to the UI thread and back costs at least a frame: while pages come back
     * full a round reads on (from the cursor each page returned) and hands everything over once.
     */
    /**
     * While the view warms up (draws made-up rows once before the stream), the tab says Starting after its first
     * round and Live when the view is done; rows read meanwhile are shown all the same.
     */
    @Test
    void whileTheViewWarmsUpTheTabSaysLiveOnlyOnceItIsDone() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page()),
                List.of(page(item("{\"id\":\"o1\",\"customerId\":\"c1\"}"))), List.of(page()));
        javafx.beans.property.BooleanProperty warming = new javafx.beans.property.SimpleBooleanProperty(true);
        vm.holdLiveWhile(warming);
        vm.start(ChangeFeedStart.now());
        step();
        step();
        step();
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.STARTING);
        assertThat(vm.statusProperty().get()).startsWith("Starting");
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("o1");

        warming.set(false);
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.LIVE);
        warming.set(true); // warming again (the tab shown anew) does not take Live back
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.LIVE);
    }

    @Test
    void withAViewThatIsNotWarmingUpTheTabIsLiveAfterItsFirstRound() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page()));
        vm.holdLiveWhile(new javafx.beans.property.SimpleBooleanProperty(false));
        vm.start(ChangeFeedStart.now());
        step();
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.STARTING);
        step();
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.LIVE);
    }

    @Test
    void whilePagesComeBackFullARoundReadsOnAndHandsOverOnce() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(fullPage(item("{\"id\":\"o1\",\"customerId\":\"c1\"}"))),
                List.of(fullPage(item("{\"id\":\"o2\",\"customerId\":\"c1\"}"))),
                List.of(fullPage(item("{\"id\":\"o3\",\"customerId\":\"c2\"}"))),
                List.of(page(item("{\"id\":\"o4\",\"customerId\":\"c2\"}"))));
        List<Integer> handOvers = new ArrayList<>();
        vm.captured().rows().addListener((javafx.collections.ListChangeListener<ChangeRow>) change -> {
            while (change.next()) {
                handOvers.add(change.getAddedSize());
            }
        });
        vm.start(ChangeFeedStart.now());
        step();
        step();

        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("o1", "o2", "o3", "o4");
        assertThat(handOvers).containsExactly(4);
        verify(service).readPages(eq(handle), eq(List.of(START)), any(), anyInt(), any());
        verify(service).readPages(eq(handle), eq(List.of(new FeedCursor("range-0", "after-page-3"))), any(),
                anyInt(), any());
    }

    @Test
    void eachRoundReadsOnFromTheCursorsThePreviousOneReturned() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(page(item("{\"id\":\"a\",\"customerId\":\"c\"}"))), List.of(page()), List.of(page()));
        vm.start(ChangeFeedStart.beginning());
        step();
        step();
        step();
        step();
        step();
        verify(service).readPages(handle, List.of(START), ChangeFeedStart.beginning(), ChangeFeedService.PAGE_SIZE,
                FeedMode.LATEST_VERSION);
        verify(service).readPages(handle, List.of(new FeedCursor("range-0", "after-page-1")),
                ChangeFeedStart.beginning(), ChangeFeedService.PAGE_SIZE,
                FeedMode.LATEST_VERSION);
        verify(service).readPages(handle, List.of(new FeedCursor("range-0", "after-page-2")),
                ChangeFeedStart.beginning(), ChangeFeedService.PAGE_SIZE,
                FeedMode.LATEST_VERSION);
        // changes arriving: read again soon; then idle: back off
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void pausedRowsWaitAndAppearInOrderOnResume() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(page(item("{\"id\":\"a\",\"customerId\":\"c\"}"))),
                List.of(page(item("{\"id\":\"b\",\"customerId\":\"c\"}"), item("{\"id\":\"c\",\"customerId\":\"c\"}"))),
                List.of(page(item("{\"id\":\"d\",\"customerId\":\"c\"}"))));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        vm.pause();
        step();
        step();
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("a");
        assertThat(vm.captured().waitingProperty().get()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: 3 new waiting, shown on Resume · 4 changes");
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.PAUSED);

        vm.resume();
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("a", "b", "c", "d");
        assertThat(vm.statusProperty().get()).isEqualTo("Live, checking every 0.4 s at most · 4 changes");
        assertThat(vm.captured().waitingProperty().get()).isZero();
        assertThat(vm.captured().totalProperty().get()).isEqualTo(4);
    }

    @Test
    void aStaleRoundAfterARestartIsDropped() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(page(item("{\"id\":\"stale\",\"customerId\":\"c\"}"))),
                List.of(page(item("{\"id\":\"fresh\",\"customerId\":\"c\"}"))));
        vm.start(ChangeFeedStart.now());
        step(); // cursors opened, first round queued
        vm.start(ChangeFeedStart.beginning()); // cancels the queued round
        step();
        step();
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("stale");
        assertThat(vm.startedFromProperty().get()).isEqualTo(ChangeFeedStart.beginning());
    }

    @Test
    void aPassingFailureIsRetriedWithBackOffAndAFatalOneStops() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any()))
                .thenThrow(new CosmosDeskException(ErrorKind.THROTTLED, "The account is busy."))
                .thenReturn(List.of(page(item("{\"id\":\"a\",\"customerId\":\"c\"}"))))
                .thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND, "The container no longer exists."));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("The account is busy. Trying again in 1 s.");
        step();
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(vm.visibleRows()).hasSize(1);
        step();
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.FAILED);
        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Stopped reading changes: The container no longer exists.");
        assertThat(runner.pendingCount()).isZero();
    }

    @Test
    void stopSavesThePositionAndAReopenedTabContinuesFromIt() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(
                List.of(page(item("{\"id\":\"a\",\"customerId\":\"c\"}"))));
        when(service.probeAllVersions(handle)).thenReturn(AllVersionsSupport.unavailable("not here"));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        vm.stop();
        step();
        assertThat(vm.positionSavedAtProperty().get()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(vm.savedPositionProperty().get().cursors())
                .containsExactly(new FeedCursor("range-0", "after-page-1"));
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped, position saved · 1 change");
        assertThat(positions.load(handle)).get().extracting(FeedPositions.Saved::cursors)
                .isEqualTo(List.of(new FeedCursor("range-0", "after-page-1")));

        LiveChangesViewModel reopened = new LiveChangesViewModel(handle, service, positions, runner, waits::add,
                Clock.systemUTC());
        reopened.open();
        step();
        assertThat(reopened.startedFromProperty().get()).isEqualTo(ChangeFeedStart.saved());
        assertThat(reopened.allVersionsProperty().get().reason()).isEqualTo("not here");
        step();
        verify(service).readPages(handle, List.of(new FeedCursor("range-0", "after-page-1")),
                ChangeFeedStart.saved(), ChangeFeedService.PAGE_SIZE,
                FeedMode.LATEST_VERSION);
    }

    @Test
    void theFilterShowsOnePartitionOrTheRowsMatchingAFieldCondition() {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page(
                item("{\"id\":\"a\",\"customerId\":\"c1\",\"total\":5}"),
                item("{\"id\":\"b\",\"customerId\":\"c2\",\"total\":50}"),
                item("{\"id\":\"c\",\"customerId\":\"c1\",\"total\":500}"))));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        vm.filterTextProperty().set("c1");
        vm.applyFilter();
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("a", "c");
        vm.filterTextProperty().set("total > 10");
        vm.applyFilter();
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("b", "c");
        vm.filterTextProperty().set("total >");
        vm.applyFilter();
        assertThat(vm.filterErrorProperty().get()).startsWith("Add a value after \">\"");
        assertThat(vm.visibleRows()).extracting(ChangeRow::id).containsExactly("b", "c");
        vm.filterTextProperty().set("");
        vm.applyFilter();
        assertThat(vm.visibleRows()).hasSize(3);
    }

    @Test
    void exportWritesTheCapturedVersionsAsJsonLines() throws Exception {
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page(
                item("{\"id\":\"a\",\"customerId\":\"c1\"}"), item("{\"id\":\"b\",\"customerId\":\"c2\"}"))));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        Path file = dataFolder.resolve("changes.jsonl");
        vm.exportTo(file);
        step();
        assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"a\",\"customerId\":\"c1\"}",
                "{\"id\":\"b\",\"customerId\":\"c2\"}");
        assertThat(vm.exportMessageProperty().get()).isEqualTo("Exported 2 changes to changes.jsonl.");
    }

    @Test
    void theExportSaysHowManyWithThousandsSeparators() throws Exception {
        List<ObjectNode> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            items.add(item("{\"id\":\"i" + i + "\",\"customerId\":\"c1\"}"));
        }
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page(
                items.toArray(ObjectNode[]::new))));
        vm.start(ChangeFeedStart.now());
        step();
        step();
        vm.exportTo(dataFolder.resolve("many.jsonl"));
        step();
        assertThat(vm.exportMessageProperty().get()).isEqualTo("Exported 1,200 changes to many.jsonl.");
    }

    @Test
    void allVersionsAndDeletesIsOfferedOnlyWhereTheAccountServesItAndSaysWhyNot() {
        when(service.probeAllVersions(handle)).thenReturn(AllVersionsSupport.unavailable("needs continuous backup"));
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page()));
        vm.open();
        step();
        assertThat(vm.chooseMode(FeedMode.ALL_VERSIONS_AND_DELETES)).isFalse();
        assertThat(vm.startErrorProperty().get()).isEqualTo("needs continuous backup");
        assertThat(vm.modeProperty().get()).isEqualTo(FeedMode.LATEST_VERSION);
    }

    @Test
    void allVersionsModeReadsFromNowShowsDeletesAndIsSavedWithThePosition() {
        when(service.probeAllVersions(handle)).thenReturn(AllVersionsSupport.available());
        when(service.readPages(eq(handle), any(), any(), anyInt(), eq(FeedMode.ALL_VERSIONS_AND_DELETES)))
                .thenReturn(List.of(page(
                        item("{\"current\":{\"id\":\"a\",\"customerId\":\"c\",\"n\":1},"
                                + "\"metadata\":{\"operationType\":\"create\",\"lsn\":1,\"crts\":10}}"),
                        item("{\"current\":{},\"previous\":{\"id\":\"a\",\"customerId\":\"c\",\"n\":1},"
                                + "\"metadata\":{\"operationType\":\"delete\",\"lsn\":2,\"crts\":11,"
                                + "\"id\":\"a\",\"partitionKey\":{\"customerId\":\"c\"}}}"))));
        vm.open();
        step();
        assertThat(vm.chooseMode(FeedMode.ALL_VERSIONS_AND_DELETES)).isTrue();
        step();
        step();
        verify(service).readPages(handle, List.of(START), ChangeFeedStart.now(), ChangeFeedService.PAGE_SIZE,
                FeedMode.ALL_VERSIONS_AND_DELETES);
        assertThat(vm.visibleRows()).extracting(ChangeRow::kind)
                .containsExactly(ChangeRow.Kind.NEW, ChangeRow.Kind.DELETED);
        assertThat(vm.visibleRows().get(1).summary()).isEqualTo("deleted: customerId: \"c\" · n: 1");

        // this mode has nothing to read from the beginning: refused with a sentence, still reading
        vm.start(ChangeFeedStart.beginning());
        assertThat(vm.startErrorProperty().get()).isEqualTo(LiveChangesViewModel.ALL_VERSIONS_START);
        assertThat(vm.stateProperty().get()).isEqualTo(LiveChangesViewModel.State.LIVE);

        vm.stop();
        step();
        assertThat(vm.savedPositionProperty().get().mode()).isEqualTo(FeedMode.ALL_VERSIONS_AND_DELETES);
        LiveChangesViewModel reopened = new LiveChangesViewModel(handle, service, positions, runner, waits::add,
                Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));
        reopened.open();
        step();
        assertThat(reopened.modeProperty().get()).isEqualTo(FeedMode.ALL_VERSIONS_AND_DELETES);
    }

    @Test
    void anAllVersionsExportKeepsTheOperationOfEachChange() throws Exception {
        when(service.probeAllVersions(handle)).thenReturn(AllVersionsSupport.available());
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenReturn(List.of(page(
                item("{\"current\":{},\"previous\":{\"id\":\"a\",\"customerId\":\"c\"},"
                        + "\"metadata\":{\"operationType\":\"delete\",\"lsn\":2,\"crts\":11}}"))));
        vm.open();
        step();
        vm.chooseMode(FeedMode.ALL_VERSIONS_AND_DELETES);
        step();
        step();
        Path file = dataFolder.resolve("changes.jsonl");
        vm.exportTo(file);
        step();
        assertThat(Files.readAllLines(file)).containsExactly("{\"current\":{},\"previous\":{\"id\":\"a\","
                + "\"customerId\":\"c\"},\"metadata\":{\"operationType\":\"delete\",\"lsn\":2,"
                + "\"timeToLiveExpired\":false,\"crts\":11}}");
    }
}
