package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A move's writes are in the audit log: each copy and each source delete once, with bodies, tied by the job id. */
@ExtendWith(CosmosServerExtension.class)
class MoveAuditIT {

    private static final PartitionKeyValue TARGET = PartitionKeyValue.of("target");

    @TempDir
    Path home;

    private List<AuditEntry> entries(AuditLog log) {
        List<AuditEntry> oldestFirst = new ArrayList<>(log.read(e -> true, 10_000));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Test
    void eachCopyAndEachSourceDeleteIsRecordedOnce(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(60, i -> PartitionKeyValue.of("p" + i % 3), 7);
        AuditLog log = new AuditLog(home.resolve("audit"));
        MoveService service = new MoveService(home.resolve("moves"), MoveTuning.defaults().withBatchSize(25),
                MoveStepListener.NONE, new AuditedWrites(log));

        MoveReport report = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());

        assertThat(report.moved()).isEqualTo(60);
        List<AuditEntry> entries = entries(log);
        assertThat(entries).hasSize(120).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.job()).isEqualTo(report.jobId());
        });
        Map<String, List<AuditEntry>> byOperation = entries.stream()
                .collect(Collectors.groupingBy(AuditEntry::operation));
        assertThat(byOperation.keySet()).containsExactlyInAnyOrder("move-copy", "move-delete-source");
        assertThat(byOperation.get("move-copy")).extracting(AuditEntry::id)
                .containsExactlyInAnyOrderElementsOf(bed.originals.keySet());
        assertThat(byOperation.get("move-delete-source")).extracting(AuditEntry::id)
                .containsExactlyInAnyOrderElementsOf(bed.originals.keySet());
        for (AuditEntry copy : byOperation.get("move-copy")) {
            ObjectNode original = bed.originals.get(copy.id());
            assertSame(copy.after(), ItemBodies.underKey(original, TARGET, bed.paths));
            assertThat(copy.partitionKeyDisplay()).isEqualTo(TARGET.display());
            assertThat(copy.etagAfter()).isNotBlank();
        }
        for (AuditEntry delete : byOperation.get("move-delete-source")) {
            assertSame(delete.before(), bed.originals.get(delete.id()));
            assertThat(delete.partitionKeyDisplay()).isEqualTo(bed.originalKey(delete.id()).display());
            assertThat(delete.etagBefore()).isNotBlank();
            assertThat(delete.after()).isNull();
        }
        // every copy is recorded before the delete of its source
        for (String id : bed.originals.keySet()) {
            int copy = indexOf(entries, "move-copy", id);
            int delete = indexOf(entries, "move-delete-source", id);
            assertThat(copy).as(id).isLessThan(delete);
        }
    }

    @Test
    void aSourceChangedDuringTheMoveRecordsTheRefusedDeleteAndTheCopyRemoved(CosmosAsyncClient client,
            CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(10, i -> PartitionKeyValue.of("p" + i % 3), 7);
        ObjectNode edited = bed.originals.get("item-0004").deepCopy().put("name", "edited meanwhile");
        MoveStepListener editor = (step, index, id) -> {
            if (step == MoveStep.AFTER_CREATE_RECORDED && index == 4) {
                bed.container.replaceItem(edited, id, bed.originalKey(id).toPartitionKey()).block();
            }
        };
        AuditLog log = new AuditLog(home.resolve("audit"));
        MoveService service = new MoveService(home.resolve("moves"), MoveTuning.defaults().withBatchSize(50), editor,
                new AuditedWrites(log));

        MoveReport report = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());

        assertThat(report.changedDuringMove()).isEqualTo(1);
        List<AuditEntry> ofItem = entries(log).stream().filter(e -> e.id().equals("item-0004")).toList();
        assertThat(ofItem).extracting(AuditEntry::operation, AuditEntry::outcome, AuditEntry::errorKind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("move-copy", "ok", null),
                        org.assertj.core.groups.Tuple.tuple("move-delete-source", "failed", "CHANGED_BY_SOMEONE_ELSE"),
                        org.assertj.core.groups.Tuple.tuple("move-remove-copy", "ok", null));
        assertThat(ofItem.get(2).partitionKeyDisplay()).isEqualTo(TARGET.display());
        assertSame(ofItem.get(2).before(), ItemBodies.underKey(bed.originals.get("item-0004"), TARGET, bed.paths));
    }

    /**
     * A crash can come at any moment of a move, and what the server applied must be on record: at the moment the
     * mover learns how a copy or a source delete ended (before it journals the outcome), that write's entry is
     * already in the audit file on disk, where a fresh reader (the next start, after a crash) finds it.
     */
    @Test
    void eachWriteIsOnDiskBeforeTheMoverLearnsHowItEnded(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(120, i -> PartitionKeyValue.of("p" + i % 3), 7);
        Path folder = home.resolve("audit");
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        MoveStepListener crashPoint = (step, index, id) -> {
            String operation = step == MoveStep.AFTER_CREATE ? "move-copy"
                    : step == MoveStep.AFTER_DELETE ? "move-delete-source" : null;
            if (operation == null) {
                return;
            }
            checked.incrementAndGet();
            // what survives a crash now: the files as the next start reads them
            boolean onDisk = !new AuditLog(folder).read(e -> e.id().equals(id) && e.operation().equals(operation)
                    && e.outcome().equals("ok"), 1).isEmpty();
            if (!onDisk) {
                missing.add(operation + " " + id);
            }
        };
        AuditLog log = new AuditLog(folder);
        MoveService service = new MoveService(home.resolve("moves"), MoveTuning.defaults().withBatchSize(40),
                crashPoint, new AuditedWrites(log));

        MoveReport report = service.moveItems(bed.handle, bed.sources(), TARGET, MoveControl.none());

        assertThat(report.moved()).isEqualTo(120);
        assertThat(checked.get()).isEqualTo(240);
        assertThat(missing).as("writes the server applied but a crash at that moment would leave unrecorded")
                .isEmpty();
    }

    /** Where the stop came: each leaves the server and the journal in another state for the resume to settle. */
    enum LostAt {
        /** Item 12's create reached the server, but neither its answer nor its entry came (made here as it would have). */
        CREATE_ANSWER,
        /** Item 12's copy answered and was recorded in the audit log; the journal had not recorded it yet. */
        AFTER_CREATE,
        /** Item 12's source delete answered and was recorded; the journal had not recorded it yet. */
        AFTER_DELETE
    }

    /**
     * A stop between a write reaching the server and the job journaling it: the resumed move finds the write on the
     * server and, when the audit log has no entry for it (its answer never came), records it then, marked as
     * recorded on recovery; when the entry was written before the stop, it is not recorded twice. Each copy and each
     * source delete ends with exactly one entry.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(LostAt.class)
    void aWriteWhoseAnswerTheStopLostIsRecordedOnceWhenTheMoveResumes(LostAt lostAt, CosmosAsyncClient client,
            CosmosTestData data) {
        MoveTestBed bed = new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(30, i -> PartitionKeyValue.of("p" + i % 3), 7);
        Path folder = home.resolve("audit");
        String[] lost = new String[1];
        MoveStepListener stop = (step, index, id) -> {
            if (index != 12 || lost[0] != null) {
                return;
            }
            boolean now = switch (lostAt) {
                case CREATE_ANSWER -> step == MoveStep.AFTER_PLAN_RECORDED;
                case AFTER_CREATE -> step == MoveStep.AFTER_CREATE;
                case AFTER_DELETE -> step == MoveStep.AFTER_DELETE;
            };
            if (now) {
                lost[0] = id;
                if (lostAt == LostAt.CREATE_ANSWER) {
                    bed.container.createItem(ItemBodies.underKey(bed.originals.get(id), TARGET, bed.paths),
                            TARGET.toPartitionKey(), null).block();
                }
                throw new MoveTestBed.SimulatedCrash(lostAt + " of " + id);
            }
        };
        AuditLog first = new AuditLog(folder);
        MoveService crashing = new MoveService(home.resolve("moves"), MoveTuning.defaults().withBatchSize(10), stop,
                new AuditedWrites(first));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> crashing.moveItems(bed.handle, bed.sources(),
                TARGET, MoveControl.none())).isInstanceOf(MoveTestBed.SimulatedCrash.class);
        first.close();

        AuditLog log = new AuditLog(folder);
        MoveService restarted = new MoveService(home.resolve("moves"), MoveTuning.defaults().withBatchSize(10),
                MoveStepListener.NONE, new AuditedWrites(log));
        String jobId = restarted.findUnfinishedJobs().get(0).jobId();
        MoveReport report = restarted.resumeJob(bed.handle, jobId, MoveControl.none());

        assertThat(report.status()).isEqualTo(MoveReport.Status.COMPLETED);
        bed.assertAllMovedTo(TARGET);
        List<AuditEntry> entries = entries(log);
        Map<String, Long> perWrite = entries.stream().filter(AuditEntry::ok)
                .collect(Collectors.groupingBy(e -> e.operation() + " " + e.id(), Collectors.counting()));
        for (String id : bed.originals.keySet()) {
            assertThat(perWrite.get("move-copy " + id)).as("copy entries of " + id).isEqualTo(1L);
            assertThat(perWrite.get("move-delete-source " + id)).as("source delete entries of " + id).isEqualTo(1L);
        }
        List<AuditEntry> recovered = entries.stream()
                .filter(e -> AuditedWrites.RECORDED_ON_RECOVERY.equals(e.message())).toList();
        if (lostAt == LostAt.CREATE_ANSWER) {
            assertThat(recovered).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(lost[0]);
                assertThat(e.operation()).isEqualTo("move-copy");
                assertThat(e.job()).isEqualTo(jobId);
                assertSame(e.after(), ItemBodies.underKey(bed.originals.get(lost[0]), TARGET, bed.paths));
                assertThat(e.etagAfter()).isNotBlank();
            });
        } else {
            assertThat(recovered).isEmpty();
        }
    }

    /** The same JSON, numbers by value (the server gives 12.0 back as 12). */
    private static void assertSame(com.fasterxml.jackson.databind.JsonNode actual, ObjectNode expected) {
        assertThat(io.cosmosdesk.cosmos.ItemContent.equalByValue(actual, expected)).as(actual + " is " + expected)
                .isTrue();
    }

    private static int indexOf(List<AuditEntry> entries, String operation, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).operation().equals(operation) && entries.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
