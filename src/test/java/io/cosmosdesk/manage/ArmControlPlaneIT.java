package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKind;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedResourceChanges;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import io.cosmosdesk.ui.TaskContext;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The control plane through Azure Resource Manager: azure-resourcemanager-cosmos, unchanged, against a local
 * Resource Manager over HTTPS (its certificate pinned for localhost, as the app pins a remote emulator's) that carries
 * each change out on the real local Cosmos server. The Entra ID token is the connection's own.
 */
@ExtendWith(CosmosServerExtension.class)
class ArmControlPlaneIT {

    private static final String POLICY = """
            {"indexingMode": "consistent", "automatic": true, "includedPaths": [{"path": "/*"}],
             "excludedPaths": [{"path": "/payload/*"}, {"path": "/\\"_etag\\"/?"}]}""";

    @TempDir
    Path work;

    private final CosmosClientFactory factory = new CosmosClientFactory();
    private LocalResourceManager resourceManager;
    private ArmControlPlane arm;
    private final List<CosmosConnection> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startResourceManager(LocalCosmosServer server, CosmosAsyncClient client) throws Exception {
        endpoint = server.endpoint();
        resourceManager = new LocalResourceManager(client, server.endpoint(), work);
        new PinnedCertificates(work).trust("localhost", resourceManager.certificate());
        arm = new ArmControlPlane(resourceManager.endpoint());
    }

    @AfterEach
    void stop() {
        opened.forEach(CosmosConnection::close);
        resourceManager.close();
    }

    @Test
    void createsChangesAndDeletesDatabasesAndContainersThroughResourceManager(CosmosAsyncClient client) {
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        String database = CosmosTestData.uniqueName("armdb");
        Progress progress = new Progress();
        ControlPlane plane = arm.reporting(progress);

        plane.createDatabase(connection, database, new Throughput.Manual(400));
        assertThat(client.getDatabase(database).readThroughput().block().getProperties().getManualThroughput())
                .isEqualTo(400);

        ContainerSpec events = new ContainerSpec(database, "events", List.of("/tenant", "/user", "/session"),
                new Throughput.None(), 3600, List.of(List.of("/email"), List.of("/first", "/last")), POLICY);
        ContainerInfo created = plane.createContainer(connection, events);
        assertThat(created.ref()).isEqualTo(new ContainerRef(database, "events"));
        CosmosContainerProperties stored = client.getDatabase(database).getContainer("events").read().block()
                .getProperties();
        assertThat(stored.getPartitionKeyDefinition().getKind()).isEqualTo(PartitionKind.MULTI_HASH);
        assertThat(stored.getPartitionKeyDefinition().getPaths()).containsExactly("/tenant", "/user", "/session");
        assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(3600);
        assertThat(stored.getUniqueKeyPolicy().getUniqueKeys()).extracting(key -> List.copyOf(key.getPaths()))
                .containsExactly(List.of("/email"), List.of("/first", "/last"));
        assertThat(stored.getIndexingPolicy().getExcludedPaths()).extracting(path -> path.getPath())
                .contains("/payload/*");
        assertThatThrownBy(() -> plane.createContainer(connection, events))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.userMessage()).isEqualTo("A container named \"events\" already exists in "
                            + database + ".");
                });

        plane.createContainer(connection, new ContainerSpec(database, "orders", List.of("/customerId"),
                new Throughput.Manual(400), null, List.of(), null));
        ContainerRef orders = new ContainerRef(database, "orders");
        plane.replaceThroughput(connection, orders, new Throughput.Manual(400), new Throughput.Manual(800));
        assertThat(client.getDatabase(database).getContainer("orders").readThroughput().block().getProperties()
                .getManualThroughput()).isEqualTo(800);
        assertThatThrownBy(() -> plane.replaceThroughput(connection, orders, new Throughput.Manual(400),
                new Throughput.Manual(1000))).isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));

        String etag = client.getDatabase(database).getContainer("events").read().block().getProperties().getETag();
        plane.replaceSettings(connection, new ContainerRef(database, "events"), etag,
                new SettingsChange(120, POLICY, "", new Throughput.None()));
        CosmosContainerProperties changed = client.getDatabase(database).getContainer("events").read().block()
                .getProperties();
        assertThat(changed.getDefaultTimeToLiveInSeconds()).isEqualTo(120);
        assertThat(changed.getPartitionKeyDefinition().getPaths()).containsExactly("/tenant", "/user", "/session");
        assertThat(changed.getUniqueKeyPolicy().getUniqueKeys()).hasSize(2);
        assertThatThrownBy(() -> plane.replaceSettings(connection, new ContainerRef(database, "events"), etag,
                new SettingsChange(60, POLICY, "", new Throughput.None())))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage())
                        .isEqualTo(ResourceAdmin.CHANGED_ELSEWHERE));

        plane.deleteContainer(connection, orders);
        assertThat(status(() -> client.getDatabase(database).getContainer("orders").read().block())).isEqualTo(404);
        plane.deleteDatabase(connection, database);
        assertThat(status(() -> client.getDatabase(database).read().block())).isEqualTo(404);
        assertThatThrownBy(() -> plane.deleteDatabase(connection, database))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));

        // each change was a long-running operation the SDK polled, and the task was told while it waited
        assertThat(resourceManager.requests).filteredOn(request -> request.startsWith("GET /operations/"))
                .hasSizeGreaterThanOrEqualTo(2 * 7);
        assertThat(progress.messages).anyMatch(message -> message.contains("Azure Resource Manager is working on it"));
        // the account was looked up once for the connection, from its endpoint, then kept
        assertThat(resourceManager.requests).filteredOn(request -> request.equals("GET /subscriptions")).hasSize(1);
    }

    @Test
    void createsAndDeletesThroughResourceManagerAreAuditedWithRefusalsAndFailures(CosmosAsyncClient client) {
        AuditLog log = new AuditLog(work.resolve("audit"));
        ControlPlaneSwitch planes = new ControlPlaneSwitch(new ResourceAdmin(), arm, new AuditedResourceChanges(log));
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        CosmosConnection reader = entra(LocalResourceManager.READER_TOKEN, null, null, false);
        CosmosConnection readOnly = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, true);
        planes.agree(connection);
        planes.agree(reader);
        planes.agree(readOnly);
        String database = CosmosTestData.uniqueName("armdb");
        try {
            ControlPlane plane = planes.forConnection(connection).reporting(new Progress());
            plane.createDatabase(connection, database, new Throughput.None());
            assertThat(log.read(entry -> true, 10)).extracting(AuditEntry::operation, AuditEntry::outcome)
                    .containsExactly(tuple("database-create", "ok")); // recorded before createDatabase returned
            plane.createContainer(connection, new ContainerSpec(database, "orders", List.of("/customerId"),
                    new Throughput.Manual(400), null, List.of(), null));
            assertThatThrownBy(() -> planes.forConnection(reader).deleteContainer(reader,
                    new ContainerRef(database, "orders"))).isInstanceOf(CosmosDeskException.class);
            assertThatThrownBy(() -> planes.forConnection(readOnly).deleteDatabase(readOnly, database))
                    .isInstanceOf(CosmosDeskException.class);
            plane.deleteContainer(connection, new ContainerRef(database, "orders"));
            plane.deleteDatabase(connection, database);
            assertThat(status(() -> client.getDatabase(database).read().block())).isEqualTo(404);

            List<AuditEntry> entries = log.read(entry -> true, 20);
            assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome, AuditEntry::errorKind)
                    .containsExactlyInAnyOrder(
                            tuple("database-create", "ok", null),
                            tuple("container-create", "ok", null),
                            tuple("container-delete", "failed", "FORBIDDEN"),
                            tuple("database-delete", "refused", "READ_ONLY"),
                            tuple("container-delete", "ok", null),
                            tuple("database-delete", "ok", null));
            assertThat(entries).allSatisfy(entry -> assertThat(entry.after().get("through").asText())
                    .isEqualTo("Azure Resource Manager"));
            AuditEntry forbidden = entries.stream().filter(entry -> "FORBIDDEN".equals(entry.errorKind()))
                    .findFirst().orElseThrow();
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.message()).isEqualTo(ArmErrors.NO_CONTROL_PLANE_ROLE);
            assertThat(forbidden.id()).isEqualTo("orders");
        } finally {
            log.close();
        }
    }

    @Test
    void switchingBetweenManualAndAutoscaleIsAMigrationResourceManagerMakes(CosmosAsyncClient client) {
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        String database = CosmosTestData.uniqueName("armdb");
        ControlPlane plane = arm.reporting(new Progress());
        plane.createDatabase(connection, database, new Throughput.None());
        plane.createContainer(connection, new ContainerSpec(database, "orders", List.of("/customerId"),
                new Throughput.Manual(400), null, List.of(), null));
        ContainerRef orders = new ContainerRef(database, "orders");
        var container = client.getDatabase(database).getContainer("orders");

        plane.replaceThroughput(connection, orders, new Throughput.Manual(400), new Throughput.Autoscale(6000));
        assertThat(resourceManager.migrations).containsExactly("autoscale " + database + "/orders");
        assertThat(container.readThroughput().block().getProperties().getAutoscaleMaxThroughput()).isEqualTo(6000);

        plane.replaceThroughput(connection, orders, new Throughput.Autoscale(6000), new Throughput.Manual(600));
        assertThat(resourceManager.migrations).containsExactly("autoscale " + database + "/orders",
                "manual " + database + "/orders");
        assertThat(container.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(600);

        // a switch from a figure changed elsewhere since it was read is refused before any migration
        assertThatThrownBy(() -> plane.replaceThroughput(connection, orders, new Throughput.Manual(400),
                new Throughput.Autoscale(4000))).isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        assertThat(resourceManager.migrations).hasSize(2);
        plane.deleteDatabase(connection, database);
    }

    @Test
    void anIdentityWithoutAControlPlaneRoleGetsTheSentenceNamingTheRole(CosmosAsyncClient client) {
        CosmosConnection reader = entra(LocalResourceManager.READER_TOKEN, null, null, false);
        String database = CosmosTestData.uniqueName("armdb");
        assertThatThrownBy(() -> arm.createDatabase(reader, database, new Throughput.None()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.userMessage()).isEqualTo(ArmErrors.NO_CONTROL_PLANE_ROLE)
                            .contains("Cosmos DB Operator").contains("DocumentDB Account Contributor");
                });
        assertThat(status(() -> client.getDatabase(database).read().block())).isEqualTo(404);
    }

    @Test
    void theSwitchUsesResourceManagerOnlyAfterTheDataPlaneRefusedTheEntraTokenAndTheUserAgreed(
            CosmosAsyncClient client, CosmosTestData data) {
        String database = data.createDatabase().getId();
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        ControlPlaneSwitch planes = new ControlPlaneSwitch(new ResourceAdmin(), arm);
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs,
                ImmediateTaskRunner.immediate(), connection, database);
        form.idProperty().set("sessions");
        form.keyLevel1Property().set("/tenant");
        form.keyLevel2Property().set("/user");
        form.ttlModeProperty().set(CreateResourceViewModel.TtlMode.SECONDS);
        form.ttlSecondsProperty().set("600");
        List<ContainerInfo> created = new CopyOnWriteArrayList<>();

        form.create(created::add);

        verify(dialogs).confirm(eq("New container"), eq(ControlPlaneSwitch.OFFER), eq("Use Azure Resource Manager"));
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(created).extracting(ContainerInfo::ref).containsExactly(new ContainerRef(database, "sessions"));
        CosmosContainerProperties stored = client.getDatabase(database).getContainer("sessions").read().block()
                .getProperties();
        assertThat(stored.getPartitionKeyDefinition().getPaths()).containsExactly("/tenant", "/user");
        assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(600);
        assertThat(resourceManager.requests).anyMatch(request -> request.startsWith("PUT ")
                && request.endsWith("/sqlDatabases/" + database + "/containers/sessions"));
        assertThat(planes.forConnection(connection)).isSameAs(arm);
    }

    @Test
    void theUserDecliningKeepsTheDataPlaneSentenceAndResourceManagerHearsNothing(CosmosTestData data) {
        String database = data.createDatabase().getId();
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        ControlPlaneSwitch planes = new ControlPlaneSwitch(new ResourceAdmin(), arm);
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(false);
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs,
                ImmediateTaskRunner.immediate(), connection, database);
        form.idProperty().set("sessions");
        form.keyLevel1Property().set("/tenant");

        form.create(info -> { });

        assertThat(form.errorProperty().get()).isEqualTo(ResourceAdmin.ENTRA_CONTROL_PLANE);
        assertThat(form.idProperty().get()).isEqualTo("sessions");
        assertThat(resourceManager.requests).isEmpty();
        assertThat(planes.forConnection(connection)).isInstanceOf(ResourceAdmin.class);
    }

    @Test
    void theAccountIsFoundWhereTheProfileSaysOrTheSentenceSaysWhereItWasLooked() {
        CosmosConnection named = entra(LocalResourceManager.OPERATOR_TOKEN, LocalResourceManager.SUBSCRIPTION,
                LocalResourceManager.RESOURCE_GROUP, false);
        String database = CosmosTestData.uniqueName("armdb");
        arm.createDatabase(named, database, new Throughput.None());
        assertThat(resourceManager.requests).noneMatch(request -> request.equals("GET /subscriptions"));
        arm.deleteDatabase(named, database);

        CosmosConnection elsewhere = entra(LocalResourceManager.OPERATOR_TOKEN, LocalResourceManager.SUBSCRIPTION,
                "rg-other", false);
        assertThatThrownBy(() -> arm.createDatabase(elsewhere, database, new Throughput.None()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.userMessage()).contains("no Cosmos DB account with the endpoint")
                            .contains("resource group rg-other");
                });

        CosmosConnection groupOnly = entra(LocalResourceManager.OPERATOR_TOKEN, null, "rg-local", false);
        assertThatThrownBy(() -> arm.createDatabase(groupOnly, database, new Throughput.None()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage())
                        .startsWith("A resource group needs its subscription id too"));
    }

    @Test
    void readOnlyConnectionsAreRefusedBeforeResourceManagerIsAsked() {
        CosmosConnection readOnly = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, true);
        assertThatThrownBy(() -> arm.deleteDatabase(readOnly, "anything"))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        assertThat(resourceManager.requests).isEmpty();
    }

    @Test
    void anUnreachableResourceManagerIsSaidSo(LocalCosmosServer server) {
        int port = Integer.parseInt(resourceManager.endpoint().replaceAll(".*:", ""));
        resourceManager.close();
        ArmControlPlane gone = new ArmControlPlane("https://localhost:" + port);
        CosmosConnection connection = entra(LocalResourceManager.OPERATOR_TOKEN, null, null, false);
        assertThatThrownBy(() -> gone.createDatabase(connection, "unreached", new Throughput.None()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
                    assertThat(e.userMessage()).startsWith("Cannot reach Azure Resource Manager");
                });
    }

    private CosmosConnection entra(String token, String subscription, String group, boolean readOnly) {
        TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
        ConnectionProfile profile = ConnectionProfile.create("Entra", AuthKind.ENTRA_ID,
                serverEndpoint()).withArmLocation(subscription, group).withReadOnly(readOnly);
        CosmosConnection connection = factory.open(profile, new Credentials.Entra(credential));
        opened.add(connection);
        return connection;
    }

    private String endpoint;

    private String serverEndpoint() {
        return endpoint;
    }

    private static int status(Runnable read) {
        try {
            read.run();
            return 200;
        } catch (CosmosException e) {
            return e.getStatusCode();
        }
    }

    /** A task context that keeps what it is told. */
    private static final class Progress implements TaskContext {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(double fraction, String message) {
            messages.add(message);
        }

        @Override
        public void publish(Object update) {
        }
    }
}
