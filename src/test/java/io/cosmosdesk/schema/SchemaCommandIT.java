package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code CosmosDesk schema …} end to end through the command line's entry point, against the local server. */
@ExtendWith(CosmosServerExtension.class)
class SchemaCommandIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(LocalCosmosServer server, String... args) {
        CliIO io = new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("LOCAL_KEY", server.key()),
                new ByteArrayInputStream(new byte[0]));
        return Cli.run(args, io);
    }

    @Test
    void printsTheJsonSchemaOfASample(LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.seedOrders(300, 7);

        int status = run(server, "schema", "--endpoint", server.endpoint(), "--emulator", "--key-env", "LOCAL_KEY",
                "--database", container.getDatabase().getId(), "--container", container.getId(), "--sample", "120");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.OK);
        JsonNode schema = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("x-documentsInspected").asLong()).isEqualTo(120);
        JsonNode n = schema.path("properties").path("n");
        assertThat(n.path("x-occurrence").asLong()).isEqualTo(120);
        assertThat(n.path("anyOf")).hasSize(1);
        assertThat(n.path("anyOf").get(0).path("type").asText()).isEqualTo("number");
        assertThat(n.path("anyOf").get(0).path("x-typeOccurrence").asLong()).isEqualTo(120);
        assertThat(n.path("anyOf").get(0).has("x-minValue")).isTrue();
        JsonNode name = schema.path("properties").path("customer").path("anyOf").get(0).path("properties")
                .path("name").path("anyOf").get(0);
        assertThat(name.path("type").asText()).isEqualTo("string");
        assertThat(name.path("x-minLength").asInt()).isEqualTo("Customer 0".length());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("120 items").contains("RU");
    }

    @Test
    void aMisspeltOptionStopsBeforeConnecting(LocalCosmosServer server) {
        int status = run(server, "schema", "--endpoint", server.endpoint(), "--emulator", "--database", "d",
                "--container", "c", "--sampel", "10");
        assertThat(status).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sampel");
        assertThat(out.size()).isZero();
    }

    @Test
    void theMarkdownSummaryNamesTheFields(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.seedOrders(50, 3);
        int status = run(server, "schema", "--endpoint", server.endpoint(), "--emulator", "--database",
                container.getDatabase().getId(), "--container", container.getId(), "--sample", "all", "--format",
                "markdown");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("# Schema of").contains("| `customer.name` |")
                .contains("All 50 items");
    }
}
