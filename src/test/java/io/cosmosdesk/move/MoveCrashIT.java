package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.CosmosServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the mover at every step (a {@link MoveTestBed.SimulatedCrash} thrown from the step listener, which
 * unwinds the job the way a dying process would: nothing after it runs, the journal holds what was written),
 * then recovers with a NEW service from the journal on disk, by Resume or Roll back, and checks the invariant
 * over the whole container.
 */
@ExtendWith(CosmosServerExtension.class)
class MoveCrashIT {

    /** Fixed so a failure reproduces; -Dmove.crash.seed=... to explore others. */
    private static final long SEED = Long.getLong("move.crash.seed", 20_250_611L);
    private static final int RANDOM_CRASH_POINTS = Integer.getInteger("move.crash.points", 20);
    private static final PartitionKeyValue TARGET = PartitionKeyValue.of("target");
    private static final MoveStep[] FORWARD = {MoveStep.AFTER_PLAN_RECORDED, MoveStep.AFTER_CREATE,
        MoveStep.AFTER_CREATE_RECORDED, MoveStep.AFTER_DELETE, MoveStep.BEFORE_DONE_MARK};

    @TempDir
    Path home;

    private static MoveTuning tuning() {
        return MoveTuning.defaults().withBatchSize(100);
    }

    /** Ten source partitions, every 25th item without a partition key (written one by one, not in bulk). */
    private static PartitionKeyValue keyOf(int i) {
        return i % 25 == 7 ? PartitionKeyValue.of(PartitionKeyValue.MISSING) : PartitionKeyValue.of("p" + i % 10);
    }

    enum Recovery { RESUME, ROLL_BACK }

    @ParameterizedTest(name = "crash {0} of item 30, then resume")
    @EnumSource(names = {"AFTER_PLAN_RECORDED", "AFTER_CREATE", "AFTER_CREATE_RECORDED", "AFTER_DELETE",
        "BEFORE_DONE_MARK"})
    void everyStepThenResume(MoveStep step, CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(60,
                MoveCrashIT::keyOf, 1);
        crashThenRecover(bed, new MoveTestBed.CrashAt(step, 30), Recovery.RESUME, null);
        bed.assertAllMovedTo(TARGET);
    }

    @ParameterizedTest(name = "crash {0} of item 30, then roll back")
    @EnumSource(names = {"AFTER_PLAN_RECORDED", "AFTER_CREATE", "AFTER_CREATE_RECORDED", "AFTER_DELETE",
        "BEFORE_DONE_MARK"})
    void everyStepThenRollBack(MoveStep step, CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(60,
                MoveCrashIT::keyOf, 2);
        crashThenRecover(bed, new MoveTestBed.CrashAt(step, 30), Recovery.ROLL_BACK, null);
        bed.assertAllWhereTheyWere();
    }

    @ParameterizedTest(name = "crash during roll back {0}, then roll back again")
    @EnumSource(names = {"AFTER_SOURCE_RESTORED", "AFTER_COPY_REMOVED"})
    void crashDuringRollBack(MoveStep step, CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(60,
                MoveCrashIT::keyOf, 3);
        crashThenRecover(bed, new MoveTestBed.CrashAt(MoveStep.AFTER_CREATE, 45), Recovery.ROLL_BACK,
                new MoveTestBed.CrashAt(step, 12));
        bed.assertAllWhereTheyWere();
    }

    /**
     * Batches overlap: the sources of one batch are deleted while the next batch's copies are made. A crash as
     * the next batch's first copy is recorded leaves the batch before deleted on the server but not in the
     * journal, and the next batch copied but only partly recorded; recovery settles both, exactly once.
     */
    @ParameterizedTest(name = "crash while one batch is deleted and the next copied, then {0}")
    @EnumSource(Recovery.class)
    void crashWhileOneBatchIsDeletedAndTheNextCopied(Recovery recovery, CosmosAsyncClient client,
            CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(60,
                MoveCrashIT::keyOf, 5);
        MoveService crashing = new MoveService(home, tuning().withBatchSize(20),
                new MoveTestBed.CrashAt(MoveStep.AFTER_CREATE, 20), io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none()))
                .isInstanceOf(MoveTestBed.SimulatedCrash.class);

        JobState journal = JobState.replay(MoveJournal.read(crashing.findUnfinishedJobs().get(0).journal()));
        Map<String, List<PartitionKeyValue>> onServer = keysById(bed);
        for (int i = 0; i < 20; i++) {
            JobState.Item item = journal.item(i);
            assertThat(item.created && !item.sourceDeleted && !item.finished()).as("journal of item " + i).isTrue();
            assertThat(onServer.get(item.id)).as("item " + i + " on the server").containsExactly(TARGET);
        }
        assertThat(onServer.get(journal.item(21).id)).as("item 21 on the server")
                .containsExactlyInAnyOrder(bed.originalKey(journal.item(21).id), TARGET);
        assertThat(journal.item(21).created).isFalse();

