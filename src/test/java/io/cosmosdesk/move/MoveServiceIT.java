package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.Fault;
import io.cosmosdesk.sandbox.LocalCosmosServer.FaultMode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Moving items against the real local server: outcomes, conflicts, concurrent edits, throttling and outages. */
@ExtendWith(CosmosServerExtension.class)
class MoveServiceIT {

    private static final PartitionKeyValue TARGET = PartitionKeyValue.of("target");

    @TempDir
    Path home;

    @RegisterExtension
    final AfterEachCallback faults = CosmosServerExtension.clearingFaults();

    private MoveService service() {
        return new MoveService(home, MoveTuning.defaults().withBatchSize(50)
                .withBackoff(4, Duration.ofMillis(50), Duration.ofMillis(200)), MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
    }

    private MoveTestBed bed(CosmosAsyncClient client, CosmosTestData data, int count) {
        return new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(count, i -> PartitionKeyValue.of("p" + i % 3), 7);
    }

    @Test
    void movesEveryItemOnceAndEndsTheJournal(CosmosAsyncClient client, CosmosTestData data) throws Exception {
        MoveTestBed bed = bed(client, data, 120);
        List<MoveProgress> progress = new ArrayList<>();
        MoveReport report = service().moveItems(bed.handle, bed.sources(), TARGET, new MoveControl(progress::add));

        assertThat(report.status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(report.moved()).isEqualTo(120);
        assertThat(report.message()).startsWith("Done: 120 moved");
        bed.assertAllMovedTo(TARGET);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).processed()).isEqualTo(120);
        assertThat(service().findUnfinishedJobs()).isEmpty();
        assertThat(report.journal().getParent().getFileName().toString()).isEqualTo("done");
        assertThat(Files.readAllLines(report.journal())).first().asString().contains("\"t\":\"JOB\"");
    }

