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
import io.cosmosdesk.testing.ServerControl;
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
    void anAccountWithoutAllVersionsSaysWhyItIsNotAvailable(LocalCosmosServer server) {
        ServerControl control = new ServerControl(server);
        control.allVersionsAndDeletes(false);
        try {
            AllVersionsSupport support = service.probeAllVersions(handle);
            assertThat(support.isAvailable()).isFalse();
            assertThat(support.reason()).contains("local emulator keeps only the latest version");
        } finally {
            control.allVersionsAndDeletes(true);
        }
    }

    /**
     * All versions and deletes through the SDK: another client creates, replaces and deletes (partitions in
     * parallel, each partition's changes one after another); the tab shows every one of them exactly once, in the
     * order they were made within each partition, deletes marked with what was deleted.
     */
    @Test
    void allVersionsShowEveryCreateReplaceAndDeleteInOrderPerPartition() {
        assertThat(service.probeAllVersions(handle).isAvailable()).isTrue();
        LiveChangesViewModel vm = openTab();
        waitFor("all versions offered", () -> runner.onUiGet(() -> vm.allVersionsProperty().get()) != null);
        assertThat(runner.onUiGet(() -> vm.chooseMode(FeedMode.ALL_VERSIONS_AND_DELETES))).isTrue();
        waitFor("the tab live in all-versions mode", () -> runner.onUiGet(() -> vm.stateProperty().get())
                == LiveChangesViewModel.State.LIVE);
        int items = 200;
        // per item: create n=0, replace n=1, replace n=2, and every third item deleted
        Flux.fromStream(IntStream.range(0, PARTITIONS).boxed())
                .flatMap(p -> Flux.fromStream(IntStream.range(0, items).filter(i -> i % PARTITIONS == p).boxed())
                        .concatMap(i -> {
                            PartitionKey key = new PartitionKey("p" + p);
                            var steps = theirs.createItem(item(i), key, null)
                                    .then(theirs.replaceItem(item(i).put("step", 1), String.format("w-%04d", i), key))
                                    .then(theirs.replaceItem(item(i).put("step", 2), String.format("w-%04d", i), key));
                            return i % 3 == 0
                                    ? steps.then(theirs.deleteItem(String.format("w-%04d", i), key)).then()
                                    : steps.then();
                        })
                        .subscribeOn(Schedulers.parallel()), PARTITIONS)
                .blockLast(Duration.ofMinutes(2));
        int deletes = (int) IntStream.range(0, items).filter(i -> i % 3 == 0).count();
        int expected = items * 3 + deletes;
        waitFor(expected + " changes", () -> shown(vm).size() >= expected);
        List<ChangeRow> rows = shown(vm);
        assertThat(rows).hasSize(expected);

        Map<String, List<String>> perItem = new HashMap<>();
        Map<String, Long> lastLsnPerPartition = new HashMap<>();
        for (ChangeRow row : rows) {
            assertThat(row.operation()).as("every row of this mode has its operation").isNotNull();
            String step = switch (row.operation().type()) {
                case CREATE -> "create";
                case REPLACE -> "replace " + row.body().path("step").asInt();
                case DELETE -> "delete";
            };
            perItem.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(step);
            Long before = lastLsnPerPartition.put(row.partitionKey().display(), row.operation().lsn());
            assertThat(before == null || before < row.operation().lsn())
                    .as("%s (lsn %s) after lsn %s in its partition", row.id(), row.operation().lsn(), before).isTrue();
        }
        for (int i = 0; i < items; i++) {
            List<String> expectedSteps = new ArrayList<>(List.of("create", "replace 1", "replace 2"));
            if (i % 3 == 0) {
                expectedSteps.add("delete");
            }
            assertThat(perItem.get(String.format("w-%04d", i))).as("item %d", i).isEqualTo(expectedSteps);
        }
        ChangeRow deleted = rows.stream().filter(ChangeRow::isDelete).findFirst().orElseThrow();
        assertThat(deleted.kind()).isEqualTo(ChangeRow.Kind.DELETED);
        assertThat(deleted.body().path("step").asInt()).as("what was deleted: its last version").isEqualTo(2);
        assertThat(deleted.summary()).startsWith("deleted: ").contains("step: 2");
        assertThat(rows.stream().filter(r -> r.operation().type() == ChangeOperation.Type.REPLACE))
                .allSatisfy(r -> assertThat(r.summary()).matches("\\+?step: .*"));
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