        recoverAndCheck(bed, recovery);
    }

    /**
     * A power cut while three batches are on their way: the first batch's deletes are being recorded, the second
     * batch's sources are being deleted and the third batch's copies made. Everything appended since the last
     * sync is lost, so the third batch's copies exist with no CREATED and the second's deletes are not
     * recorded; recovery settles every item, exactly once.
     */
    @ParameterizedTest(name = "power loss with three batches in flight, then {0}")
    @EnumSource(Recovery.class)
    void powerLossWithThreeBatchesInFlight(Recovery recovery, CosmosAsyncClient client, CosmosTestData data)
            throws Exception {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(60,
                MoveCrashIT::keyOf, 6);
        SyncedLength synced = new SyncedLength(home, new MoveTestBed.CrashAt(MoveStep.AFTER_DELETE, 5));
        MoveService crashing = new MoveService(home, tuning().withBatchSize(20), synced, io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none()))
                .isInstanceOf(MoveTestBed.SimulatedCrash.class);
        Path file = crashing.findUnfinishedJobs().get(0).journal();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(synced.length);
        }

        JobState journal = JobState.replay(MoveJournal.read(file));
        Map<String, List<PartitionKeyValue>> onServer = keysById(bed);
        for (int i = 20; i < 40; i++) {
            JobState.Item item = journal.item(i);
            assertThat(item.created && !item.sourceDeleted && !item.finished()).as("journal of item " + i).isTrue();
            assertThat(onServer.get(item.id)).as("item " + i + " on the server").containsExactly(TARGET);
        }
        for (int i = 40; i < 60; i++) {
            JobState.Item item = journal.item(i);
            assertThat(item.planned && !item.created).as("journal of item " + i).isTrue();
            assertThat(onServer.get(item.id)).as("item " + i + " on the server")
                    .containsExactlyInAnyOrder(bed.originalKey(item.id), TARGET);
        }

        recoverAndCheck(bed, recovery);
    }

    /**
     * Remembers the journal's length whenever it was just synced: the *_RECORDED steps come straight after a
     * sync, so cutting the file to this length loses exactly what a power cut would.
     */
    private static final class SyncedLength implements MoveStepListener {
        private final Path folder;
        private final MoveStepListener then;
        long length;

        SyncedLength(Path folder, MoveStepListener then) {
            this.folder = folder;
            this.then = then;
        }

        @Override
        public void reached(MoveStep step, int index, String id) {
            if (step == MoveStep.AFTER_PLAN_RECORDED || step == MoveStep.AFTER_CREATE_RECORDED) {
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
                    Path journal = files.filter(f -> f.toString().endsWith(MoveJournal.EXTENSION)).findFirst()
                            .orElseThrow();
                    length = java.nio.file.Files.size(journal);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            then.reached(step, index, id);
        }
    }

    private static Map<String, List<PartitionKeyValue>> keysById(MoveTestBed bed) {
        Map<String, List<PartitionKeyValue>> keys = new HashMap<>();
        for (com.fasterxml.jackson.databind.node.ObjectNode item : bed.all()) {
            keys.computeIfAbsent(item.get("id").asText(), k -> new ArrayList<>())
                    .add(PartitionKeyValue.fromItem(item, bed.paths));
        }
        return keys;
    }

    /** Recovers with a new service, as after a restart, and checks every item is exactly once where it belongs. */
    private void recoverAndCheck(MoveTestBed bed, Recovery recovery) {
        MoveService restarted = new MoveService(home, tuning(), MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = recover(restarted, bed, recovery);
        assertThat(report.failures()).as(report.summary()).isZero();
        assertThat(restarted.findUnfinishedJobs()).isEmpty();
        if (recovery == Recovery.RESUME) {
            assertThat(report.moved()).isEqualTo(60);
            bed.assertAllMovedTo(TARGET);
        } else {
            bed.assertAllWhereTheyWere();
        }
    }

    @Test
    void aTornLastLineIsIgnored(CosmosAsyncClient client, CosmosTestData data) throws Exception {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false).seed(20,
                MoveCrashIT::keyOf, 4);
        MoveService crashing = new MoveService(home, tuning().withBatchSize(5),
                new MoveTestBed.CrashAt(MoveStep.AFTER_CREATE_RECORDED, 12), io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none()))
                .isInstanceOf(MoveTestBed.SimulatedCrash.class);
        Path journal = crashing.findUnfinishedJobs().get(0).journal();
        java.nio.file.Files.writeString(journal, "{\"t\":\"DONE\",\"n\":12,\"outc", java.nio.file.StandardOpenOption.APPEND);

        MoveService restarted = new MoveService(home, tuning(), MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = restarted.resumeJob(bed.handle, restarted.findUnfinishedJobs().get(0).jobId(),
                MoveControl.none());
        assertThat(report.moved()).isEqualTo(20);
        bed.assertAllMovedTo(TARGET);
    }

    /**
     * Randomized crash points over 1,000-item jobs: a crash at a random step of a random item, then a random
     * recovery (which may itself crash once at a random point), then a final recovery the same way.
     */
    @Test
    void randomCrashPointsOverThousandItemJobs(CosmosAsyncClient client, CosmosTestData data) {
        Random random = new Random(SEED);
        System.out.println("MoveCrashIT seed " + SEED + " (rerun with -Dmove.crash.seed=" + SEED + ")");
        int crashes = 0;
        List<String> log = new ArrayList<>();
        for (int point = 0; point < RANDOM_CRASH_POINTS; point++) {
            MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                    .seed(1000, MoveCrashIT::keyOf, SEED + point);
            MoveTestBed.CrashAt first = new MoveTestBed.CrashAt(FORWARD[random.nextInt(FORWARD.length)],
                    random.nextInt(1000));
            Recovery recovery = random.nextBoolean() ? Recovery.RESUME : Recovery.ROLL_BACK;
            MoveTestBed.CrashAt second = null;
            if (random.nextBoolean()) {
                second = recovery == Recovery.RESUME
                        ? new MoveTestBed.CrashAt(FORWARD[random.nextInt(FORWARD.length)],
                                first.index + random.nextInt(1000 - first.index))
                        : new MoveTestBed.CrashAt(random.nextBoolean() ? MoveStep.AFTER_SOURCE_RESTORED
                                : MoveStep.AFTER_COPY_REMOVED, random.nextInt(first.index + 1));
            }
            String line = "crash point " + point + ": " + first + " then " + recovery
                    + (second == null ? "" : " crashing at " + second);
            System.out.println("MoveCrashIT " + line);
            log.add(line);
            crashes += crashThenRecover(bed, first, recovery, second);
            if (recovery == Recovery.RESUME) {
                bed.assertAllMovedTo(TARGET);
            } else {
                bed.assertAllWhereTheyWere();
            }
        }
        System.out.println("MoveCrashIT: " + crashes + " crashes injected and recovered over " + RANDOM_CRASH_POINTS
                + " jobs of 1,000 items");
        assertThat(crashes).as(String.join("\n", log)).isGreaterThanOrEqualTo(RANDOM_CRASH_POINTS);
    }

    /**
     * Runs the move until {@code first} crashes it, recovers with a fresh service (crashing once more at
     * {@code second} if given, then recovering again with yet another), and returns how many crashes happened.
     */
    private int crashThenRecover(MoveTestBed bed, MoveTestBed.CrashAt first, Recovery recovery,
            MoveTestBed.CrashAt second) {
        MoveService crashing = new MoveService(home, tuning(), first, io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none()))
                .isInstanceOf(MoveTestBed.SimulatedCrash.class);
        assertThat(first.crashed).isTrue();
        int crashes = 1;
        if (second != null) {
            MoveService again = new MoveService(home, tuning(), second, io.cosmosdesk.testing.TestAudit.writes());
            try {
                recover(again, bed, recovery);
            } catch (MoveTestBed.SimulatedCrash expected) {
                crashes++;
            }
        }
        MoveService restarted = new MoveService(home, tuning(), MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
        if (!restarted.findUnfinishedJobs().isEmpty()) {
            MoveReport report = recover(restarted, bed, recovery);
            assertThat(report.status()).isEqualTo(recovery == Recovery.RESUME ? MoveReport.Status.COMPLETED
                    : MoveReport.Status.ROLLED_BACK);
            assertThat(report.failures()).as(report.summary()).isZero();
        }
        assertThat(restarted.findUnfinishedJobs()).isEmpty();
        return crashes;
    }

    private static MoveReport recover(MoveService service, MoveTestBed bed, Recovery recovery) {
        List<MoveJobSummary> jobs = service.findUnfinishedJobs();
        assertThat(jobs).hasSize(1);
        String jobId = jobs.get(0).jobId();
        return recovery == Recovery.RESUME ? service.resumeJob(bed.handle, jobId, MoveControl.none())
                : service.rollBackJob(bed.handle, jobId, MoveControl.none());
    }
}
