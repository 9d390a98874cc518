package io.cosmosdesk.transfer;

import static io.cosmosdesk.transfer.TransferTestBed.assertHoldsExactly;
import static io.cosmosdesk.transfer.TransferTestBed.items;
import static io.cosmosdesk.transfer.TransferTestBed.reportLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.Fault;
import io.cosmosdesk.sandbox.LocalCosmosServer.FaultMode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Imports against the real local server: each format, each mode's conflicts, crashes, storms, read-only. */
@ExtendWith(CosmosServerExtension.class)
class ImportServiceIT {

    private static final long SEED = Long.getLong("import.crash.seed", 20_261_206L);

    @TempDir
    Path dir;

    private static MoveTuning tuning(int batch) {
        return MoveTuning.defaults().withBatchSize(batch).withBackoff(8, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private ImportService service(int batch, ImportStep.Listener steps) {
        return new ImportService(dir.resolve("imports"), io.cosmosdesk.testing.TestAudit.writes(), tuning(batch), steps);
    }

    private ContainerHandle handle(CosmosAsyncClient client, CosmosAsyncContainer container, boolean readOnly) {
        return TransferTestBed.handle(client, container, List.of("/pk"), readOnly, "https://127.0.0.1/");
    }

    private Path file(ImportFormat format, List<ObjectNode> items) throws IOException {
        return switch (format) {
            case JSONL -> TransferTestBed.writeJsonLines(dir.resolve("in.jsonl"), items);
            case JSON -> TransferTestBed.writeJsonArray(dir.resolve("in.json"), items);
            case CSV -> {
                StringBuilder csv = new StringBuilder("id,pk,n,name,price,active,detail.colour,detail.tags\n");
                for (ObjectNode i : items) {
                    csv.append(i.get("id").asText()).append(',').append(i.get("pk").asText()).append(',')
                            .append(i.get("n").asInt()).append(",\"").append(i.get("name").asText()).append("\",")
                            .append(i.get("price").asDouble()).append(',').append(i.get("active").asBoolean())
                            .append(',').append(i.at("/detail/colour").asText()).append(",\"")
                            .append(i.at("/detail/tags").toString().replace("\"", "\"\"")).append("\"\n");
                }
                Path file = dir.resolve("in.csv");
                Files.writeString(file, csv);
                yield file;
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ImportFormat.class)
    void importsEachFormatExactly(ImportFormat format, CosmosAsyncClient client, CosmosTestData data)
            throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        List<ObjectNode> items = items(250, 7, format.ordinal());
        Path file = file(format, items);
        List<ImportProgress> progress = new ArrayList<>();

        ImportResult result = service(100, ImportStep.Listener.NONE)
                .importItems(handle(client, container, false), ImportRequest.of(file, format), new ImportControl(progress::add));

        assertThat(result.allFine()).isTrue();
        assertThat(result.totals().count(RowOutcome.CREATED)).isEqualTo(250);
        assertThat(progress).extracting(ImportProgress::rows).containsExactly(100L, 200L, 250L);
        assertHoldsExactly(container, items);
        List<JsonNode> report = reportLines(result.report());
        assertThat(report).hasSize(250).allSatisfy(l -> assertThat(l.get("outcome").asText()).isEqualTo("CREATED"));
        assertThat(Files.readString(result.failedItems())).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.report()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("imports"))))
                .isEqualTo("rwx------");
        assertThat(service(100, ImportStep.Listener.NONE).findUnfinished()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ImportMode.class)
    void existingItemsInEachMode(ImportMode mode, CosmosAsyncClient client, CosmosTestData data) throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        List<ObjectNode> items = items(40, 3, 1);
        ObjectNode theirs = items.get(5).deepCopy().put("name", "someone else's");
        container.createItem(theirs, new PartitionKey(theirs.get("pk").asText()), null).block();
        container.createItem(items.get(6), new PartitionKey(items.get(6).get("pk").asText()), null).block();
        Path file = file(ImportFormat.JSONL, items);

        ImportResult result = service(16, ImportStep.Listener.NONE).importItems(handle(client, container, false),
                ImportRequest.of(file, ImportFormat.JSONL).withMode(mode), ImportControl.none());

        List<JsonNode> report = reportLines(result.report());
        String row6 = report.get(5).get("outcome").asText();
        List<ObjectNode> expected = new ArrayList<>(items);
        switch (mode) {
            case CREATE_ONLY -> {
                assertThat(row6).isEqualTo("CONFLICT");
                expected.set(5, theirs);
                assertThat(result.notImported()).isEqualTo(1);
                assertThat(Files.readAllLines(result.failedItems())).singleElement()
                        .satisfies(l -> assertThat(l).contains("\"row-00005\""));
            }
            case SKIP_EXISTING -> {
                assertThat(row6).isEqualTo("SKIPPED");
                expected.set(5, theirs);
                assertThat(result.allFine()).isTrue();
            }
            case UPSERT -> {
                assertThat(row6).isEqualTo("UPSERTED");
                assertThat(result.totals().count(RowOutcome.UPSERTED)).isEqualTo(40);
            }
        }
        if (mode != ImportMode.UPSERT) {
            assertThat(report.get(6).get("outcome").asText()).isEqualTo("IDENTICAL");
            assertThat(result.totals().count(RowOutcome.CREATED)).isEqualTo(38);
        }
        assertHoldsExactly(container, expected);
    }

