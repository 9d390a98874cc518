package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moving every item a query selects (the grid's Move with nothing selected) against the real local server: the
 * items are read a page at a time when the preview and the move run, never all at once, and the journal lists
 * them a batch at a time; the guarantees (exactly once, conflicts, resume, roll back) are those of any move.
 */
@ExtendWith(CosmosServerExtension.class)
class MoveMatchingIT {

    private static final PartitionKeyValue TARGET = PartitionKeyValue.of("target");
    private static final int ITEMS = 260;
    private static final int BATCH = 40;

    @TempDir
    Path home;

    private MoveService service() {
        return new MoveService(home, MoveTuning.defaults().withBatchSize(BATCH), MoveStepListener.NONE, io.cosmosdesk.testing.TestAudit.writes());
    }

    private MoveTestBed bed(CosmosAsyncClient client, CosmosTestData data) {
        return new MoveTestBed(client, MoveTestBed.newContainer(data, "/pk"), List.of("/pk"), false)
                .seed(ITEMS, i -> PartitionKeyValue.of("p" + i % 3), 21);
    }

    @Test
    void findingTheItemsKeepsTheirCountAndTheFirstFewOnly(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data);
        MatchingItems matching = service().findItemsToMove(bed.handle, ItemQuery.filtered("WHERE c.n >= 0"));

        assertThat(matching.count()).isEqualTo(ITEMS);
        assertThat(matching.firstItems()).hasSize(MatchingItems.SAMPLE)
                .allSatisfy(source -> assertThat(source.body()).isNotNull());
    }

    @Test
    void movesEveryMatchingItemListingThemABatchAtATime(CosmosAsyncClient client, CosmosTestData data)
            throws Exception {
        MoveTestBed bed = bed(client, data);
        ObjectNode squatter = MoveTestBed.JSON.createObjectNode().put("id", "item-0003").put("pk", "target")
                .put("owner", "someone else");
        bed.container.createItem(squatter).block();
        MatchingItems matching = service().findItemsToMove(bed.handle, ItemQuery.filtered("WHERE NOT IS_DEFINED(c.owner)"));

        MovePreview preview = service().previewMoveTo(bed.handle, matching, MoveTarget.of(TARGET));
        assertThat(preview.total()).isEqualTo(ITEMS);
        assertThat(preview.conflicts()).isEqualTo(1);
        assertThat(preview.existingInTarget()).containsExactly("item-0003");

        // added after the dialog counted: the move reads the query when it runs
        ObjectNode late = MoveTestBed.JSON.createObjectNode().put("id", "late").put("pk", "p1").put("n", -1);
        bed.insert(List.of(late));

        MoveReport report = service().moveItemsTo(bed.handle, matching, MoveTarget.of(TARGET), MoveControl.none());

        assertThat(report.status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(report.moved()).isEqualTo(ITEMS);
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.items()).hasSize(ITEMS + 1);
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        bed.originals.keySet().forEach(id -> keys.put(id, TARGET));
        keys.put("item-0003", bed.originalKey("item-0003"));
        keys.put("late", TARGET);
        List<ObjectNode> all = bed.all();
        assertThat(all.stream().filter(i -> i.path("owner").asText().equals("someone else"))).hasSize(1);
        all.removeIf(i -> i.path("owner").asText().equals("someone else"));
        assertThat(all).hasSize(ITEMS + 1).allSatisfy(item -> assertThat(PartitionKeyValue.fromItem(item, bed.paths))
                .isEqualTo(keys.get(item.get("id").asText())));

        List<ObjectNode> records = MoveJournal.read(report.journal()).records();
        ObjectNode header = MoveJournal.read(report.journal()).header();
        assertThat(header.has("items")).as("the header lists no items").isFalse();
        assertThat(header.path("streamed").asBoolean()).isTrue();
        List<ObjectNode> listings = records.stream().filter(r -> r.path("t").asText().equals("ITEMS")).toList();
        assertThat(listings).allSatisfy(r -> assertThat(r.path("items").size()).isBetween(1, BATCH));
        assertThat(listings.stream().mapToInt(r -> r.path("items").size()).sum()).isEqualTo(ITEMS + 1);
        assertThat(records).anyMatch(r -> r.path("t").asText().equals("LISTED"));
        assertThat(Files.readString(report.journal())).doesNotContain("someone else");
    }

    enum Recovery { RESUME, ROLL_BACK }

    @ParameterizedTest(name = "crash half-way through a query's items, then {0}")
    @EnumSource(Recovery.class)
    void aCrashedMoveOfAQuerysItemsIsRecoveredExactlyOnce(Recovery recovery, CosmosAsyncClient client,
            CosmosTestData data) {
        MoveTestBed bed = bed(client, data);
        MatchingItems matching = service().findItemsToMove(bed.handle, ItemQuery.all());
        MoveService crashing = new MoveService(home, MoveTuning.defaults().withBatchSize(BATCH),
                new MoveTestBed.CrashAt(MoveStep.AFTER_CREATE, 130), io.cosmosdesk.testing.TestAudit.writes());
        assertThatThrownBy(() -> crashing.moveItemsTo(bed.handle, matching, MoveTarget.of(TARGET),
                MoveControl.none())).isInstanceOf(MoveTestBed.SimulatedCrash.class);
        List<MoveJobSummary> unfinished = service().findUnfinishedJobs();
        assertThat(unfinished).hasSize(1);
        assertThat(unfinished.get(0).finished()).as("batches moved before the crash").isPositive();

        MoveReport report = recovery == Recovery.RESUME
                ? service().resumeJob(bed.handle, unfinished.get(0).jobId(), MoveControl.none())
                : service().rollBackJob(bed.handle, unfinished.get(0).jobId(), MoveControl.none());

        assertThat(report.failures()).as(report.summary()).isZero();
        assertThat(service().findUnfinishedJobs()).isEmpty();
        if (recovery == Recovery.RESUME) {
            assertThat(report.moved()).as(report.summary()).isEqualTo(ITEMS);
            bed.assertAllMovedTo(TARGET);
        } else {
            assertThat(report.count(MoveOutcome.ROLLED_BACK)).as(report.summary()).isPositive();
            bed.assertAllWhereTheyWere();
        }
    }

    @Test
    void cancelStopsListingAndEveryItemIsExactlyOnce(CosmosAsyncClient client, CosmosTestData data) {
        MoveTestBed bed = bed(client, data);
        MatchingItems matching = service().findItemsToMove(bed.handle, ItemQuery.all());
        MoveControl control = MoveControl.none();
        MoveService service = new MoveService(home, MoveTuning.defaults().withBatchSize(BATCH), (step, index, id) -> {
            if (step == MoveStep.AFTER_CREATE && index == 50) {
                control.requestCancel();
            }
        }, io.cosmosdesk.testing.TestAudit.writes());
        MoveReport report = service.moveItemsTo(bed.handle, matching, MoveTarget.of(TARGET), control);

        assertThat(report.status()).isEqualTo(MoveReport.Status.CANCELLED);
        assertThat(report.moved()).isPositive().isLessThan(ITEMS);
        Map<String, PartitionKeyValue> keys = new HashMap<>();
        List<String> moved = new ArrayList<>();
        for (MoveReport.ItemResult item : report.items()) {
            if (item.outcome() == MoveOutcome.MOVED) {
                moved.add(item.id());
            }
        }
        bed.originals.keySet().forEach(id -> keys.put(id, moved.contains(id) ? TARGET : bed.originalKey(id)));
        bed.assertEachExactlyOnce(keys, Map.of());
        assertThat(service.findUnfinishedJobs()).isEmpty();
    }
}
