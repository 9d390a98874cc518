package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.ui.ThreadedTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The Live changes tab's view-model against the local server, with real threads: another client writes and the
 * tail shows each write exactly once, in order within each partition, through pauses and a restart.
 */
@ExtendWith(CosmosServerExtension.class)
class LiveChangesIT {

    private static final int PARTITIONS = 5;

    /** The other client: "someone else" writing while the tab watches. */
    private static CosmosAsyncClient otherClient;

    @TempDir
    Path dataFolder;

    private final ChangeFeedService service = new ChangeFeedService();
    private ThreadedTaskRunner runner;
    private ContainerHandle handle;
    private CosmosAsyncContainer theirs;
    private final List<LiveChangesViewModel> opened = new ArrayList<>();

    @BeforeAll
    static void startOtherClient(LocalCosmosServer server) {
        otherClient = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
    }

    @AfterAll
    static void stopOtherClient() {
        otherClient.close();
    }

    @BeforeEach
    void setUp(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        runner = new ThreadedTaskRunner();
        CosmosAsyncContainer container = data.createContainer("/pk");
        ConnectionProfile profile = ConnectionProfile.create("it", AuthKind.EMULATOR, server.endpoint());
        handle = new ContainerHandle(new CosmosConnection(profile, client), new ContainerInfo(
                new ContainerRef(container.getDatabase().getId(), container.getId()), List.of("/pk"), false, null));
        theirs = otherClient.getDatabase(container.getDatabase().getId()).getContainer(container.getId());
    }

    @AfterEach
    void tearDown() {
        opened.forEach(vm -> runner.onUi(vm::close));
        runner.close();
    }

    private LiveChangesViewModel openTab() {
        LiveChangesViewModel vm = runner.onUiGet(() -> {
            LiveChangesViewModel model = new LiveChangesViewModel(handle, service, new FeedPositions(dataFolder),
                    runner, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
            model.open();
            return model;
        });
        opened.add(vm);
        waitFor("the tab to be live", () -> runner.onUiGet(() -> vm.stateProperty().get())
                == LiveChangesViewModel.State.LIVE);
        return vm;
    }

    /** Writes items {@code from}..{@code to - 1}: partitions in parallel, each partition's items one after another. */
    private void write(int from, int to) {
        Flux.fromStream(IntStream.range(0, PARTITIONS).boxed())
                .flatMap(p -> Flux.fromStream(IntStream.range(from, to).filter(i -> i % PARTITIONS == p).boxed())
                        .concatMap(i -> theirs.createItem(item(i), new PartitionKey("p" + p), null))
                        .subscribeOn(Schedulers.parallel()), PARTITIONS)
                .blockLast(Duration.ofMinutes(2));
    }

    private static ObjectNode item(int i) {
        return JsonNodeFactory.instance.objectNode().put("id", String.format("w-%04d", i))
                .put("pk", "p" + (i % PARTITIONS)).put("n", i);
    }

    private List<ChangeRow> shown(LiveChangesViewModel vm) {
        return runner.onUiGet(() -> List.copyOf(vm.captured().rows()));
    }

    private static void assertEachOnceInOrderPerPartition(List<ChangeRow> rows, int from, int to) {
        assertThat(rows).extracting(ChangeRow::id)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(from, to)
                        .mapToObj(i -> String.format("w-%04d", i)).toList());
        Map<String, Integer> lastPerPartition = new HashMap<>();
        for (ChangeRow row : rows) {
            int n = row.body().path("n").asInt();
            Integer before = lastPerPartition.put(row.body().path("pk").asText(), n);
            assertThat(before == null || before < n).as("%s after n=%s in its partition", row.id(), before).isTrue();
            assertThat(row.kind()).isEqualTo(ChangeRow.Kind.NEW);
        }
    }

    @Test
    void aThousandWritesInBurstsShowEachOnceInOrderPerPartition() {
        LiveChangesViewModel vm = openTab();
        for (int burst = 0; burst < 10; burst++) {
            write(burst * 100, burst * 100 + 100);
        }
        waitFor("1,000 rows", () -> shown(vm).size() >= 1_000);
        assertEachOnceInOrderPerPartition(shown(vm), 0, 1_000);
        assertThat(runner.onUiGet(() -> vm.captured().droppedCount())).isZero();
    }

    @Test
    void updatesShowWhichFieldsChanged() {
        LiveChangesViewModel vm = openTab();
        write(0, 1);
        waitFor("the new item", () -> shown(vm).size() == 1);
        ObjectNode changed = item(0).put("n", 7).put("status", "open");
        theirs.replaceItem(changed, "w-0000", new PartitionKey("p0")).block();
        waitFor("its update", () -> shown(vm).size() == 2);
        assertThat(shown(vm)).extracting(ChangeRow::summary).containsExactly("new", "n: 0 → 7 · +status: \"open\"");
    }

    @Test
    void pauseAndResumeLoseNothing() {
        LiveChangesViewModel vm = openTab();
        write(0, 100);
        waitFor("the first 100", () -> shown(vm).size() == 100);
        runner.onUi(vm::pause);

        write(100, 400);
        waitFor("300 waiting while paused", () -> runner.onUiGet(() -> vm.captured().waitingProperty().get()) == 300);
        assertThat(shown(vm)).hasSize(100);

        runner.onUi(vm::resume);
        write(400, 450);
        waitFor("all 450", () -> shown(vm).size() >= 450);
        assertEachOnceInOrderPerPartition(shown(vm), 0, 450);
    }

    @Test
    void aReopenedTabContinuesWhereTheClosedOneStopped() throws Exception {
        LiveChangesViewModel first = openTab();
        write(0, 100);
        waitFor("the first 100", () -> shown(first).size() == 100);
        runner.onUi(first::close);
        opened.remove(first);
        waitFor("the position saved", () -> runner.onUiGet(() -> first.positionSavedAtProperty().get()) != null);

        write(100, 150);
        LiveChangesViewModel second = openTab();
        assertThat(runner.onUiGet(() -> second.startedFromProperty().get().kind()))
                .isEqualTo(ChangeFeedStart.Kind.SAVED);
        waitFor("the 50 written while it was closed", () -> shown(second).size() >= 50);
        write(150, 160);
        waitFor("and what came after", () -> shown(second).size() >= 60);
        assertEachOnceInOrderPerPartition(shown(second), 100, 160);

        Path folder = dataFolder.resolve("changes");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void startsFromTheBeginningOrAPointInTime() {
        write(0, 20);
        LiveChangesViewModel vm = openTab();
        runner.onUi(() -> vm.start(ChangeFeedStart.beginning()));
        waitFor("the 20 written before", () -> shown(vm).size() == 20);
        assertEachOnceInOrderPerPartition(shown(vm), 0, 20);
    }

    @Test
    void theLocalServerSaysWhyAllVersionsAndDeletesIsNotAvailable() {
        AllVersionsSupport support = service.probeAllVersions(handle);
        assertThat(support.isAvailable()).isFalse();
        assertThat(support.reason()).contains("local emulator keeps only the latest version");
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
