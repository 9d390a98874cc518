package io.cosmosdesk.transfer;

import static io.cosmosdesk.transfer.TransferTestBed.assertHoldsExactly;
import static io.cosmosdesk.transfer.TransferTestBed.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** {@code CosmosDesk import} and {@code CosmosDesk copy} end to end through {@link Cli#run}, against the local server. */
@ExtendWith(CosmosServerExtension.class)
class ImportCommandIT {

    @TempDir
    Path dir;

    private String previousHome;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void privateHome() {
        previousHome = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirectories.HOME_PROPERTY, previousHome);
        }
    }

    private int run(LocalCosmosServer server, String... args) {
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", server.endpoint(), "--emulator", "--key-env", "TEST_KEY"));
        CliIO io = new CliIO(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("TEST_KEY", server.key()),
                new ByteArrayInputStream(new byte[0]));
        return Cli.run(all.toArray(String[]::new), io);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAFileThenAgainWithNothingDoubledAndSaysWhyBadFilesStop(LocalCosmosServer server,
            CosmosAsyncClient client, CosmosTestData data) throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        String db = container.getDatabase().getId();
        List<ObjectNode> items = items(120, 4, 2);
        Path file = TransferTestBed.writeJsonLines(dir.resolve("orders.jsonl"), items);

        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file", file.toString()))
                .as(stderr()).isEqualTo(Cli.OK);
        assertThat(stderr()).contains("120 rows: 120 created").contains("Report (one line per item):");
        assertHoldsExactly(container, items);

        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--format", "jsonl",
                "--file", file.toString())).as(stderr()).isEqualTo(Cli.OK);
        assertThat(stderr()).contains("120 identical");
        assertHoldsExactly(container, items);

        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file",
                empty.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("is empty").doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(run(server, "import", "--database", db, "--container", "nope", "--file", file.toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("\"nope\" does not exist");
    }

    @Test
    void aGzippedExportImportsBackAsItIs(LocalCosmosServer server, CosmosAsyncClient client, CosmosTestData data)
            throws IOException {
        CosmosAsyncContainer source = TransferTestBed.newContainer(client, data, "/pk");
        List<ObjectNode> items = items(60, 3, 5);
        Path seed = TransferTestBed.writeJsonLines(dir.resolve("seed.jsonl"), items);
        String db = source.getDatabase().getId();
        assertThat(run(server, "import", "--database", db, "--container", source.getId(), "--file", seed.toString()))
                .as(stderr()).isEqualTo(Cli.OK);
        Path gz = dir.resolve("orders.jsonl.gz");
        assertThat(run(server, "export", "--database", db, "--container", source.getId(), "--format", "jsonl",
                "--gzip", "--file", gz.toString())).as(stderr()).isEqualTo(Cli.OK);
        assertThat(Files.readAllBytes(gz)).startsWith((byte) 0x1F, (byte) 0x8B);

        CosmosAsyncContainer target = TransferTestBed.newContainer(client, data, "/pk");
        assertThat(run(server, "import", "--database", target.getDatabase().getId(), "--container", target.getId(),
                "--file", gz.toString())).as(stderr()).isEqualTo(Cli.OK); // the format from orders.jsonl(.gz)
        assertThat(stderr()).contains("60 rows: 60 created");
        assertHoldsExactly(target, items);
    }

    @Test
    void badRowsAreListedAndStopTheImportUnlessSkipped(LocalCosmosServer server, CosmosAsyncClient client,
            CosmosTestData data) throws IOException {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        String db = container.getDatabase().getId();
        Path file = Files.writeString(dir.resolve("mixed.csv"), "id,pk,n\na,x,1\nb,x\nc,x,3\n,x,4\n");

        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file",
                file.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("Row 2 (line 3): the row has 2 cells but the header has 3")
                .contains("Row 4 (line 5):").contains("nothing was written");
        assertThat(TransferTestBed.all(container)).isEmpty();

        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file",
                file.toString(), "--skip-invalid", "--generate-ids")).isEqualTo(Cli.SOME_FAILED);
        assertThat(stderr()).contains("3 created, 1 invalid").contains("not imported");
        assertThat(TransferTestBed.all(container)).hasSize(3);
    }

    @Test
    void conflictsExitOneAndCopyGoesToAnotherContainer(LocalCosmosServer server, CosmosAsyncClient client,
            CosmosTestData data) {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        String db = container.getDatabase().getId();
        List<ObjectNode> items = items(30, 3, 7);
        container.executeBulkOperations(Flux.fromIterable(items).map(i -> CosmosBulkOperations.getCreateItemOperation(
                i, new PartitionKey(i.get("pk").asText())))).blockLast();
        ObjectNode changed = items.get(0).deepCopy().put("name", "changed");
        Path file = TransferTestBed.writeJsonLines(dir.resolve("one.jsonl"), List.of(changed));

        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file",
                file.toString())).isEqualTo(Cli.SOME_FAILED);
        assertThat(stderr()).contains("1 conflict");
        assertThat(run(server, "import", "--database", db, "--container", container.getId(), "--file",
                file.toString(), "--mode", "upsert")).isEqualTo(Cli.OK);
        assertThat(stderr()).contains("overwritten").contains("1 upserted");
        items.set(0, changed);

        String copyName = CosmosTestData.uniqueName("copy");
        assertThat(run(server, "copy", "--database", db, "--container", container.getId(), "--to-database", db,
                "--to-container", copyName, "--query", "SELECT * FROM c WHERE c.n >= 0")).as(stderr()).isEqualTo(Cli.OK);
        assertThat(stderr()).contains("30 created");
        assertHoldsExactly(container.getDatabase().getContainer(copyName), items);
        assertThat(run(server, "copy", "--database", db, "--container", container.getId(), "--to-database", db,
                "--to-container", copyName, "--query", "SELECT * FROM c WHERE")).isEqualTo(Cli.BAD_INPUT);
    }
}
