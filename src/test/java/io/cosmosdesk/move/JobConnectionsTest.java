package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobConnectionsTest {

    private static MoveJobSummary job(String connection, String endpoint) {
        return new MoveJobSummary("j1", Path.of("j1.jsonl"), connection, endpoint, new ContainerRef("shop", "orders"),
                "\"t\"", Instant.now(), 10, 4, 1, false, null);
    }

    private static CosmosConnection open(String name, String endpoint) {
        CosmosConnection connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create(name, AuthKind.EMULATOR, endpoint));
        return connection;
    }

    @Test
    void endpointsAreComparedWithLowerCaseSchemeAndHostAndNoTrailingSlash() {
        assertThat(ConnectionProfile.normaliseEndpoint("HTTPS://Acct.Documents.Azure.COM:443/"))
                .isEqualTo("https://acct.documents.azure.com:443");
        assertThat(ConnectionProfile.normaliseEndpoint(" https://localhost:8081// ")).isEqualTo("https://localhost:8081");
        assertThat(ConnectionProfile.normaliseEndpoint("https://localhost:8081"))
                .isNotEqualTo(ConnectionProfile.normaliseEndpoint("https://localhost:8082"));
        assertThat(ConnectionProfile.normaliseEndpoint(null)).isEmpty();
    }

    @Test
    void aJobMatchesOnlyTheConnectionWithItsEndpointAndName() {
        MoveJobSummary job = job("Local emulator", "https://localhost:8081/");
        assertThat(JobConnections.ranOn(job, open("Local emulator", "HTTPS://LOCALHOST:8081").profile())).isTrue();
        assertThat(JobConnections.ranOn(job, open("Local emulator", "https://localhost:8082").profile()))
                .as("same name, another account").isFalse();
        assertThat(JobConnections.ranOn(job, open("Other", "https://localhost:8081").profile()))
                .as("same account, another saved connection").isFalse();

        CosmosConnection other = open("Local emulator", "https://localhost:8082");
        CosmosConnection right = open("Local emulator", "https://localhost:8081");
        assertThat(JobConnections.find(job, List.of(other, right))).contains(right);
    }

    @Test
    void journalsWithoutAnEndpointStillMatchByName() {
        MoveJobSummary old = job("Orders", "");
        assertThat(JobConnections.ranOn(old, open("Orders", "https://any:443").profile())).isTrue();
        assertThat(JobConnections.ranOn(old, open("Other", "https://any:443").profile())).isFalse();
        assertThat(new MoveJobSummary("j", Path.of("j"), "Orders", null, null, "", null, 0, 0, 0, false, null)
                .endpoint()).isEmpty();
    }

    @Test
    void withNoMatchingConnectionRecoveryRefusesNamingTheConnectionAndEndpoint() {
        MoveJobSummary job = job("Local emulator", "https://localhost:8081");
        List<CosmosConnection> openNow = List.of(open("Local emulator", "https://localhost:8082"));
        assertThatThrownBy(() -> JobConnections.require(job, openNow)).isInstanceOf(CosmosDeskException.class)
                .hasMessageContaining("\"Local emulator\" at https://localhost:8081");

        MoveService service = mock(MoveService.class);
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(),
                j -> new ContainerHandle(JobConnections.require(j, openNow), null));
        vm.resume(job);
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Connect to \"Local emulator\" at https://localhost:8081 "
                + "first: this move was made on that connection, and no open connection has that name and endpoint.");
        org.mockito.Mockito.verifyNoInteractions(service);
    }

    @Test
    void afterConnectingOnlyThatAccountsJobsAreOffered() {
        MoveService service = mock(MoveService.class);
        MoveJobSummary ours = job("Local emulator", "https://localhost:8081");
        MoveJobSummary theirs = job("Local emulator", "https://localhost:8082");
        when(service.findUnfinishedJobs()).thenReturn(List.of(ours, theirs));
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(), j -> null);
        ConnectionProfile connected = open("Local emulator", "https://localhost:8081/").profile();
        vm.load(j -> j.problem() != null || JobConnections.ranOn(j, connected));
        assertThat(vm.jobs()).containsExactly(ours);
    }
}
