package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.models.CosmosContainerProperties;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedResourceChanges;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** Creating and deleting databases and containers against the real local server. */
@ExtendWith(CosmosServerExtension.class)
class ResourceAdminIT {

    private final CosmosClientFactory factory = new CosmosClientFactory();
    private final ResourceAdmin admin = new ResourceAdmin();
    private final ResourceService resources = new ResourceService();

    private CosmosConnection open(LocalCosmosServer server, boolean readOnly) {
        return factory.open(ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(readOnly), new Credentials.AccountKey(server.key()));
    }

    @Test
    void createsADatabaseAndAHierarchicalContainerWithItsSettingsThenDeletesThem(LocalCosmosServer server) {
        String database = CosmosTestData.uniqueName("admin");
        try (CosmosConnection connection = open(server, false)) {
            admin.createDatabase(connection, database, new Throughput.None());
            assertThat(resources.readDatabases(connection)).contains(database);

            ContainerSpec spec = new ContainerSpec(database, "events", List.of("/tenantId", "/userId"),
                    new Throughput.Manual(400), 3600, List.of(List.of("/email")),
                    "{\"indexingMode\":\"consistent\",\"includedPaths\":[{\"path\":\"/*\"}],"
                            + "\"excludedPaths\":[{\"path\":\"/payload/*\"}]}");
            ContainerInfo created = admin.createContainer(connection, spec);
            assertThat(created.partitionKeyPaths()).containsExactly("/tenantId", "/userId");
            assertThat(created.hierarchical()).isTrue();

            ContainerInfo listed = resources.readContainers(connection, database).get(0);
            assertThat(listed.partitionKeyPaths()).containsExactly("/tenantId", "/userId");
            assertThat(listed.hierarchical()).isTrue();
            CosmosContainerProperties stored = connection.client().getDatabase(database).getContainer("events")
                    .read().block().getProperties();
            assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(3600);
            assertThat(stored.getUniqueKeyPolicy().getUniqueKeys()).hasSize(1);

            assertThatThrownBy(() -> admin.createContainer(connection, spec))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                        assertThat(e.userMessage()).isEqualTo("A container named \"events\" already exists in "
                                + database + ".");
                    });

