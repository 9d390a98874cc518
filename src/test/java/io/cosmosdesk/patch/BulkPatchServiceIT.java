package io.cosmosdesk.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.TestAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bulk patch against the real local server: every operation, dry run, conditions, conflicts, undo, a crash. */
@ExtendWith(CosmosServerExtension.class)
class BulkPatchServiceIT {

    @TempDir
    Path home;

    private CosmosAsyncClient client;
    private CosmosAsyncContainer container;
    private ContainerHandle handle;
    private final Map<String, ObjectNode> originals = new LinkedHashMap<>();
    private AuditedWrites writes;

    @BeforeEach
    void seed(CosmosAsyncClient client, CosmosTestData data) {
        this.client = client;
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        key.setKind(PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        String id = CosmosTestData.uniqueName("patch");
        com.azure.cosmos.CosmosAsyncDatabase database = data.createDatabase();
        database.createContainer(new CosmosContainerProperties(id, key)).block();
        container = database.getContainer(id);
        handle = handle(false);
        writes = TestAudit.writes(home.resolve("audit"));
    }

    private ContainerHandle handle(boolean readOnly) {
        ConnectionProfile profile = ConnectionProfile.create("test", AuthKind.EMULATOR, "https://127.0.0.1/")
                .withReadOnly(readOnly);
        ContainerRef ref = new ContainerRef(container.getDatabase().getId(), container.getId());
        return new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(ref, List.of("/pk"), false, null));
    }

