package io.cosmosdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The command line's sign-in options against the real local server (an emulator on this machine). */
@ExtendWith(CosmosServerExtension.class)
class CliConnectionsIT {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliIO io(Map<String, String> env) {
        return new CliIO(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void opensTheContainerWithTheKeyFromTheNamedVariable(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/customerId");
        CliArgs args = CliArgs.parse(List.of("--endpoint", server.endpoint(), "--emulator", "--key-env", "MY_KEY"));
        try (CosmosConnection connection = CliConnections.open(args, io(Map.of("MY_KEY", server.key())), "")) {
            ContainerHandle handle = CliConnections.container(connection, container.getDatabase().getId(),
                    container.getId());
            assertThat(handle.info().partitionKeyLabel()).contains("customerId");
            assertThatThrownBy(() -> CliConnections.container(connection, container.getDatabase().getId(), "nope"))
                    .isInstanceOf(CliException.class).hasMessageContaining("\"nope\" does not exist")
                    .satisfies(e -> assertThat(((CliException) e).status()).isEqualTo(Cli.BAD_INPUT));
        }
    }

    @Test
    void aWrongKeyIsCannotConnectWithASentenceThatHoldsNoKey(LocalCosmosServer server) {
        String wrongKey = "d3JvbmcgZm9yIHN1cmUgd3JvbmcgZm9yIHN1cmUgd3JvbmcgZm9yIHN1cmUgd3Jvbmc=";
        CliArgs args = CliArgs.parse(List.of("--endpoint", server.endpoint(), "--emulator", "--key-env", "K"));
        assertThatThrownBy(() -> CliConnections.open(args, io(Map.of("K", wrongKey)), "").close())
                    .isInstanceOf(CliException.class)
                    .satisfies(e -> assertThat(((CliException) e).status()).isEqualTo(Cli.CANNOT_CONNECT))
                    .satisfies(e -> assertThat(e.getMessage()).contains("rejected the credentials")
                            .doesNotContain(wrongKey));
    }
}
