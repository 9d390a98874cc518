package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write path of the item services leaves exactly one audit entry, with the right before and after, also
 * when the write fails or is refused; against the local server.
 */
@ExtendWith(CosmosServerExtension.class)
class AuditTrailIT {

    @TempDir
    Path home;

    private AuditLog log;
    private ItemService items;
    private ItemQueryService queries;

    @BeforeEach
    void services() {
        log = new AuditLog(home.resolve("audit"));
        AuditedWrites writes = new AuditedWrites(log);
        items = new ItemService(writes);
        queries = new ItemQueryService(writes);
    }

    private static ContainerHandle handle(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosAsyncContainer container, boolean readOnly) {
        ConnectionProfile profile = ConnectionProfile.create("Orders (it)", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(readOnly);
        ContainerInfo info = new ContainerInfo(new ContainerRef(container.getDatabase().getId(), container.getId()),
                List.of("/pk"), false, null);
        return new ContainerHandle(new CosmosConnection(profile, client), info);
    }

    private static ObjectNode item(String id, String pk, int n) {
        return Json.MAPPER.createObjectNode().put("id", id).put("pk", pk).put("n", n);
    }

    private List<AuditEntry> entries() {
        List<AuditEntry> oldestFirst = new java.util.ArrayList<>(log.read(e -> true, 1_000));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Test
    void createReplaceDeleteEachLeaveOneEntryWithBeforeAndAfter(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false);

        ItemVersion created = items.createItem(handle, item("a", "p", 1));
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("create");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.id()).isEqualTo("a");
            assertThat(e.partitionKeyDisplay()).isEqualTo(PartitionKeyValue.of("p").display());
            assertThat(e.connection()).isEqualTo("Orders (it)");
            assertThat(e.endpoint()).isEqualTo(server.endpoint());
            assertThat(e.database()).isEqualTo(handle.ref().databaseId());
            assertThat(e.container()).isEqualTo(handle.ref().containerId());
            assertThat(e.user()).isEqualTo(System.getProperty("user.name"));
            assertThat(e.before()).isNull();
            assertThat(e.after()).isEqualTo(item("a", "p", 1));
            assertThat(e.etagAfter()).isEqualTo(created.etag());
        });

        ObjectNode edited = item("a", "p", 2);
        ItemVersion replaced = items.replaceItem(handle, edited, created.etag());
        assertThat(entries()).hasSize(2).last().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("replace");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.etagBefore()).isEqualTo(created.etag());
            assertThat(e.before()).isEqualTo(item("a", "p", 1));
            assertThat(e.after()).isEqualTo(edited);
            assertThat(e.etagAfter()).isEqualTo(replaced.etag());
        });

        items.deleteItem(handle, "a", PartitionKeyValue.of("p"), replaced.etag());
        assertThat(entries()).hasSize(3).last().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("delete");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.etagBefore()).isEqualTo(replaced.etag());
            assertThat(e.before()).isEqualTo(edited);
            assertThat(e.after()).isNull();
            assertThat(e.etagAfter()).isNull();
        });
    }

    @Test
    void failedWritesAreRecordedWithTheirErrorKind(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false);
        ItemVersion created = items.createItem(handle, item("a", "p", 1));
        // someone else changes it
        container.replaceItem(item("a", "p", 5), "a", new PartitionKey("p")).block();

        assertThatThrownBy(() -> items.replaceItem(handle, item("a", "p", 2), created.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        assertThatThrownBy(() -> items.createItem(handle, item("a", "p", 3)))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> items.deleteItem(handle, "a", PartitionKeyValue.of("p"), created.etag()))
                .isInstanceOf(CosmosDeskException.class);

        List<AuditEntry> entries = entries();
        assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome, AuditEntry::errorKind,
                        AuditEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("create", "ok", null, 201),
                        org.assertj.core.groups.Tuple.tuple("replace", "failed", "CHANGED_BY_SOMEONE_ELSE", 412),
                        org.assertj.core.groups.Tuple.tuple("create", "failed", "CONFLICT", 409),
                        org.assertj.core.groups.Tuple.tuple("delete", "failed", "CHANGED_BY_SOMEONE_ELSE", 412));
        AuditEntry refusedReplace = entries.get(1);
        assertThat(refusedReplace.etagBefore()).isEqualTo(created.etag());
        // the attempt is kept; the "before" is not the version it was conditional on, so none is claimed
        assertThat(refusedReplace.after()).isEqualTo(item("a", "p", 2));
        assertThat(refusedReplace.before()).isNull();
        assertThat(refusedReplace.etagAfter()).isNull();
        assertThat(refusedReplace.message()).isNotBlank();
    }

    @Test
    void refusedWritesAreRecordedAsRefused(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle readOnly = handle(client, server, container, true);
        ContainerHandle writable = handle(client, server, container, false);

        assertThatThrownBy(() -> items.createItem(readOnly, item("a", "p", 1)))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        ObjectNode huge = item("big", "p", 1).put("blob", "x".repeat(2 * 1024 * 1024 + 10));
        assertThatThrownBy(() -> items.createItem(writable, huge))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
        assertThatThrownBy(() -> queries.deleteItems(readOnly, List.of(new ItemRef("a", PartitionKeyValue.of("p"))),
                (d, t) -> { }, () -> false)).isInstanceOf(CosmosDeskException.class);

        List<AuditEntry> entries = entries();
        assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome, AuditEntry::errorKind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("create", "refused", "READ_ONLY"),
                        org.assertj.core.groups.Tuple.tuple("create", "refused", "TOO_LARGE"),
                        org.assertj.core.groups.Tuple.tuple("bulk-delete", "refused", "READ_ONLY"));
        assertThat(entries.get(0).after()).isEqualTo(item("a", "p", 1));
        assertThat(container.readAllItems(new PartitionKey("p"), ObjectNode.class).collectList().block()).isEmpty();
    }

    /** The move dialog refuses a read-only connection when it opens: recorded per item shown, nothing sent. */
    @Test
    void aMoveRefusedAtOpenIsRecordedAsRefused(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle readOnly = handle(client, server, container, true);
        ContainerHandle writable = handle(client, server, container, false);
        io.cosmosdesk.move.MoveService moves = new io.cosmosdesk.move.MoveService(home.resolve("moves"),
                new AuditedWrites(log));
        List<io.cosmosdesk.move.MoveSource> shown = List.of(
                new io.cosmosdesk.move.MoveSource("m1", PartitionKeyValue.of("p"), "\"e1\"", item("m1", "p", 1)),
                io.cosmosdesk.move.MoveSource.ref("m2", PartitionKeyValue.of("p")));

        assertThat(moves.recordRefusedMove(writable, shown)).isZero();
        assertThat(moves.recordRefusedMove(readOnly, shown)).isEqualTo(2);

        List<AuditEntry> entries = entries();
        assertThat(entries).extracting(AuditEntry::id, AuditEntry::operation, AuditEntry::outcome,
                AuditEntry::errorKind).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("m1", "move-copy", "refused", "READ_ONLY"),
                        org.assertj.core.groups.Tuple.tuple("m2", "move-copy", "refused", "READ_ONLY"));
        assertThat(entries).filteredOn(e -> e.id().equals("m1")).singleElement()
                .satisfies(e -> assertThat(e.after()).isEqualTo(item("m1", "p", 1)));
        assertThat(container.readAllItems(new PartitionKey("p"), ObjectNode.class).collectList().block()).isEmpty();
    }

    @Test
    void bulkDeleteRecordsEachItemWithTheBodyItDeleted(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false);
        for (int i = 0; i < 3; i++) {
            container.createItem(item("d" + i, "p", i)).block();
        }
        List<ItemRef> refs = List.of(new ItemRef("d0", PartitionKeyValue.of("p")),
                new ItemRef("d1", PartitionKeyValue.of("p")), new ItemRef("gone", PartitionKeyValue.of("p")),
                new ItemRef("d2", PartitionKeyValue.of("p")));

        DeleteResult result = queries.deleteItems(handle, refs, (d, t) -> { }, () -> false);

        assertThat(result.deleted()).hasSize(3);
        assertThat(result.alreadyGone()).hasSize(1);
        List<AuditEntry> entries = entries();
        assertThat(entries).hasSize(4).allSatisfy(e -> assertThat(e.operation()).isEqualTo("bulk-delete"));
        assertThat(entries).filteredOn(AuditEntry::ok).extracting(AuditEntry::id)
                .containsExactlyInAnyOrder("d0", "d1", "d2");
        assertThat(entries).filteredOn(AuditEntry::ok).allSatisfy(e -> {
            int n = Integer.parseInt(e.id().substring(1));
            assertThat(e.before()).isEqualTo(item(e.id(), "p", n));
            assertThat(e.etagBefore()).isNotBlank();
        });
        assertThat(entries).filteredOn(e -> e.id().equals("gone")).singleElement()
                .satisfies(e -> assertThat(e.errorKind()).isEqualTo("NOT_FOUND"));
    }

    /**
     * A job's writes (a move's, with its job id) are on disk when the call returns, as single writes are: a crash
     * right after the caller learns how they ended (and journals it) cannot lose their entries. Shown while another
     * job appends a large batch of entries at the same time.
     */
    @Test
    void aJobsWritesAreOnDiskWhenTheCallReturns(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false);
        List<AuditEntry> others = new java.util.ArrayList<>();
        ObjectNode large = Json.MAPPER.createObjectNode().put("text", "x".repeat(20_000));
        for (int i = 0; i < 3_000; i++) {
            others.add(new AuditEntry(java.time.Instant.now().toString(), "ann", "Orders", "https://x/", "db", "c",
                    "other-" + i, PartitionKeyValue.of("p").toJsonArray(), "move-copy", "ok", null, 201, null, null,
                    "\"e\"", null, large, "earlier-job"));
        }
        // another job appending at the same time (the two share syncs; neither waits for the other's lines)
        Thread otherJob = new Thread(() -> log.append(others), "other-job");
        otherJob.start();
        AuditedWrites writes = new AuditedWrites(log);
        List<Write<Void>> creates = List.of(
                Write.create(AuditOperation.MOVE_COPY, "j1", PartitionKeyValue.of("p"), item("j1", "p", 1), null),
                Write.create(AuditOperation.MOVE_COPY, "j2", PartitionKeyValue.of("p"), item("j2", "p", 2), null));

        List<WriteResult<Void>> results = writes.bulk(handle, creates, "job-1");

        assertThat(results).allSatisfy(r -> assertThat(r.ok()).isTrue());
        // what the next start finds after a crash now
        List<AuditEntry> onDisk = new AuditLog(home.resolve("audit")).read(e -> "job-1".equals(e.job()), 10);
        assertThat(onDisk).extracting(AuditEntry::id).containsExactlyInAnyOrder("j1", "j2");
        assertThat(onDisk).allSatisfy(e -> assertThat(e.after()).isNotNull());
        join(otherJob);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