    private void items(int count) {
        for (int i = 0; i < count; i++) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("id", String.format("item-%04d", i))
                    .put("pk", "p" + i % 3).put("n", i).put("status", i % 2 == 0 ? "open" : "closed");
            item.putArray("tags").add("a").add("b");
            item.putObject("address").put("city", "Oslo");
            if (i % 5 == 0) {
                item.put("note", "five");
            }
            container.createItem(item).block();
            originals.put(item.get("id").asText(), item);
        }
    }

    private ObjectNode current(String id) {
        ObjectNode item = originals.get(id);
        return container.readItem(id, new PartitionKey(item.get("pk").asText()), ObjectNode.class).block().getItem();
    }

    private List<ObjectNode> read(String... ids) {
        List<ObjectNode> found = new ArrayList<>();
        for (String id : ids) {
            found.add(current(id));
        }
        return found;
    }

    private BulkPatchService service() {
        return new BulkPatchService(home.resolve("patches"), writes, MoveTuning.defaults().withBatchSize(10));
    }

    private static PatchSpec spec(String condition, PatchOp... ops) {
        return new PatchSpec(List.of(ops), condition);
    }

    private void assertAllOriginal() {
        for (String id : originals.keySet()) {
            assertThat(ItemContent.equalByValue(ItemContent.withoutSystemProperties(current(id)), originals.get(id)))
                    .as(id).isTrue();
        }
    }

    @Test
    void everyOperationGivesWhatTheDryRunShowed() throws Exception {
        items(25);
        PatchSpec spec = spec(null, PatchOp.parse("set", "/status", "\"paid\""),
                PatchOp.parse("add", "/tags/1", "\"x\""), PatchOp.parse("add", "/tags/-", "\"z\""),
                PatchOp.parse("replace", "/address/city", "\"Bergen\""), PatchOp.parse("increment", "/n", "10"),
                PatchOp.parse("move", "/town", "/address/city"), PatchOp.parse("remove", "/tags/0", ""));
        PatchScope scope = new PatchScope.Matching(ItemQuery.all());

        DryRun dry = service().dryRun(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(dry.inScope()).isEqualTo(25);
        assertThat(dry.applicable()).isEqualTo(25);
        assertThat(dry.samples()).hasSize(BulkPatchService.SAMPLE);
        assertThat(dry.summary()).isEqualTo("Would patch 25 of 25 items.");
        assertAllOriginal();

        PatchReport report = service().apply(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(report.count(PatchOutcome.PATCHED)).isEqualTo(25);
        assertThat(report.summary("Patched")).isEqualTo("Patched 25 items.");
        for (String id : originals.keySet()) {
            ObjectNode expected = ItemContent.withoutSystemProperties(LocalPatch.apply(originals.get(id), spec));
            assertThat(ItemContent.equalByValue(ItemContent.withoutSystemProperties(current(id)), expected))
                    .as(id + " as the local patch computed it").isTrue();
        }
        ObjectNode one = current("item-0003");
        assertThat(one.get("tags").toString()).isEqualTo("[\"x\",\"b\",\"z\"]");
        assertThat(one.get("town").asText()).isEqualTo("Bergen");
        assertThat(one.get("n").asInt()).isEqualTo(13);
        assertThat(Files.readAllLines(report.report())).hasSize(25).allMatch(l -> l.contains("\"patched\""));
        if (io.cosmosdesk.files.PrivateFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.journal())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.journal().getParent())))
                    .isEqualTo("rwx------");
        }
        try (Stream<Path> audit = Files.walk(home.resolve("audit"))) {
            String entries = String.join("\n", audit.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
            assertThat(entries.split("\"operation\":\"patch\"", -1)).hasSize(26);
        }
    }

    @Test
    void aMissingPathIsReportedAndNothingElseOfThatItemChanges() {
        items(10);
        PatchSpec spec = spec(null, PatchOp.parse("set", "/touched", "true"),
                PatchOp.parse("replace", "/note", "\"changed\""));
        PatchScope scope = new PatchScope.Matching(ItemQuery.all());
        DryRun dry = service().dryRun(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(dry.applicable()).isEqualTo(2);
        assertThat(dry.samples()).anySatisfy(s -> assertThat(s.problem()).contains("/note does not exist"));

        PatchReport report = service().apply(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(report.count(PatchOutcome.PATCHED)).isEqualTo(2);
        assertThat(report.count(PatchOutcome.NOT_APPLICABLE)).isEqualTo(8);
        assertThat(current("item-0001").has("touched")).isFalse();
        assertThat(current("item-0005").get("note").asText()).isEqualTo("changed");
    }

    @Test
    void itemsThatDoNotSatisfyTheConditionAreLeftAndCounted() {
        items(10);
        PatchSpec spec = spec("FROM c WHERE c.status = 'open'", PatchOp.parse("set", "/flag", "1"));
        PatchScope scope = new PatchScope.Matching(ItemQuery.filtered("WHERE c.n < 8"));
        DryRun dry = service().dryRun(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(dry.inScope()).isEqualTo(8);
        assertThat(dry.conditionMet()).isEqualTo(4);
        assertThat(dry.summary()).isEqualTo("Would patch 4 of 8 items. 4 do not satisfy the condition.");

        PatchReport report = service().apply(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThat(report.count(PatchOutcome.PATCHED)).isEqualTo(4);
        assertThat(report.count(PatchOutcome.CONDITION_NOT_MET)).isEqualTo(4);
        assertThat(current("item-0001").has("flag")).isFalse();
        assertThat(current("item-0002").get("flag").asInt()).isEqualTo(1);
    }

    @Test
    void anItemChangedSinceItWasReadIsReportedNotOverwritten() {
        items(3);
        List<ObjectNode> selection = read("item-0000", "item-0001");
        ObjectNode edited = current("item-0001").put("status", "edited elsewhere");
        container.replaceItem(edited, "item-0001", new PartitionKey("p1")).block();

        PatchReport report = service().apply(handle, new PatchScope.Selection(selection),
                spec(null, PatchOp.parse("set", "/status", "\"paid\"")), BulkPatchService.Control.NONE);
        assertThat(report.count(PatchOutcome.PATCHED)).isEqualTo(1);
        assertThat(report.count(PatchOutcome.CHANGED)).isEqualTo(1);
        assertThat(current("item-0001").get("status").asText()).isEqualTo("edited elsewhere");
        assertThat(current("item-0000").get("status").asText()).isEqualTo("paid");
        assertThat(current("item-0002").get("status").asText()).isEqualTo("open");
    }

    @Test
    void readOnlyConnectionsAreRefusedWithASentence() {
        items(2);
        ContainerHandle readOnly = handle(true);
        PatchSpec spec = spec(null, PatchOp.parse("set", "/x", "1"));
        PatchScope scope = new PatchScope.Matching(ItemQuery.all());
        assertThatThrownBy(() -> service().apply(readOnly, scope, spec, BulkPatchService.Control.NONE))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY);
                    assertThat(e.userMessage()).contains("read-only connection");
                });
        assertThatThrownBy(() -> service().dryRun(readOnly, scope, spec, BulkPatchService.Control.NONE))
                .isInstanceOf(CosmosDeskException.class);
        PatchReport done = service().apply(handle, scope, spec, BulkPatchService.Control.NONE);
        assertThatThrownBy(() -> service().undo(readOnly, done.journal(), BulkPatchService.Control.NONE))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThatThrownBy(() -> service().apply(handle, scope, spec(null, PatchOp.parse("set", "/pk", "\"b\"")),
                BulkPatchService.Control.NONE)).hasMessageContaining("partition key");
    }

    @Test
    void undoRestoresTheBeforeImagesButNotAnItemChangedAfterThePatch() {
        items(12);
        PatchSpec spec = spec(null, PatchOp.parse("increment", "/n", "100"), PatchOp.parse("remove", "/tags", ""));
        PatchReport patched = service().apply(handle, new PatchScope.Matching(ItemQuery.all()), spec,
                BulkPatchService.Control.NONE);
        assertThat(patched.count(PatchOutcome.PATCHED)).isEqualTo(12);
        ObjectNode later = current("item-0004").put("status", "changed after the patch");
        container.replaceItem(later, "item-0004", new PartitionKey("p1")).block();

        PatchReport undone = service().undo(handle, patched.journal(), BulkPatchService.Control.NONE);
        assertThat(undone.count(PatchOutcome.RESTORED)).isEqualTo(11);
        assertThat(undone.count(PatchOutcome.CHANGED_SINCE_PATCH)).isEqualTo(1);
        assertThat(current("item-0004").get("status").asText()).isEqualTo("changed after the patch");
        originals.remove("item-0004");
        assertAllOriginal();
    }

    /** The app "dies" after the second batch was patched but before its answers were journaled. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aJobThatCrashedMidWayIsUndoneFromItsJournalByANewService() throws Exception {
        items(35);
        PatchSpec spec = spec(null, PatchOp.parse("set", "/status", "\"archived\""),
                PatchOp.parse("increment", "/n", "1"));
        int[] batches = {0};
        BulkPatchService.Control crashing = new BulkPatchService.Control() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public void sent(int items) {
                if (++batches[0] == 2) {
                    throw new SimulatedCrash();
                }
            }
        };
        assertThatThrownBy(() -> service().apply(handle, new PatchScope.Matching(ItemQuery.all()), spec, crashing))
                .isInstanceOf(SimulatedCrash.class);
        long patchedNow = originals.keySet().stream().filter(id -> current(id).get("status").asText()
                .equals("archived")).count();
        // batches 1 and 2 at least (more may have been in flight when the second one's answers were lost)
        assertThat(patchedNow).isGreaterThanOrEqualTo(20);

        Path journal;
        try (Stream<Path> files = Files.list(home.resolve("patches"))) {
            journal = files.filter(f -> f.toString().endsWith(".journal.jsonl")).findFirst().orElseThrow();
        }
        assertThat(PatchJournal.ended(journal)).isFalse();
        BulkPatchService afterRestart = new BulkPatchService(home.resolve("patches"), TestAudit.writes());
        assertThat(afterRestart.journalsOf(handle)).containsExactly(journal);
        PatchReport undone = afterRestart.undo(handle, journal, BulkPatchService.Control.NONE);
        assertThat(undone.count(PatchOutcome.RESTORED)).isEqualTo(patchedNow);
        assertAllOriginal();
    }
}
