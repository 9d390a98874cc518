package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** After connecting with a key and saving the connection, the key is in the keychain and nowhere else. */
class ConnectSecretsIT {

    @Test
    void theKeyAppearsInNoSavedFileAndNoLog() throws IOException {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        AppDirectories directories = AppDirectories.detect();
        ConnectionDialogViewModelTest.FakeSecretStore keychain = new ConnectionDialogViewModelTest.FakeSecretStore();
        CosmosClientFactory factory = new CosmosClientFactory();
        ResourceService resources = new ResourceService();
        List<ConnectRequest> connected = new ArrayList<>();

        try (LocalCosmosServer server = LocalCosmosServer.startWithKey(key)) {
            ConnectionDialogViewModel dialog = new ConnectionDialogViewModel(new AccountProbe(factory, resources),
                    new ConnectionStore(directories.config()), keychain, new EntraCredentials(),
                    ImmediateTaskRunner.immediate());
            dialog.setOnConnect(connected::add);
            dialog.authKindProperty().set(AuthKind.EMULATOR);
            dialog.nameProperty().set("Secret test");
            dialog.endpointProperty().set(server.endpoint());
            dialog.keyProperty().set(key);
            dialog.connect();

            assertThat(dialog.messageIsErrorProperty().get()).as(dialog.messageProperty().get()).isFalse();
            assertThat(connected).hasSize(1);
            try (CosmosConnection connection = factory.open(connected.get(0).profile(),
                    connected.get(0).credentials())) {
                resources.readDatabases(connection);
                // a failure is logged (once, with details): it must not carry the key either
                assertThatThrownBy(() -> resources.readContainers(connection, "no-such-database"));
            }
        }

        assertThat(keychain.saved).containsValue(key);
        List<String> forms = List.of(key, URLEncoder.encode(key, StandardCharsets.UTF_8), key.substring(0, 40));
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(directories.config(), directories.data(), directories.logs())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    scanned.add(file);
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    for (String form : forms) {
                        assertThat(text).as("%s must not contain the key", file).doesNotContain(form);
                    }
                }
            }
        }
        assertThat(scanned).as("the saved connections file and the log were checked")
                .anySatisfy(file -> assertThat(file.getFileName().toString()).isEqualTo("connections.json"))
                .anySatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".log"));
    }
}
