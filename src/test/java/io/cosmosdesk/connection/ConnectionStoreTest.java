package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.SignInMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {

    @TempDir
    Path config;

    @Test
    void savesAndReloadsProfilesInAVersionedFile() throws Exception {
        ConnectionStore store = new ConnectionStore(config);
        ConnectionProfile prod = ConnectionProfile.create("Orders (prod)", AuthKind.ENTRA_ID,
                "https://orders.documents.azure.com:443/").withColorTag("red").withReadOnly(true).withTenantId("contoso.onmicrosoft.com");
        ConnectionProfile local = ConnectionProfile.create("Local", AuthKind.EMULATOR, "https://localhost:8081");
        store.put(prod);
        store.put(local);

        ConnectionStore reopened = new ConnectionStore(config);
        assertThat(reopened.load()).containsExactly(prod, local);
        assertThat(reopened.load().get(0).signIn()).isEqualTo(SignInMethod.AUTOMATIC);
        assertThat(Files.readString(store.file())).contains("\"version\" : 1");
    }

    @Test
    void putReplacesByIdAndRemoveDeletes() {
        ConnectionStore store = new ConnectionStore(config);
        ConnectionProfile profile = ConnectionProfile.create("A", AuthKind.KEY, "https://a.documents.azure.com:443/");
        store.put(profile);
        store.put(profile.withReadOnly(true));
        assertThat(store.load()).singleElement().satisfies(p -> assertThat(p.readOnly()).isTrue());
        store.remove(profile.id());
        assertThat(store.load()).isEmpty();
    }

    @Test
    void anUnreadableFileIsKeptAsideNotLost() throws Exception {
        Files.writeString(config.resolve("connections.json"), "{ this is not json");
        ConnectionStore store = new ConnectionStore(config);
        assertThat(store.load()).isEmpty();
        try (var files = Files.list(config)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("connections.json.damaged-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("{ this is not json");
        }
    }

    @Test
    void aNewerFormatIsReadAsFarAsKnown() throws Exception {
        Files.writeString(config.resolve("connections.json"), """
                {"version": 7, "futureSetting": true, "connections": [
                  {"id": "1", "name": "X", "authKind": "KEY", "endpoint": "https://x.documents.azure.com:443/",
                   "readOnly": false, "someNewField": 3}]}""");
        assertThat(new ConnectionStore(config).load()).extracting(ConnectionProfile::name).containsExactly("X");
    }

    @Test
    void resourceManagerLocationsRoundTripAndFilesWithoutThemStillLoad() throws Exception {
        Files.writeString(config.resolve("connections.json"), """
                {"version": 1, "connections": [
                  {"id": "1", "name": "Old", "authKind": "ENTRA_ID", "endpoint": "https://x.documents.azure.com:443/",
                   "readOnly": false, "signIn": "AUTOMATIC"}]}""");
        ConnectionStore store = new ConnectionStore(config);
        ConnectionProfile old = store.load().get(0);
        assertThat(old.armSubscriptionId()).isNull();
        assertThat(old.armResourceGroup()).isNull();

        store.put(old.withArmLocation("0b1f6471-1bf0-4dda-aec3-cb9272f09590", "rg-x"));
        assertThat(new ConnectionStore(config).load()).singleElement().satisfies(profile -> {
            assertThat(profile.armSubscriptionId()).isEqualTo("0b1f6471-1bf0-4dda-aec3-cb9272f09590");
            assertThat(profile.armResourceGroup()).isEqualTo("rg-x");
        });
    }
}
