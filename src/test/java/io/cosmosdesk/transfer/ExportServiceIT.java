package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Exports against the local server: every format, filters, scopes, cancel, a full disk, bad paths. */
@ExtendWith(CosmosServerExtension.class)
class ExportServiceIT {

    private static final int ITEMS = 230;

    @TempDir
    Path folder;

    private static ContainerHandle seeded(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", ITEMS, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%04d", i))
                    .put("customerId", "cust-" + (i % 7))
                    .put("n", i)
                    .put("label", i % 5 == 0 ? "=cmd|' /C calc'!A0" : "Ünïcödé ✓ " + i);
            item.putObject("customer").put("name", "Customer " + (i % 7)).putObject("address").put("city", "Köln");
            item.putArray("lines").addObject().put("sku", "A-" + i).put("qty", i % 3);
            return item;
        });
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint()), client);
        return new ContainerHandle(connection, new ContainerInfo(
                new ContainerRef(container.getDatabase().getId(), container.getId()), List.of("/customerId"), false,
                null));
    }

    @Test
    void exportsEveryItemInEachFormatIntoAPrivateCompleteFile(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        ExportService service = new ExportService(50);
        for (ExportFormat format : ExportFormat.values()) {
            for (boolean gzip : new boolean[] {false, true}) {
                Path target = folder.resolve("orders" + format.fileSuffix(gzip));
                RecordingContext context = new RecordingContext();

                ExportResult result = service.export(ExportSource.wholeContainer(handle),
                        ExportOptions.of(format).withGzip(gzip), target, false, context);

                assertThat(result.items()).isEqualTo(ITEMS);
                assertThat(result.bytes()).isEqualTo(Files.size(target));
                List<ObjectNode> back = ItemWritersTest.read(format, bytes(target, gzip));
                assertThat(back).hasSize(ITEMS);
                back.sort(Comparator.comparing(item -> item.get("id").asText()));
                assertThat(back.get(5).get("label").asText()).isEqualTo("=cmd|' /C calc'!A0");
                assertThat(back.get(7).get("customer").get("address").get("city").asText()).isEqualTo("Köln");
                assertThat(back.get(7).get("lines").get(0).get("sku").asText()).isEqualTo("A-7");
                assertThat(back.get(7).has("_rid")).isFalse();
                assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
                assertThat(context.lastProgress().items()).isEqualTo(ITEMS);
                assertThat(context.lastProgress().expectedItems()).isEqualTo(ITEMS);
            }
        }
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void exportsTheGridsFilterAPartitionOrAQueryWithSystemProperties(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        ExportService service = new ExportService(50);

        Path filtered = folder.resolve("filtered.jsonl");
        service.export(ExportSource.of(handle, ItemQuery.filtered("WHERE c.n < 20")),
                ExportOptions.of(ExportFormat.JSONL).withSystemProperties(true), filtered, false,
                new RecordingContext());
        List<ObjectNode> items = ItemWritersTest.read(ExportFormat.JSONL, Files.readAllBytes(filtered));
        assertThat(items).hasSize(20).allMatch(item -> item.get("n").asInt() < 20 && item.has("_etag"));

        Path partition = folder.resolve("partition.json");
        RecordingContext context = new RecordingContext();
        service.export(new ExportSource(handle, new SqlQuerySpec("SELECT * FROM c ORDER BY c.n DESC"),
                PartitionKeyValue.of("cust-3")), ExportOptions.of(ExportFormat.JSON), partition, false, context);
        items = ItemWritersTest.read(ExportFormat.JSON, Files.readAllBytes(partition));
        assertThat(items).hasSize(33).allMatch(item -> item.get("customerId").asText().equals("cust-3"));
        assertThat(items.get(0).get("n").asInt()).isEqualTo(227);
        assertThat(context.lastProgress().expectedItems()).isEqualTo(33);

        Path projected = folder.resolve("projected.csv");
        service.export(new ExportSource(handle, new SqlQuerySpec("SELECT c.id, c.customer.name AS who FROM c"), null),
                ExportOptions.of(ExportFormat.CSV), projected, false, new RecordingContext());
        List<String> lines = Files.readAllLines(projected);
        assertThat(lines).hasSize(ITEMS + 1);
        assertThat(lines.get(0)).isEqualTo("id,who");
    }

    @Test
    void csvColumnsAreSampledOrChosen(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        ExportService service = new ExportService(50);
        List<JsonPath> sampled = service.sampleCsvFields(ExportSource.wholeContainer(handle), false);
        assertThat(sampled).containsExactly(JsonPath.parse("id"), JsonPath.parse("customerId"), JsonPath.parse("n"),
                JsonPath.parse("label"), JsonPath.parse("customer.name"), JsonPath.parse("customer.address.city"),
                JsonPath.parse("lines"));

        Path chosen = folder.resolve("chosen.csv");
        service.export(ExportSource.wholeContainer(handle), ExportOptions.of(ExportFormat.CSV)
                .withCsvFields(List.of(JsonPath.parse("id"), JsonPath.parse("customer.address.city"),
                        JsonPath.parse("label"))), chosen, false, new RecordingContext());
        List<String> lines = Files.readAllLines(chosen);
        assertThat(lines.get(0)).isEqualTo("id,customer.address.city,label");
        assertThat(lines).contains("order-0005,Köln,'=cmd|' /C calc'!A0");
    }

    @Test
    void aCancelledExportLeavesNoFileAndAnExistingOneUntouched(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        RecordingContext context = new RecordingContext();
        ExportService service = new ExportService(10, afterBytes(2_000, () -> context.cancelled = true));
        Path target = folder.resolve("orders.jsonl");
        Files.writeString(target, "the previous export\n");

        assertThatThrownBy(() -> service.export(ExportSource.wholeContainer(handle),
                ExportOptions.of(ExportFormat.JSONL), target, true, context))
                .isInstanceOf(CancellationException.class);

        assertThat(Files.readString(target)).isEqualTo("the previous export\n");
        assertThat(partFiles()).isEmpty();
        assertThat(context.lastProgress() == null ? 0 : context.lastProgress().items()).isLessThan(ITEMS);
    }

    @Test
    void aFullDiskStopsWithASentenceAndRemovesThePartialFile(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        ExportService service = new ExportService(10, afterBytes(20_000, () -> {
            throw new IOException("No space left on device");
        }));
        Path target = folder.resolve("orders.json");

        assertThatThrownBy(() -> service.export(ExportSource.wholeContainer(handle),
                ExportOptions.of(ExportFormat.JSON), target, false, new RecordingContext()))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ExportException.Reason.FILE);
                    assertThat(e.sentence()).startsWith("The disk is full").contains("partial file was removed")
                            .doesNotContain("Exception");
                });
        assertThat(target).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    /**
     * A folder the user may not write to: a sentence, nothing left behind. As root (CI containers) permissions do
     * not stop a write, so the folder is made immutable instead ({@code chattr +i}: EPERM, as the kernel answers).
     */
    @Test
    void aFolderWithoutWritePermissionIsASentenceAndNoFile(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        Path locked = Files.createDirectory(folder.resolve("locked"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", locked), "chattr +i is not available here");
        } else {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
        }
        try {
            Path target = locked.resolve("orders.jsonl");
            assertThatThrownBy(() -> new ExportService().export(ExportSource.wholeContainer(handle),
                    ExportOptions.of(ExportFormat.JSONL), target, false, new RecordingContext()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ExportException.Reason.FILE);
                        assertThat(e.sentence()).isEqualTo("You may not write to the folder " + locked
                                + " (permission denied): choose another folder.");
                    });
            try (var left = Files.list(locked)) {
                assertThat(left).isEmpty();
            }
        } finally {
            if (root) {
                chattr("-i", locked);
            } else {
                Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static boolean chattr(String flag, Path path) throws Exception {
        Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @Test
    void aQueryTheServiceRejectsIsASentenceAndNoFile(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        Path target = folder.resolve("bad.jsonl");
        assertThatThrownBy(() -> new ExportService().export(new ExportSource(handle,
                        new SqlQuerySpec("SELECT * FROM c WHERE c.n >"), null), ExportOptions.of(ExportFormat.JSONL),
                target, false, new RecordingContext()))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ExportException.Reason.SOURCE);
                    assertThat(e.sentence()).contains("Nothing was exported");
                });
        assertThat(target).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void badTargetsAreRefusedBeforeAnythingIsRead(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        ContainerHandle handle = seeded(client, server, data);
        ExportService service = new ExportService();
        Path existing = Files.writeString(folder.resolve("keep.jsonl"), "keep");
        server.clearRecentRequests();
        assertThatThrownBy(() -> service.export(ExportSource.wholeContainer(handle),
                ExportOptions.of(ExportFormat.JSONL), existing, false, new RecordingContext()))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> service.export(ExportSource.wholeContainer(handle),
                ExportOptions.of(ExportFormat.JSONL), folder.resolve("no/such/folder/x.jsonl"), false,
                new RecordingContext()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> service.export(ExportSource.wholeContainer(handle),
                ExportOptions.of(ExportFormat.JSONL), folder, false, new RecordingContext()))
                .hasMessageContaining("is a folder");
        assertThat(Files.readString(existing)).isEqualTo("keep");
        assertThat(server.recentRequests()).noneMatch(r -> r.path() != null && r.path().contains("/docs"));
    }

    private static UnaryOperator<OutputStream> afterBytes(long limit, ThrowingAction action) {
        return stream -> new FilterOutputStream(stream) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > limit) {
                    action.run();
                }
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws IOException;
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ExportFiles.PART_SUFFIX)).toList();
        }
    }

    private static byte[] bytes(Path file, boolean gzip) throws IOException {
        if (!gzip) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
