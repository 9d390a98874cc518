package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.ThroughputProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedResourceChanges;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.manage.CreateResourceViewModel.TtlMode;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The container settings pane's service (and, for the Entra ID switch, its view-model) against the local server. */
@ExtendWith(CosmosServerExtension.class)
class ContainerSettingsServiceIT {

    private static final String POLICY = """
            {
              "indexingMode": "consistent",
              "automatic": true,
              "includedPaths": [{"path": "/*"}],
              "excludedPaths": [{"path": "/big/*"}, {"path": "/\\"_etag\\"/?"}]
            }""";

    private final CosmosClientFactory factory = new CosmosClientFactory();
    @TempDir
    Path folder;

    private AuditLog auditLog() {
        return new AuditLog(folder.resolve("audit"));
    }

    private CosmosConnection open(LocalCosmosServer server, boolean readOnly) {
        return factory.open(ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(readOnly), new Credentials.AccountKey(server.key()));
    }

    private static ContainerHandle handle(CosmosConnection connection, CosmosAsyncContainer container) {
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef(container.getDatabase().getId(),
                container.getId()), List.of("/pk"), false, null));
    }

    private static CosmosAsyncContainer containerWithUniqueKey(CosmosTestData data) {
        CosmosContainerProperties properties = new CosmosContainerProperties(CosmosTestData.uniqueName("settings"),
                "/pk");
        UniqueKeyPolicy unique = new UniqueKeyPolicy();
        unique.setUniqueKeys(List.of(new UniqueKey(List.of("/email"))));
        properties.setUniqueKeyPolicy(unique);
        return data.createContainer(properties);
    }

    @Test
    void readsTheSettingsAndAppliesAChangeWithAnAuditEntryForEach(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = containerWithUniqueKey(data);
        AuditLog log = auditLog();
        ContainerSettingsService service = new ContainerSettingsService(
                new ControlPlaneSwitch(new ResourceAdmin(), null), new AuditedResourceChanges(log));
        try (CosmosConnection connection = open(server, false)) {
            ContainerHandle handle = handle(connection, container);
            ContainerSettings before = service.read(handle);
            assertThat(before.partitionKeyPaths()).containsExactly("/pk");
            assertThat(before.uniqueKeys()).containsExactly(List.of("/email"));
            assertThat(before.defaultTtlSeconds()).isNull();
            assertThat(before.throughput()).isEqualTo(new Throughput.Manual(400));
            assertThat(before.conflictResolution()).startsWith("Last writer wins");
            assertThat(before.indexingPolicyJson()).contains("\"indexingMode\" : \"consistent\"");

            SettingsChange change = new SettingsChange(3600, POLICY,
                    "[{\"name\": \"cp_lower\", \"query\": \"SELECT VALUE LOWER(c.name) FROM c\"}]",
                    new Throughput.Manual(800));
            ContainerSettings after = service.apply(handle, before, change);

            assertThat(after.defaultTtlSeconds()).isEqualTo(3600);
            assertThat(after.indexingPolicyJson()).contains("/big/*");
            assertThat(after.computedPropertiesJson()).contains("cp_lower");
            assertThat(after.throughput()).isEqualTo(new Throughput.Manual(800));
            assertThat(after.etag()).isNotEqualTo(before.etag());
            assertThat(after.indexTransformationProgress()).isEqualTo(100);
            CosmosContainerProperties stored = container.read().block().getProperties();
            assertThat(stored.getIndexingPolicy().getExcludedPaths()).extracting(ExcludedPath::getPath)
                    .contains("/big/*");
            assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(800);

            List<AuditEntry> entries = log.read(entry -> true, 10);
            assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("throughput", "ok"),
                    org.assertj.core.groups.Tuple.tuple("container-settings", "ok"));
            AuditEntry settings = entries.stream().filter(e -> e.operation().equals("container-settings"))
                    .findFirst().orElseThrow();
            assertThat(settings.before().get("defaultTtl").isNull()).isTrue();
            assertThat(settings.after().get("defaultTtl").asInt()).isEqualTo(3600);
            assertThat(settings.etagBefore()).isEqualTo(before.etag());
            assertThat(settings.container()).isEqualTo(container.getId());
        }
    }

    @Test
    void aChangeMadeElsewhereIsReportedAndNotOverwritten(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        AuditLog log = auditLog();
        ContainerSettingsService service = new ContainerSettingsService(
                new ControlPlaneSwitch(new ResourceAdmin(), null), new AuditedResourceChanges(log));
        try (CosmosConnection connection = open(server, false)) {
            ContainerHandle handle = handle(connection, container);
            ContainerSettings mine = service.read(handle);
            CosmosContainerProperties theirs = container.read().block().getProperties();
            theirs.setDefaultTimeToLiveInSeconds(60);
            container.replace(theirs).block();

            assertThatThrownBy(() -> service.apply(handle, mine, new SettingsChange(3600, mine.indexingPolicyJson(),
                    mine.computedPropertiesJson(), mine.throughput())))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE);
                        assertThat(e.userMessage()).isEqualTo(ResourceAdmin.CHANGED_ELSEWHERE);
                    });
            assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isEqualTo(60);

            container.replaceThroughput(ThroughputProperties.createManualThroughput(1000)).block();
            assertThatThrownBy(() -> service.apply(handle, mine, new SettingsChange(mine.defaultTtlSeconds(),
                    mine.indexingPolicyJson(), mine.computedPropertiesJson(), new Throughput.Manual(500))))
                    .hasMessage(ResourceAdmin.CHANGED_ELSEWHERE);
            assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(1000);
            assertThat(log.read(entry -> true, 10)).extracting(AuditEntry::outcome).containsOnly("failed");
        }
    }

    @Test
    void badInputAndReadOnlyConnectionsAreRefusedWithSentences(LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        AuditLog log = auditLog();
        ContainerSettingsService service = new ContainerSettingsService(
                new ControlPlaneSwitch(new ResourceAdmin(), null), new AuditedResourceChanges(log));
        try (CosmosConnection connection = open(server, false)) {
            ContainerHandle handle = handle(connection, container);
            ContainerSettings loaded = service.read(handle);
            assertThatThrownBy(() -> service.apply(handle, loaded, new SettingsChange(null, loaded.indexingPolicyJson(),
                    "", new Throughput.Manual(350))))
                    .hasMessageContaining("starts at 400 RU/s");
            assertThatThrownBy(() -> service.apply(handle, loaded, new SettingsChange(null,
                    "{\"includedPaths\": [{\"path\": \"name\"}]}", "", loaded.throughput())))
                    .hasMessageContaining("must start with / and end with /? (one value) or /* ");
        }
        try (CosmosConnection readOnly = open(server, true)) {
            ContainerHandle handle = handle(readOnly, container);
            ContainerSettings loaded = service.read(handle);
            assertThatThrownBy(() -> service.apply(handle, loaded, new SettingsChange(60, loaded.indexingPolicyJson(),
                    loaded.computedPropertiesJson(), loaded.throughput())))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY);
                        assertThat(e.userMessage()).contains("read-only connection");
                    });
        }
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isNull();
        assertThat(log.read(entry -> true, 10)).extracting(AuditEntry::outcome).contains("refused");
    }

    /** Records what it was asked to do: Azure Resource Manager cannot be reached from the tests. */
    static final class RecordingControlPlane implements ControlPlane {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "Azure Resource Manager";
        }

        @Override
        public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
            calls.add("createDatabase " + id);
        }

        @Override
        public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
            calls.add("createContainer " + spec.id());
            return null;
        }

        @Override
        public void deleteDatabase(CosmosConnection connection, String id) {
            calls.add("deleteDatabase " + id);
        }

        @Override
        public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
            calls.add("deleteContainer " + ref);
        }

        @Override
        public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change) {
            calls.add("replaceSettings " + ref.containerId() + " ttl=" + change.defaultTtlSeconds() + " etag=" + etag);
        }

        @Override
        public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
                Throughput throughput) {
            calls.add("replaceThroughput " + throughput);
        }
    }

    private CosmosConnection entra(LocalCosmosServer server) {
        TokenCredential token = request -> Mono.just(new AccessToken("fake-entra-token",
                OffsetDateTime.now().plusHours(1)));
        return factory.open(ConnectionProfile.create("Entra", AuthKind.ENTRA_ID, server.endpoint()),
                new Credentials.Entra(token));
    }

    @Test
    void anEntraRefusalOffersResourceManagerAndTheChangeGoesThereWhenTheUserAgrees(LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        RecordingControlPlane resourceManager = new RecordingControlPlane();
        ContainerSettingsService service = new ContainerSettingsService(
                new ControlPlaneSwitch(new ResourceAdmin(), resourceManager), new AuditedResourceChanges(auditLog()));
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        try (CosmosConnection connection = entra(server)) {
            ContainerSettingsViewModel form = new ContainerSettingsViewModel(handle(connection, container), service,
                    ImmediateTaskRunner.immediate(), dialogs, duration -> { });
            form.load();
            String etag = form.loadedProperty().get().etag();
            form.ttlModeProperty().set(TtlMode.SECONDS);
            form.ttlSecondsProperty().set("120");
            form.review();
            form.apply();

            verify(dialogs).confirm(eq("Change settings"), eq(ControlPlaneSwitch.OFFER), eq("Use Azure Resource Manager"));
            assertThat(resourceManager.calls).containsExactly("replaceSettings " + container.getId()
                    + " ttl=120 etag=" + etag);
            assertThat(form.statusProperty().get()).isEqualTo("Applied through Azure Resource Manager.");
            assertThat(service.controlPlanes().forConnection(connection)).isSameAs(resourceManager);
        }
    }

    @Test
    void anEntraRefusalTheUserDeclinesShowsTheSentenceAndChangesNothing(LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        RecordingControlPlane resourceManager = new RecordingControlPlane();
        ContainerSettingsService service = new ContainerSettingsService(
                new ControlPlaneSwitch(new ResourceAdmin(), resourceManager), new AuditedResourceChanges(auditLog()));
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(false);
        try (CosmosConnection connection = entra(server)) {
            ContainerSettingsViewModel form = new ContainerSettingsViewModel(handle(connection, container), service,
                    ImmediateTaskRunner.immediate(), dialogs, duration -> { });
            form.load();
            form.ttlModeProperty().set(TtlMode.ON_NO_DEFAULT);
            form.review();
            form.apply();

            assertThat(form.errorProperty().get()).isEqualTo(ResourceAdmin.ENTRA_CONTROL_PLANE);
            assertThat(form.ttlModeProperty().get()).isEqualTo(TtlMode.ON_NO_DEFAULT);
            assertThat(resourceManager.calls).isEmpty();
        }
        assertThat(container.read().block().getProperties().getDefaultTimeToLiveInSeconds()).isNull();
    }
}