            admin.deleteContainer(connection, new ContainerRef(database, "events"));
            assertThat(resources.readContainers(connection, database)).isEmpty();
            admin.deleteDatabase(connection, database);
            assertThat(resources.readDatabases(connection)).doesNotContain(database);
        }
    }

    @Test
    void badInputIsRefusedWithSentencesBeforeAnyRequest(LocalCosmosServer server) {
        String database = CosmosTestData.uniqueName("admin");
        try (CosmosConnection connection = open(server, false)) {
            server.clearRecentRequests();
            ContainerSpec bad = new ContainerSpec(database, "a/b", List.of("tenantId", "/x", "/y", "/z"),
                    new Throughput.Manual(450), 0, List.of(), "{not json");
            assertThatThrownBy(() -> admin.createContainer(connection, bad))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage())
                            .contains("cannot contain /")
                            .contains("at most 3 levels")
                            .contains("\"tenantId\" must start with /")
                            .contains("steps of 100 RU/s (e.g. 500)")
                            .contains("Time to live")
                            .contains("not valid JSON (line 1"));
            assertThatThrownBy(() -> admin.createDatabase(connection, database, new Throughput.Autoscale(500)))
                    .hasMessageContaining("starts at 1,000 RU/s");
            assertThat(server.recentRequests()).noneMatch(request -> request.method().equals("POST"));
        }
    }

    @Test
    void aReadOnlyConnectionIsRefusedInTheServiceLayer(LocalCosmosServer server, CosmosTestData data) {
        var container = data.createContainer("/customerId");
        try (CosmosConnection connection = open(server, true)) {
            assertThatThrownBy(() -> admin.deleteContainer(connection, new ContainerRef(
                    container.getDatabase().getId(), container.getId())))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
            assertThatThrownBy(() -> admin.createDatabase(connection, "x", new Throughput.None()))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        }
        assertThat(container.read().block()).isNotNull();
    }

    @Test
    void anEntraTokenIsToldThatOnlyTheControlPlaneOrTheKeyCanCreateContainers(LocalCosmosServer server,
            CosmosTestData data) {
        var existing = data.createContainer("/customerId");
        TokenCredential token = request -> Mono.just(new AccessToken("fake-entra-token",
                OffsetDateTime.now().plusHours(1)));
        try (CosmosConnection entra = factory.open(ConnectionProfile.create("Entra", AuthKind.ENTRA_ID,
                server.endpoint()), new Credentials.Entra(token))) {
            assertThat(resources.readContainers(entra, existing.getDatabase().getId())).isNotEmpty();
            assertThatThrownBy(() -> admin.createContainer(entra, new ContainerSpec(existing.getDatabase().getId(),
                    "new-one", List.of("/id"), null, null, null, null)))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                        assertThat(e.userMessage()).isEqualTo(ResourceAdmin.ENTRA_CONTROL_PLANE);
                    });
            assertThatThrownBy(() -> admin.deleteContainer(entra, new ContainerRef(existing.getDatabase().getId(),
                    existing.getId()))).hasMessageContaining("control plane");
        }
        assertThat(existing.read().block()).isNotNull();
    }

    @Test
    void createsAndDeletesAreAuditedBeforeTheCallerHearsWithFailuresAndRefusals(LocalCosmosServer server,
            @TempDir Path folder) {
        AuditLog log = new AuditLog(folder.resolve("audit"));
        ControlPlaneSwitch planes = new ControlPlaneSwitch(admin, null, new AuditedResourceChanges(log));
        String database = CosmosTestData.uniqueName("audited");
        try (CosmosConnection connection = open(server, false);
                CosmosConnection readOnly = open(server, true)) {
            ControlPlane plane = planes.forConnection(connection);
            plane.createDatabase(connection, database, new Throughput.Manual(400));
            assertThat(log.read(entry -> true, 10)).extracting(AuditEntry::operation, AuditEntry::outcome)
                    .containsExactly(tuple("database-create", "ok")); // recorded before createDatabase returned
            ContainerSpec spec = new ContainerSpec(database, "events", List.of("/tenantId", "/userId"),
                    new Throughput.None(), 600, List.of(List.of("/email")), null);
            plane.createContainer(connection, spec);
            assertThatThrownBy(() -> plane.createContainer(connection, spec)).isInstanceOf(CosmosDeskException.class);
            assertThatThrownBy(() -> plane.createContainer(connection, new ContainerSpec(database, "bad/id",
                    List.of("/x"), null, null, null, null))).isInstanceOf(CosmosDeskException.class);
            assertThatThrownBy(() -> planes.forConnection(readOnly).deleteContainer(readOnly,
                    new ContainerRef(database, "events"))).isInstanceOf(CosmosDeskException.class);
            plane.deleteContainer(connection, new ContainerRef(database, "events"));
            plane.deleteDatabase(connection, database);

            List<AuditEntry> entries = log.read(entry -> true, 20);
            assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome, AuditEntry::errorKind)
                    .containsExactlyInAnyOrder(
                            tuple("database-create", "ok", null),
                            tuple("container-create", "ok", null),
                            tuple("container-create", "failed", "CONFLICT"),
                            tuple("container-create", "refused", "BAD_REQUEST"),
                            tuple("container-delete", "refused", "READ_ONLY"),
                            tuple("container-delete", "ok", null),
                            tuple("database-delete", "ok", null));
            AuditEntry created = entries.stream().filter(entry -> entry.operation().equals("container-create")
                    && entry.ok()).findFirst().orElseThrow();
            assertThat(created.database()).isEqualTo(database);
            assertThat(created.id()).isEqualTo("events");
            assertThat(created.after().get("through").asText()).isEqualTo("the data plane");
            assertThat(created.after().get("partitionKeyPaths").toString()).isEqualTo("[\"/tenantId\",\"/userId\"]");
            assertThat(created.after().get("defaultTtl").asInt()).isEqualTo(600);
            AuditEntry databaseCreated = entries.stream().filter(entry -> entry.operation().equals("database-create"))
                    .findFirst().orElseThrow();
            assertThat(databaseCreated.id()).isEqualTo(database);
            assertThat(databaseCreated.after().get("throughput").get("manual").asInt()).isEqualTo(400);
            AuditEntry conflict = entries.stream().filter(entry -> "CONFLICT".equals(entry.errorKind()))
                    .findFirst().orElseThrow();
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.message()).contains("already exists");
        } finally {
            log.close();
        }
    }
}