    @Test
    void readsItemsGivenOnlyByReference(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 10);
        List<MoveSource> refs = bed.sources().stream().map(s -> MoveSource.ref(s.id(), s.partitionKey())).toList();
        MoveReport report = service().moveItems(bed.handle, refs, TARGET, MoveControl.none());
        assertThat(report.moved()).isEqualTo(10);
        bed.assertAllMovedTo(TARGET);
    }

    @Test
    void anExistingIdInTheTargetIsAConflictAndNothingIsOverwritten(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 10);
        List<MoveSource> sources = bed.sources();
        ObjectNode squatter = MoveTestBed.JSON.createObjectNode().put("id", "item-0003").put("pk", "target")
                .put("owner", "someone else");
        bed.container.createItem(squatter).block();

        MovePreview preview = service().previewMove(bed.handle, sources, TARGET);
        assertThat(preview.existingInTarget()).containsExactly("item-0003");
        assertThat(preview.toMove()).isEqualTo(10);
        assertThat(preview.estimatedRequestUnits()).isPositive();

        MoveReport report = service().moveItems(bed.handle, sources, TARGET, MoveControl.none());
        assertThat(report.moved()).isEqualTo(9);
        assertThat(report.conflicts()).isEqualTo(1);
        ObjectNode stillThere = bed.container.readItem("item-0003", new PartitionKey("target"), ObjectNode.class)
                .block().getItem();
        assertThat(stillThere.get("owner").asText()).isEqualTo("someone else");
        assertThat(bed.container.readItem("item-0003", bed.originalKey("item-0003").toPartitionKey(),
                ObjectNode.class).block().getItem().get("n").asInt()).isEqualTo(3);
    }

    @Test
    void aCopyWhoseAnswerWasLostIsRecognisedAsOurs(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 5);
        List<MoveSource> sources = bed.sources();
        // what a create leaves when its answer never arrived: the copy exists, the mover does not know
        bed.container.createItem(ItemBodies.underKey(bed.originals.get("item-0002"), TARGET, bed.paths)).block();

        MoveReport report = service().moveItems(bed.handle, sources, TARGET, MoveControl.none());
        assertThat(report.moved()).isEqualTo(5);
        assertThat(report.conflicts()).isZero();
        bed.assertAllMovedTo(TARGET);
    }

    @Test
    void movingTheSameRowsAgainReportsThemAsMovedBeforeNotAsMoved(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 5);
        List<MoveSource> stale = bed.sources();
        assertThat(service().moveItems(bed.handle, stale, TARGET, MoveControl.none()).moved()).isEqualTo(5);

        // the grid still showed the old rows: the same move again
        MoveReport again = service().moveItems(bed.handle, stale, TARGET, MoveControl.none());
        assertThat(again.moved()).isZero();
        assertThat(again.failures()).isZero();
        assertThat(again.items()).allSatisfy(item -> {
            assertThat(item.outcome()).isEqualTo(MoveOutcome.ALREADY_IN_TARGET);
            assertThat(item.reason()).contains("moved before");
        });
        bed.assertAllMovedTo(TARGET);
    }

    @Test
    void aSourceEditedDuringTheMoveIsNotMovedAndItsCopyIsRemoved(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 30);
        List<MoveSource> sources = bed.sources();
        ObjectNode edited = bed.originals.get("item-0011").deepCopy().put("name", "edited meanwhile");
        MoveStepListener editor = (step, index, id) -> {
            if (step == MoveStep.AFTER_CREATE_RECORDED && index == 11) {
                bed.container.replaceItem(edited, id, bed.originalKey(id).toPartitionKey()).block();
            }
        };
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(50), editor, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = service.moveItems(bed.handle, sources, TARGET, MoveControl.none());

        assertThat(report.moved()).isEqualTo(29);
        assertThat(report.changedDuringMove()).isEqualTo(1);
        assertThat(report.items().get(11).outcome()).isEqualTo(MoveOutcome.CHANGED);
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        bed.originals.keySet().forEach(id -> keys.put(id, TARGET));
        keys.put("item-0011", bed.originalKey("item-0011"));
        bed.assertEachExactlyOnce(keys, Map.of("item-0011", edited));
    }

    @Test
    void anItemChangedSinceItWasSelectedIsNotMoved(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 4);
        List<MoveSource> refs = bed.sources().stream()
                .map(s -> new MoveSource(s.id(), s.partitionKey(), s.etag(), null)).toList();
        ObjectNode edited = bed.originals.get("item-0001").deepCopy().put("name", "edited");
        bed.container.replaceItem(edited, "item-0001", bed.originalKey("item-0001").toPartitionKey()).block();

        MoveReport report = service().moveItems(bed.handle, refs, TARGET, MoveControl.none());
        assertThat(report.moved()).isEqualTo(3);
        assertThat(report.items().get(1).outcome()).isEqualTo(MoveOutcome.CHANGED);
    }

    @Test
    void movingToTheSameValueIsANoOp(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 6);
        MoveReport report = service().moveItems(bed.handle, bed.sources(), PartitionKeyValue.of("p1"),
                MoveControl.none());
        assertThat(report.count(MoveOutcome.ALREADY_IN_TARGET)).isEqualTo(2);
        assertThat(report.moved()).isEqualTo(4);
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        bed.originals.keySet().forEach(id -> keys.put(id, PartitionKeyValue.of("p1")));
        bed.assertEachExactlyOnce(keys, Map.of());
    }

    @Test
    void movesToAndFromAMissingKey(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(8, i -> i < 4 ? PartitionKeyValue.of(PartitionKeyValue.MISSING) : PartitionKeyValue.of(i * 1L), 8);
        PartitionKeyValue missing = PartitionKeyValue.of(PartitionKeyValue.MISSING);
        MovePreview preview = service().previewMove(bed.handle, bed.sources(), missing);
        assertThat(preview.alreadyInTarget()).isEqualTo(4);

        MoveReport toMissing = service().moveItems(bed.handle, bed.sources(), missing, MoveControl.none());
        assertThat(toMissing.moved()).isEqualTo(4);
        bed.assertAllMovedTo(missing);
        assertThat(bed.all()).allSatisfy(i -> assertThat(i.has("pk")).isFalse());

        MoveReport toNull = service().moveItems(bed.handle, bed.sources(), PartitionKeyValue.of((Object) null),
                MoveControl.none());
        assertThat(toNull.moved()).isEqualTo(8);
        bed.assertAllMovedTo(PartitionKeyValue.of((Object) null));
    }

    @Test
    void hierarchicalKeysMoveOneValuePerLevel(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/tenant", "/region"),
                List.of("/tenant", "/region"), false).seed(12, i -> PartitionKeyValue.of("t" + i % 2, "eu"), 9);
        PartitionKeyValue target = PartitionKeyValue.of("t9", "us");
        MoveReport report = service().moveItems(bed.handle, bed.sources(), target, MoveControl.none());
        assertThat(report.moved()).isEqualTo(12);
        bed.assertAllMovedTo(target);

        assertThatThrownBy(() -> service().moveItems(bed.handle, bed.sources(),
                PartitionKeyValue.of("t1", PartitionKeyValue.MISSING), MoveControl.none()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.userMessage()).contains("cannot have a missing"));
        assertThatThrownBy(() -> service().previewMove(bed.handle, bed.sources(), PartitionKeyValue.of("t1")))
                .isInstanceOf(CosmosDeskException.class);
    }

    /**
     * iot/telemetry-like rows (/tenantId › /deviceId › /day) from two days moved to another device: only the device
     * changes, each row keeps its own day (the bug: every row got one day). A crash half-way and a resume keep it
     * exact, because the journal holds each item's own target.
     */
    @Test
    void keptLevelsStayEachItemsOwnAlsoAfterACrashAndResume(CosmosAsyncClient client, CosmosTestData data) {
        List<String> paths = List.of("/tenantId", "/deviceId", "/day");
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, paths.toArray(String[]::new)), paths,
                false).seed(9, i -> PartitionKeyValue.of("contoso", "dev-" + i % 3, "2024-05-0" + (1 + i % 2)), 11);
        List<MoveSource> device1 = bed.sources().stream()
                .filter(s -> s.partitionKey().components().get(1).equals("dev-1")).toList();
        assertThat(device1).extracting(s -> s.partitionKey().components().get(2)).containsOnly("2024-05-01",
                "2024-05-02").contains("2024-05-01", "2024-05-02");
        MoveTarget target = MoveTarget.ofLevels(MoveTarget.KEEP, "dev-9", MoveTarget.KEEP);

        MovePreview preview = service().previewMoveTo(bed.handle, device1, target);
        assertThat(preview.toMove()).isEqualTo(device1.size());
        assertThat(preview.existingInTarget()).isEmpty();

        MoveTestBed.CrashAt crash = new MoveTestBed.CrashAt(MoveStep.AFTER_CREATE, 1);
        MoveService crashing = new MoveService(home, MoveTuning.defaults().withBatchSize(2), crash, io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItemsTo(bed.handle, device1, target, MoveControl.none()))
                .isInstanceOf(MoveTestBed.SimulatedCrash.class);
        List<MoveJobSummary> unfinished = service().findUnfinishedJobs();
        assertThat(unfinished).hasSize(1);
        assertThat(unfinished.get(0).targetPartitionKey()).isEqualTo("(each item's own /tenantId) › \"dev-9\" › "
                + "(each item's own /day)");
        MoveReport report = service().resumeJob(bed.handle, unfinished.get(0).jobId(), MoveControl.none());

        assertThat(report.moved()).isEqualTo(device1.size());
        Map<String, PartitionKeyValue> expected = new HashMap<>();
        for (MoveSource source : bed.sources()) {
            expected.put(source.id(), bed.originalKey(source.id()));
        }
        for (MoveSource moved : device1) {
            List<Object> own = moved.partitionKey().components();
            expected.put(moved.id(), PartitionKeyValue.of(own.get(0), "dev-9", own.get(2)));
        }
        bed.assertEachExactlyOnce(expected, Map.of());
        assertThat(report.items()).allSatisfy(item -> assertThat(item.targetPartitionKey())
                .isEqualTo(expected.get(item.id()).display()));
    }

    @Test
    void readOnlyConnectionsCannotMove(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed writable = bed(client, data, 2);
        MoveTestBed readOnly = new MoveTestBed(client, writable.container, List.of("/pk"), true);
        assertThatThrownBy(() -> service().moveItems(readOnly.handle, writable.sources(), TARGET, MoveControl.none()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThatThrownBy(() -> service().previewMove(readOnly.handle, writable.sources(), TARGET))
                .isInstanceOf(CosmosDeskException.class);
        assertThat(home.toFile().list()).isNullOrEmpty();
        writable.assertAllWhereTheyWere();
    }

    @Test
    void cancelFinishesTheBatchInFlightAndRecordsTheRestAsNotStarted(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 200);
        MoveControl control = MoveControl.none();
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(50), (step, index, id) -> {
            if (step == MoveStep.AFTER_CREATE && index == 60) {
                control.requestCancel();
            }
        }, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = service.moveItems(bed.handle, bed.sources(), TARGET, control);

        assertThat(report.status()).isEqualTo(MoveReport.Status.CANCELLED);
        assertThat(report.moved()).isEqualTo(100);
        assertThat(report.count(MoveOutcome.NOT_STARTED)).isEqualTo(100);
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        for (MoveReport.ItemResult item : report.items()) {
            keys.put(item.id(), item.outcome() == MoveOutcome.MOVED ? TARGET : bed.originalKey(item.id()));
        }
        bed.assertEachExactlyOnce(keys, Map.of());
        assertThat(service.findUnfinishedJobs()).isEmpty();
    }

    @Test
    void throttlingIsWaitedOutWithoutFailingTheJob(CosmosAsyncClient client, CosmosTestData data,
            LocalCosmosServer server) {
        MoveTestBed bed = bed(client, data, 150);
        List<MoveSource> sources = bed.sources();
        server.setFault(Fault.of(FaultMode.THROTTLE, 12).onMethods("POST", "DELETE").onPathsContaining("/docs")
                .retryAfter(Duration.ofMillis(20)));
        ProgressOnJobThread progress = new ProgressOnJobThread();
        MoveReport report = service().moveItems(bed.handle, sources, TARGET, progress.control);
        assertThat(report.status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(report.moved()).isEqualTo(150);
        bed.assertAllMovedTo(TARGET);
        assertThat(server.recentRequests()).anyMatch(r -> "429".equals(r.fault()));
        // the SDK's bulk execution retries 429s itself, so no status line is asserted here
        progress.assertAllOnTheJobThread();
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void throttlingThatNeverEndsStopsTheJobResumablyAfterBoundedRounds(CosmosAsyncClient client,
            CosmosTestData data, LocalCosmosServer server) {
        MoveTestBed seeded = bed(client, data, 5);
        // no SDK retries of its own, so every 429 reaches the job's rounds at once
        CosmosAsyncClient noSdkRetries = CosmosServerExtension.clientBuilder(server)
                .throttlingRetryOptions(new com.azure.cosmos.ThrottlingRetryOptions()
                        .setMaxRetryAttemptsOnThrottledRequests(0))
                .buildAsyncClient();
        try {
            MoveTestBed bed = new MoveTestBed(noSdkRetries, seeded.container, List.of("/pk"), false);
            // once the first batch is planned (the queries before it stay unthrottled), every write gets a 429
            MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(50)
                    .withBackoff(4, Duration.ofMillis(50), Duration.ofMillis(200)), (step, index, id) -> {
                        if (step == MoveStep.AFTER_PLAN_RECORDED && index == 0) {
                            server.setFault(Fault.of(FaultMode.THROTTLE, 1_000_000).onMethods("POST")
                                    .onPathsContaining("/docs").retryAfter(Duration.ofMillis(5)));
                        }
                    }, io.cosmosdesk.testing.TestAudit.writes());

            MoveReport stopped = service.moveItems(bed.handle, seeded.sources(), TARGET, MoveControl.none());

            assertThat(stopped.status()).isEqualTo(MoveReport.Status.INTERRUPTED);
            assertThat(stopped.message()).startsWith(ErrorKind.THROTTLED.defaultSentence())
                    .contains("can be resumed");
            server.clearFaults();
            assertThat(service.findUnfinishedJobs()).hasSize(1);
        } finally {
            noSdkRetries.close();
        }
    }

    @Test
    void unavailableAnswersAreRetried(CosmosAsyncClient client, CosmosTestData data, LocalCosmosServer server) {
        MoveTestBed bed = bed(client, data, 150);
        List<MoveSource> sources = bed.sources();
        server.setFault(Fault.of(FaultMode.UNAVAILABLE, 3).onMethods("POST", "DELETE").onPathsContaining("/docs"));
        ProgressOnJobThread progress = new ProgressOnJobThread();
        MoveReport report = service().moveItems(bed.handle, sources, TARGET, progress.control);
        assertThat(report.moved()).isEqualTo(150);
        bed.assertAllMovedTo(TARGET);
        assertThat(server.recentRequests()).anyMatch(r -> "503".equals(r.fault()));
        progress.assertTold("Server unavailable — retrying");
        progress.assertAllOnTheJobThread();
    }

    /**
     * Progress as the caller hears it. Copies and deletes run on a background thread, but the retry status lines
     * they report reach the caller on the job's thread, like every other update.
     */
    private static final class ProgressOnJobThread {
        final Thread jobThread = Thread.currentThread();
        final List<MoveProgress> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final MoveControl control = new MoveControl(update -> {
            updates.add(update);
            threads.add(Thread.currentThread());
        });

        void assertTold(String statusStart) {
            assertThat(updates).extracting(MoveProgress::status).anyMatch(s -> s.startsWith(statusStart));
        }

        void assertAllOnTheJobThread() {
            assertThat(threads).isNotEmpty().containsOnly(jobThread);
        }
    }

    @Test
    void theServerGoingAwayMidJobAndComingBackIsRiddenOut(CosmosAsyncClient client, CosmosTestData data,
            LocalCosmosServer server) {
        MoveTestBed bed = bed(client, data, 200);
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(50)
                .withBackoff(10, Duration.ofMillis(50), Duration.ofMillis(200)), (step, index, id) -> {
                    if (step == MoveStep.AFTER_CREATE_RECORDED && index == 70) {
                        server.setFault(Fault.of(FaultMode.DROP, 6).onPathsContaining("/docs"));
                    }
                }, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());
        assertThat(report.status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(report.moved()).isEqualTo(200);
        bed.assertAllMovedTo(TARGET);
        assertThat(server.recentRequests()).anyMatch(r -> "drop".equals(r.fault()));
    }

    @Test
    void aServerThatStaysAwayStopsTheJobResumably(CosmosAsyncClient client, CosmosTestData data,
            LocalCosmosServer server) {
        MoveTestBed bed = bed(client, data, 200);
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(50)
                .withBackoff(2, Duration.ofMillis(20), Duration.ofMillis(50)), (step, index, id) -> {
                    if (step == MoveStep.AFTER_CREATE_RECORDED && index == 120) {
                        server.setFault(Fault.of(FaultMode.UNAVAILABLE, 100_000).onPathsContaining("/docs"));
                    }
                }, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport stopped = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());
        assertThat(stopped.status()).isEqualTo(MoveReport.Status.INTERRUPTED);
        assertThat(stopped.message()).contains("can be resumed");
        assertThat(stopped.count(MoveOutcome.UNFINISHED)).isPositive();
        List<MoveJobSummary> unfinished = service.findUnfinishedJobs();
        assertThat(unfinished).hasSize(1);
        assertThat(unfinished.get(0).inFlight()).isPositive();
        assertThat(unfinished.get(0).endpoint()).as("the journal names the account, not just the connection")
                .isEqualTo(bed.handle.connection().profile().endpoint());
        assertThat(JobConnections.ranOn(unfinished.get(0), bed.handle.connection().profile())).isTrue();
        assertThat(JobConnections.ranOn(unfinished.get(0), io.cosmosdesk.cosmos.ConnectionProfile.create(
                bed.handle.connection().profile().name(), bed.handle.connection().profile().authKind(),
                "https://localhost:1"))).as("same name, another account").isFalse();

        server.clearFaults();
        MoveReport resumed = service().resumeJob(bed.handle, unfinished.get(0).jobId(), MoveControl.none());
        assertThat(resumed.status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(resumed.moved()).isEqualTo(200);
        bed.assertAllMovedTo(TARGET);
    }

    @Test
    void aStoppedJobsReportSaysWhichItemsWereNeverStarted(CosmosAsyncClient client, CosmosTestData data,
            LocalCosmosServer server) {
        MoveTestBed bed = bed(client, data, 200);
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(20)
                .withBackoff(2, Duration.ofMillis(20), Duration.ofMillis(50)), (step, index, id) -> {
                    if (step == MoveStep.AFTER_CREATE_RECORDED && index == 10) {
                        server.setFault(Fault.of(FaultMode.UNAVAILABLE, 100_000).onPathsContaining("/docs"));
                    }
                }, io.cosmosdesk.testing.TestAudit.writes());

        MoveReport stopped = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());

        assertThat(stopped.status()).isEqualTo(MoveReport.Status.INTERRUPTED);
        long neverStarted = stopped.count(MoveOutcome.NEVER_STARTED);
        long unfinished = stopped.count(MoveOutcome.UNFINISHED);
        assertThat(unfinished).isPositive();
        assertThat(neverStarted).as("the batches after the stop were never planned").isPositive();
        assertThat(unfinished).as("only the batches planned before the stop").isLessThanOrEqualTo(3 * 20);
        assertThat(stopped.moved() + unfinished + neverStarted).isEqualTo(200);
        assertThat(stopped.summary()).endsWith(", " + neverStarted + " not started");
        assertThat(MoveOutcome.NEVER_STARTED.label()).doesNotContain("Roll back");
    }

    @Test
    void theEditorHandsOverItsEditedItem(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data, 3);
        MoveSource loaded = bed.sources().get(1);
        ObjectNode edited = loaded.body().deepCopy().put("name", "renamed in the editor").put("pk", "target");
        MoveReport report = service().moveEditedItem(bed.handle, loaded.id(), loaded.partitionKey(), loaded.etag(),
                edited, TARGET, MoveControl.none());
        assertThat(report.moved()).isEqualTo(1);
        ObjectNode moved = bed.container.readItem(loaded.id(), new PartitionKey("target"), ObjectNode.class).block()
                .getItem();
        assertThat(moved.get("name").asText()).isEqualTo("renamed in the editor");

        // a stale editor: the server copy changed after the editor loaded it
        MoveSource other = bed.sources().get(2);
        bed.container.replaceItem(other.body().deepCopy().put("name", "changed on the server"), other.id(),
                other.partitionKey().toPartitionKey()).block();
        MoveReport stale = service().moveEditedItem(bed.handle, other.id(), other.partitionKey(), other.etag(),
                other.body().deepCopy().put("name", "editor"), TARGET, MoveControl.none());
        assertThat(stale.changedDuringMove()).isEqualTo(1);
        assertThat(bed.container.readItem(other.id(), other.partitionKey().toPartitionKey(), ObjectNode.class).block()
                .getItem().get("name").asText()).isEqualTo("changed on the server");
    }
}