    /** Crash at random steps of random batches, resume with a new service: every row exactly once. */
    @Test
    void resumesAfterCrashesAtRandomPointsWithEveryRowExactlyOnce(CosmosAsyncClient client, CosmosTestData data)
            throws IOException {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 6; trial++) {
            CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
            ContainerHandle target = handle(client, container, false);
            List<ObjectNode> items = items(120, 5, trial);
            ImportMode mode = ImportMode.values()[trial % 3];
            Path file = TransferTestBed.writeJsonLines(dir.resolve("crash-" + trial + ".jsonl"), items);
            ImportStep step = ImportStep.values()[random.nextInt(ImportStep.values().length)];
            long batch = 1 + random.nextInt(5);
            String where = "trial " + trial + ": " + mode + ", crash " + step + " of batch " + batch;
            ImportService crashing = service(25, (reached, b) -> {
                if (reached == step && (b == batch || step == ImportStep.BEFORE_END)) {
                    throw new TransferTestBed.SimulatedCrash(where);
                }
            });
            assertThatThrownBy(() -> crashing.importItems(target, ImportRequest.of(file, ImportFormat.JSONL)
                    .withMode(mode), ImportControl.none())).as(where).isInstanceOf(TransferTestBed.SimulatedCrash.class);

            ImportService recovering = service(25, ImportStep.Listener.NONE);
            var unfinished = recovering.findUnfinished(target, file);
            assertThat(unfinished).as(where).isPresent();
            ImportResult result = recovering.resume(target, unfinished.get().journal(), ImportControl.none());

            assertHoldsExactly(container, items);
            assertThat(result.notImported()).as(where).isZero();
            List<JsonNode> report = reportLines(result.report());
            assertThat(report.stream().map(l -> l.get("row").asLong()).toList()).as(where + ": report rows")
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 120).boxed().toList());
            assertThat(result.totals().rows()).as(where).isEqualTo(120);
            Files.delete(unfinished.get().journal().getParent().resolve("done").resolve(
                    unfinished.get().journal().getFileName()));
        }
    }

    @Test
    void throttlingOutagesAndLostAnswersEndWithEveryRowOnce(LocalCosmosServer server, CosmosAsyncClient client,
            CosmosTestData data) throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        List<ObjectNode> items = items(300, 4, 9);
        Path file = file(ImportFormat.JSONL, items);
        try {
            server.setFault(Fault.of(FaultMode.THROTTLE, 40).onMethods("POST").onPathsContaining("/docs")
                    .retryAfter(Duration.ofMillis(5)));
            server.setFault(Fault.of(FaultMode.UNAVAILABLE, 3).onMethods("POST").onPathsContaining("/docs"));
            server.setFault(Fault.of(FaultMode.APPLY_THEN_DROP, 3).onMethods("POST").onPathsContaining("/docs"));

            ImportResult result = service(50, ImportStep.Listener.NONE).importItems(handle(client, container, false),
                    ImportRequest.of(file, ImportFormat.JSONL), ImportControl.none());

            assertThat(result.allFine()).as(result.totals().summary()).isTrue();
            assertThat(result.totals().count(RowOutcome.CREATED) + result.totals().count(RowOutcome.IDENTICAL))
                    .isEqualTo(300);
        } finally {
            server.clearFaults();
        }
        assertHoldsExactly(container, items);
    }

    @Test
    void aReadOnlyConnectionIsRefusedBeforeAnythingIsWritten(CosmosAsyncClient client, CosmosTestData data)
            throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        Path file = file(ImportFormat.JSONL, items(5, 1, 1));
        ImportService service = service(10, ImportStep.Listener.NONE);
        assertThatThrownBy(() -> service.importItems(handle(client, container, true),
                ImportRequest.of(file, ImportFormat.JSONL), ImportControl.none()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThat(TransferTestBed.all(container)).isEmpty();
        assertThat(service.findUnfinished()).isEmpty();
    }

    @Test
    void invalidRowsAreReportedWithTheirBodiesForFixingAndCancelStopsBetweenBatches(CosmosAsyncClient client,
            CosmosTestData data) throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"pk\":\"x\"}\n{\"pk\":\"x\",\"n\":1}\n{broken\n{\"id\":\"b\",\"pk\":\"x\"}\n");
        ImportResult result = service(10, ImportStep.Listener.NONE).importItems(handle(client, container, false),
                ImportRequest.of(file, ImportFormat.JSONL).withSkipInvalid(true), ImportControl.none());
        assertThat(result.totals().count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(result.totals().count(RowOutcome.INVALID)).isEqualTo(2);
        // the rows not imported, in file order: the body without an id, and the line that is no JSON, as written
        assertThat(Files.readAllLines(result.failedItems())).containsExactly("{\"pk\":\"x\",\"n\":1}", "{broken");
        Set<String> reasons = reportLines(result.report()).stream().filter(l -> l.has("reason"))
                .map(l -> l.get("reason").asText()).collect(Collectors.toCollection(HashSet::new));
        assertThat(reasons).hasSize(2);
        assertThat(reportLines(result.report()).stream().filter(l -> l.get("line").asLong() == 3))
                .singleElement().satisfies(l -> assertThat(l.get("text").asText()).isEqualTo("{broken"));

        // fixed where they are listed, the failed rows import again, and nothing else is touched
        Path fixed = dir.resolve("fixed.jsonl");
        Files.writeString(fixed, Files.readString(result.failedItems()).replace("{\"pk\":\"x\",\"n\":1}",
                "{\"id\":\"c\",\"pk\":\"x\",\"n\":1}").replace("{broken", "{\"id\":\"d\",\"pk\":\"x\"}"));
        ImportResult again = service(10, ImportStep.Listener.NONE).importItems(handle(client, container, false),
                ImportRequest.of(fixed, ImportFormat.JSONL), ImportControl.none());
        assertThat(again.allFine()).as(again.totals().summary()).isTrue();
        assertThat(again.totals().count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(TransferTestBed.all(container)).extracting(item -> item.get("id").asText())
                .containsExactlyInAnyOrder("a", "b", "c", "d");

        CosmosAsyncContainer second = TransferTestBed.newContainer(client, data, "/pk");
        Path many = TransferTestBed.writeJsonLines(dir.resolve("many.jsonl"), items(100, 2, 3));
        ImportControl[] control = new ImportControl[1];
        control[0] = new ImportControl(p -> control[0].requestCancel());
        ImportResult cancelled = service(10, ImportStep.Listener.NONE).importItems(handle(client, second, false),
                ImportRequest.of(many, ImportFormat.JSONL), control[0]);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.totals().rows()).isEqualTo(10);
        assertThat(TransferTestBed.all(second)).hasSize(10);
    }
}
