package io.cosmosdesk.transfer;

import static io.cosmosdesk.transfer.TransferTestBed.assertHoldsExactly;
import static io.cosmosdesk.transfer.TransferTestBed.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** Copies between containers of one local server, and between two local servers as two connections. */
@ExtendWith(CosmosServerExtension.class)
class CopyServiceIT {

    private static LocalCosmosServer other;
    private static CosmosAsyncClient otherClient;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecondServer() {
        other = LocalCosmosServer.start();
        otherClient = CosmosServerExtension.clientBuilder(other).buildAsyncClient();
    }

    @AfterAll
    static void stopSecondServer() {
        if (otherClient != null) {
            otherClient.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private CopyService service() {
        return new CopyService(dir.resolve("reports"), io.cosmosdesk.testing.TestAudit.writes(),
                MoveTuning.defaults().withBatchSize(40));
    }

    private static CosmosAsyncContainer seeded(CosmosAsyncClient client, CosmosTestData data, List<ObjectNode> items) {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        container.executeBulkOperations(Flux.fromIterable(items).map(i -> CosmosBulkOperations.getCreateItemOperation(i,
                new PartitionKey(i.get("pk").asText())))).blockLast();
        return container;
    }

    private static CosmosConnection connection(CosmosAsyncClient client, String endpoint, boolean readOnly) {
        return new CosmosConnection(ConnectionProfile.create("test", AuthKind.EMULATOR, endpoint).withReadOnly(readOnly),
                client);
    }

    @Test
    void theSourceIsCountedBesideTheCopyForItsTotal(CosmosAsyncClient client, CosmosTestData data) throws Exception {
        List<ObjectNode> items = items(120, 4, 9);
        CosmosAsyncContainer source = seeded(client, data, items);
        ContainerHandle from = TransferTestBed.handle(client, source, List.of("/pk"), false, "https://127.0.0.1:1/");
        SqlQuerySpec someItems = new SqlQuerySpec("SELECT * FROM c WHERE c.n >= @from ORDER BY c.n",
                List.of(new SqlParameter("@from", 20)));

        // the count the copy runs: one COUNT(1) over the same selection, parameters kept, ORDER BY dropped
        assertThat(countOf(new ExportSource(from, someItems, null))).isEqualTo(100);
        assertThat(countOf(ExportSource.wholeContainer(from))).isEqualTo(120);
        assertThat(SourceCount.start(new ExportSource(from, new SqlQuerySpec("SELECT c.id FROM c"), null))
                .nowOrUnknown()).as("a projection is not counted (its count is not the rows copied)").isEqualTo(-1);

        List<Long> totals = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportResult result = service().copyItems(from, someItems, new CopyTarget(connection(client, "https://x/",
                false), source.getDatabase().getId(), CosmosTestData.uniqueName("counted")), ImportMode.CREATE_ONLY,
                new ImportControl(progress -> totals.add(progress.expectedRows())));
        assertThat(result.totals().count(RowOutcome.CREATED)).isEqualTo(100);
        assertThat(result.totals().expectedRows()).as("the last report waits a little for the count").isEqualTo(100);
        assertThat(totals).as("each report: the total once counted, unknown before").isNotEmpty()
                .allMatch(total -> total == -1 || total == 100);
    }

    /** Waits (with a deadline) for the count to come back. */
    private static long countOf(ExportSource source) throws InterruptedException {
        SourceCount count = SourceCount.start(source);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (count.nowOrUnknown() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return count.nowOrUnknown();
    }

    @Test
    void copiesToAnotherServerCreatingTheContainerWithTheSameKey(CosmosAsyncClient client, CosmosTestData data) {
        List<ObjectNode> items = items(150, 6, 4);
        CosmosAsyncContainer source = seeded(client, data, items);
        ContainerHandle from = TransferTestBed.handle(client, source, List.of("/pk"), false, "https://127.0.0.1:1/");
        String database = CosmosTestData.uniqueName("copydb");
        CopyTarget target = new CopyTarget(connection(otherClient, other.endpoint(), false), database, "copied");

        CosmosAsyncContainer copied = otherClient.getDatabase(database).getContainer("copied");
        // the first word of progress comes once the new container exists, before any row (the tree shows it then)
        List<String> firstReport = new java.util.ArrayList<>();
        ImportControl control = new ImportControl(progress -> {
            if (firstReport.isEmpty()) {
                boolean exists = copied.read().onErrorResume(e -> reactor.core.publisher.Mono.empty()).blockOptional()
                        .isPresent();
                firstReport.add(progress.rows() + " rows, target exists " + exists);
            }
        });

        ImportResult result = service().copyItems(from, null, target, ImportMode.CREATE_ONLY, control);

        assertThat(firstReport).containsExactly("0 rows, target exists true");
        assertThat(result.allFine()).as(result.totals().summary()).isTrue();
        assertThat(result.totals().count(RowOutcome.CREATED)).isEqualTo(150);
        assertThat(copied.read().block().getProperties().getPartitionKeyDefinition().getPaths()).containsExactly("/pk");
        assertHoldsExactly(copied, items);

        // run again: everything is there already, nothing doubled, nothing overwritten
        ImportResult again = service().copyItems(from, null, target, ImportMode.CREATE_ONLY, ImportControl.none());
        assertThat(again.totals().count(RowOutcome.IDENTICAL)).isEqualTo(150);
        assertHoldsExactly(copied, items);
    }

    @Test
    void aQuerySelectsWhatIsCopiedAndModesApply(CosmosAsyncClient client, CosmosTestData data) {
        List<ObjectNode> items = items(60, 3, 5);
        CosmosAsyncContainer source = seeded(client, data, items);
        ContainerHandle from = TransferTestBed.handle(client, source, List.of("/pk"), false, "https://127.0.0.1:1/");
        CosmosAsyncContainer existing = TransferTestBed.newContainer(client, data, "/pk");
        ObjectNode theirs = items.get(3).deepCopy().put("name", "theirs");
        existing.createItem(theirs, new PartitionKey(theirs.get("pk").asText()), null).block();
        CopyTarget target = new CopyTarget(from.connection(), existing.getDatabase().getId(), existing.getId());
        SqlQuerySpec query = new SqlQuerySpec("SELECT * FROM c WHERE c.n < @n", List.of(new SqlParameter("@n", 10)));

        ImportResult created = service().copyItems(from, query, target, ImportMode.CREATE_ONLY, ImportControl.none());
        assertThat(created.totals().rows()).isEqualTo(10);
        assertThat(created.totals().count(RowOutcome.CONFLICT)).isEqualTo(1);
        List<ObjectNode> expected = new java.util.ArrayList<>(items.subList(0, 10));
        expected.set(3, theirs);
        assertHoldsExactly(existing, expected);

        ImportResult upserted = service().copyItems(from, query, target, ImportMode.UPSERT, ImportControl.none());
        assertThat(upserted.totals().count(RowOutcome.UPSERTED)).isEqualTo(10);
        assertHoldsExactly(existing, items.subList(0, 10));
    }

    @Test
    void aReadOnlyTargetIsRefused(CosmosAsyncClient client, CosmosTestData data) {
        CosmosAsyncContainer source = seeded(client, data, items(3, 1, 1));
        ContainerHandle from = TransferTestBed.handle(client, source, List.of("/pk"), false, "https://127.0.0.1:1/");
        CopyTarget target = new CopyTarget(connection(otherClient, other.endpoint(), true), "ro", "ro");
        assertThatThrownBy(() -> service().copyItems(from, null, target, ImportMode.CREATE_ONLY, ImportControl.none()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThat(otherClient.readAllDatabases().collectList().block()).noneMatch(d -> d.getId().equals("ro"));
    }
}
