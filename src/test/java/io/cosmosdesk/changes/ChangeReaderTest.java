package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.FxTaskRunner;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading loop does not wait for the UI thread: with the UI thread held (its queue not run), rounds go on reading
 * on background threads; the rows wait in the inbox, and when the UI thread runs again they are shown in order, and
 * the position saved on stop ends exactly after the rows shown.
 */
class ChangeReaderTest {

    @TempDir
    Path dataFolder;

    /** The "UI thread": actions queue here and run only when the test runs them (on its own thread). */
    private final ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
    private final FxTaskRunner runner = new FxTaskRunner(uiQueue::add, uiQueue::add, uiQueue::add, "reader-test-");

    @AfterEach
    void shutDown() {
        runner.shutdown();
    }

    private void runUi() {
        for (Runnable action = uiQueue.poll(); action != null; action = uiQueue.poll()) {
            action.run();
        }
    }

    private static ContainerHandle handle() {
        ConnectionProfile profile = ConnectionProfile.create("local", AuthKind.EMULATOR, "https://localhost:8081");
        return new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
    }

    @Test
    void roundsGoOnWhileTheUiThreadIsHeldAndTheSavedPositionEndsAfterTheRowsShown() {
        ContainerHandle handle = handle();
        ChangeFeedService service = mock(ChangeFeedService.class);
        when(service.openCursors(handle)).thenReturn(List.of(new FeedCursor("range-0", null)));
        AtomicInteger pages = new AtomicInteger();
        when(service.readPages(eq(handle), any(), any(), anyInt(), any())).thenAnswer(call -> {
            int n = pages.incrementAndGet();
            return List.of(new ChangePage(List.of(Json.MAPPER.createObjectNode().put("id", "o" + n)
                    .put("customerId", "c")), new FeedCursor("range-0", "after-page-" + n), false));
        });
        FeedPositions positions = new FeedPositions(dataFolder);
        LiveChangesViewModel vm = new LiveChangesViewModel(handle, service, positions, runner, wait -> { },
                Clock.systemUTC());

        vm.start(ChangeFeedStart.now());
        verify(service, timeout(10_000)).openCursors(handle);
        // the feed ranges are open once the UI thread hears of it: from then on it is held
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (vm.stateProperty().get() == LiveChangesViewModel.State.STARTING && uiQueue.isEmpty()
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        runUi();
        // under load the first rounds can hand rows over before that run of the UI queue ends: those are shown now
        int shownBeforeHolding = vm.visibleRows().size();

        verify(service, timeout(10_000).atLeast(shownBeforeHolding + 20)).readPages(eq(handle), any(), any(), anyInt(),
                any());
        assertThat(vm.visibleRows()).as("nothing more shown while the UI thread is held").hasSize(shownBeforeHolding);

        vm.stop(); // on the "UI thread": stops reading, shows what was taken and saves the position (background)
        deadline = System.nanoTime() + 10_000_000_000L;
        while (vm.savedPositionProperty().get() == null && System.nanoTime() < deadline) {
            runUi();
            Thread.onSpinWait();
        }

        List<String> shown = new ArrayList<>(vm.visibleRows().stream().map(ChangeRow::id).toList());
        assertThat(shown.size()).isGreaterThanOrEqualTo(shownBeforeHolding + 19);
        assertThat(shown).containsExactlyElementsOf(IntStream.rangeClosed(1, shown.size()).mapToObj(n -> "o" + n)
                .toList());
        assertThat(vm.savedPositionProperty().get().cursors())
                .containsExactly(new FeedCursor("range-0", "after-page-" + shown.size()));
    }

    @Test
    void theInboxKeepsTheNewestRowsWithinItsBudgetAndCountsTheOthers() {
        CapturedRows captured = new CapturedRows(100, Long.MAX_VALUE);
        RowHandOver handOver = new RowHandOver(captured, ImmediateTaskRunner.immediate(), 3);

        handOver.deposit(rows(1, 2));
        handOver.deposit(rows(3, 5));
        handOver.roundEnded();

        assertThat(captured.rows()).extracting(ChangeRow::id).containsExactly("r3", "r4", "r5");
        assertThat(captured.totalProperty().get()).isEqualTo(5);
        assertThat(captured.droppedCount()).isEqualTo(2);
        assertThat(captured.droppedBeforeShown()).isEqualTo(2);
        assertThat(captured.describeCounts()).isEqualTo("5 changes (newest 100 kept, 2 older counted only, 2 of them "
                + "never shown: they came faster than the list could show them)");
    }

    private static List<ChangeRow> rows(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> new ChangeRow(n, null, "r" + n,
                io.cosmosdesk.cosmos.PartitionKeyValue.of("c"), ChangeRow.Kind.NEW, "new",
                Json.MAPPER.createObjectNode().put("id", "r" + n), 10)).toList();
    }
}
