package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code CosmosDesk export} end to end through {@link Cli}, against the local server, with no display. */
@ExtendWith(CosmosServerExtension.class)
class ExportCommandIT {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CosmosAsyncContainer container;
    private LocalCosmosServer server;

    @BeforeEach
    void seed(LocalCosmosServer server, CosmosTestData data) {
        this.server = server;
        container = data.createContainer("/customerId");
        CosmosTestData.insert(container, "/customerId", 120, i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "o" + i)
                    .put("customerId", "cust-" + (i % 4)).put("n", i).put("note", i == 3 ? "=2+5" : "日本 " + i);
            item.putObject("customer").put("name", "Zoë " + (i % 4));
            return item;
        });
    }

    private int run(String... options) {
        List<String> args = new ArrayList<>(List.of("export", "--endpoint", server.endpoint(), "--emulator",
                "--key-env", "COSMOS_TEST_KEY", "--database", container.getDatabase().getId(), "--container",
                container.getId()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new), new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("COSMOS_TEST_KEY", server.key()),
                new ByteArrayInputStream(new byte[0])));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exportsAQueryToJsonLinesAndSaysWhatItDid() throws Exception {
        Path file = folder.resolve("orders.jsonl");
        int status = run("--format", "jsonl", "--file", file.toString(), "--query",
                "SELECT * FROM c WHERE c.n >= 100");
        assertThat(status).as(stderr()).isEqualTo(Cli.OK);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(20).allMatch(line -> line.contains("\"customer\":{\"name\":\"Zoë"));
        assertThat(stderr()).contains("Exported 20 items").contains(file.toString());
        assertThat(out.size()).isZero();
    }

    @Test
    void exportsChosenCsvFieldsOfOnePartitionGzipped() throws Exception {
        Path file = folder.resolve("orders.csv.gz");
        int status = run("--format", "csv", "--file", file.toString(), "--fields", "id,customer.name,note",
                "--partition-key", "\"cust-3\"", "--gzip", "--quiet");
        assertThat(status).as(stderr()).isEqualTo(Cli.OK);
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,customer.name,note");
        assertThat(lines).hasSize(31).contains("o3,Zoë 3,'=2+5", "o7,Zoë 3,日本 7");
    }

    @Test
    void badArgumentsAndBadInputAreExitTwoWithASentence() throws Exception {
        assertThat(run("--format", "xml", "--file", folder.resolve("x").toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("--format must be jsonl, json or csv");

        assertThat(run("--format", "json", "--file", folder.resolve("missing/x.json").toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("does not exist");

        Path existing = Files.writeString(folder.resolve("keep.json"), "keep");
        assertThat(run("--format", "json", "--file", existing.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("already exists").contains("--overwrite");
        assertThat(Files.readString(existing)).isEqualTo("keep");

        assertThat(run("--format", "json", "--file", folder.resolve("q.json").toString(), "--query",
                "SELECT * FROM c WHERE")).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("Nothing was exported").doesNotContain("Exception");
        assertThat(folder.resolve("q.json")).doesNotExist();

        assertThat(run("--format", "jsonl", "--file", folder.resolve("y").toString(), "--fields", "a"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(run("--format", "jsonl", "--file", folder.resolve("y").toString(), "--colour", "red"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("--colour");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("keep.json");
        }
    }

    @Test
    void aWrongKeyIsExitThreeAndOverwriteReplacesOnlyWhenComplete() throws Exception {
        Path file = Files.writeString(folder.resolve("orders.json"), "old");
        int status = Cli.run(new String[] {"export", "--endpoint", server.endpoint(), "--emulator", "--key-env", "K",
            "--database", container.getDatabase().getId(), "--container", container.getId(), "--format", "json",
            "--file", file.toString(), "--overwrite"}, new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("K", "d3JvbmcgZm9yIHN1cmUgd3JvbmcgZm9yIHN1cmUgd3JvbmcgZm9yIHN1cmUgd3Jvbmc="),
                new ByteArrayInputStream(new byte[0])));
        assertThat(status).isEqualTo(Cli.CANNOT_CONNECT);
        assertThat(Files.readString(file)).isEqualTo("old");

        assertThat(run("--format", "json", "--file", file.toString(), "--overwrite")).as(stderr()).isEqualTo(Cli.OK);
        assertThat(Files.readString(file)).startsWith("[\n{");
    }

    @Test
    void helpListsTheCommandAndItsOptions() {
        Cli.run(new String[] {"--help"}, new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new ByteArrayInputStream(new byte[0])));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export ");
        out.reset();
        Cli.run(new String[] {"export", "--help"}, new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new ByteArrayInputStream(new byte[0])));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--format", "--fields", "--gzip",
                "--system-properties", "--key-env", "--emulator", "Exit status");
    }
}
