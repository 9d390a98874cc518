package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-container settings file, keyed by a normalised endpoint. */
class ColumnSettingsStoreTest {

    @TempDir
    Path config;

    private static ContainerHandle handle(String endpoint) {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, endpoint);
        return new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
    }

    @Test
    void theSameEndpointWithOrWithoutATrailingSlashOrInAnotherCaseIsOneKey() {
        String key = ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443/"));
        assertThat(ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443"))).isEqualTo(key);
        assertThat(ColumnSettingsStore.keyOf(handle("HTTPS://Acct.Documents.Azure.com:443//"))).isEqualTo(key);
        assertThat(key).isEqualTo("https://acct.documents.azure.com:443|retail|orders");
        // another account stays apart
        assertThat(ColumnSettingsStore.keyOf(handle("https://other.documents.azure.com:443/"))).isNotEqualTo(key);
    }

    @Test
    void settingsOfAnotherVersionAreSetAsideBeforeTheNextSaveNotOverwritten() throws Exception {
        String newer = "{\"version\": 2, \"containers\": {}}";
        Files.writeString(config.resolve(ColumnSettingsStore.FILE_NAME), newer);
        ColumnSettingsStore store = new ColumnSettingsStore(config);
        String key = ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443/"));

        assertThat(store.columns(key)).isEmpty();
        store.saveColumns(key, List.of("/x"));

        try (Stream<Path> files = Files.list(config)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("items-tabs.json.damaged-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo(newer);
        }
        assertThat(new ColumnSettingsStore(config).columns(key)).containsExactly("/x");
    }

    @Test
    void columnsSavedOnATypedEndpointAreFoundWhenTheOtherSpellingIsTyped() {
        ColumnSettingsStore store = new ColumnSettingsStore(config);
        store.saveColumns(ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443/")), List.of("/x"));
        assertThat(new ColumnSettingsStore(config)
                .columns(ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443"))))
                .containsExactly("/x");
    }

    @Test
    void entriesSavedWithTheOldUnnormalisedKeyAreStillRead() {
        ColumnSettingsStore old = new ColumnSettingsStore(config);
        // what an earlier version wrote: the endpoint exactly as typed
        old.saveColumns("HTTPS://Acct.documents.azure.com:443/|retail|orders", List.of("/customer/name"));
        old.saveFilterHistory("HTTPS://Acct.documents.azure.com:443/|retail|orders", List.of("c.n = 1"));

        ColumnSettingsStore store = new ColumnSettingsStore(config);
        String key = ColumnSettingsStore.keyOf(handle("https://acct.documents.azure.com:443"));
        assertThat(store.columns(key)).containsExactly("/customer/name");
        assertThat(store.filterHistory(key)).containsExactly("c.n = 1");

        // saving one field under the new key keeps the other field of the old entry
        store.saveColumns(key, List.of("/customer/name", "/status"));
        ColumnSettingsStore reopened = new ColumnSettingsStore(config);
        assertThat(reopened.columns(key)).containsExactly("/customer/name", "/status");
        assertThat(reopened.filterHistory(key)).containsExactly("c.n = 1");
    }

    @Test
    void viewModelColumnsSurviveRetypingTheEndpointWithATrailingSlash() {
        ItemColumns first = new ItemColumns(handle("https://acct.documents.azure.com:443"),
                new ColumnSettingsStore(config));
        first.add("/status");
        ItemColumns again = new ItemColumns(handle("https://acct.documents.azure.com:443/"),
                new ColumnSettingsStore(config));
        assertThat(again.list()).extracting(ItemColumn::header).contains("/status");
    }
}
