package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.util.Configuration;
import io.cosmosdesk.cosmos.AccountFacts;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.cosmos.SignInMethod;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/** Connecting against the real local server, through the same code path the emulator uses. */
@ExtendWith(CosmosServerExtension.class)
class ConnectIT {

    private final CosmosClientFactory factory = new CosmosClientFactory();
    private final ResourceService resources = new ResourceService();
    private final AccountProbe probe = new AccountProbe(factory, resources);

    private static ConnectionProfile emulator(String endpoint) {
        return ConnectionProfile.create("Local", AuthKind.EMULATOR, endpoint);
    }

    @Test
    void emulatorKindPassesEveryStageAndReportsTheAccount(LocalCosmosServer server) {
        List<AccountProbe.Stage> stages = new ArrayList<>();
        AccountFacts facts = probe.probe(emulator(server.endpoint()), new Credentials.AccountKey(server.key()),
                stages::add);

        assertThat(stages).containsExactly(AccountProbe.Stage.values());
        assertThat(facts.databaseCount()).isGreaterThanOrEqualTo(0);
        assertThat(facts.summary()).containsPattern("\\d+ databases?$");
    }

    @Test
    void aWrongKeyIsRejectedWithItsSentence(LocalCosmosServer server) {
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        assertThatThrownBy(() -> probe.probe(emulator(server.endpoint()), new Credentials.AccountKey(wrongKey),
                stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.userMessage()).contains("account key was rejected");
                });
    }

    @Test
    void theSdkPathAlsoMapsAWrongKeyTo401(LocalCosmosServer server) {
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        assertThatThrownBy(() -> {
            try (CosmosConnection connection = factory.open(emulator(server.endpoint()),
                    new Credentials.AccountKey(wrongKey))) {
                resources.readDatabases(connection);
            }
        }).isInstanceOfSatisfying(CosmosDeskException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void aSelfSignedCertificateOutsideTheEmulatorKindIsNotTrustedAndShowsItsFingerprint(LocalCosmosServer server) {
        ConnectionProfile keyKind = ConnectionProfile.create("Not the emulator", AuthKind.KEY, server.endpoint());
        assertThatThrownBy(() -> probe.probe(keyKind, new Credentials.AccountKey(server.key()), stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CERTIFICATE);
                    assertThat(e.userMessage()).containsPattern("SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}")
                            .contains("emulator");
                });
    }

    @Test
    void aPinnedCertificateIsTrustedForItsHostOnly(LocalCosmosServer server,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path config) throws Exception {
        io.cosmosdesk.cosmos.PinnedCertificates pins = new io.cosmosdesk.cosmos.PinnedCertificates(config);
        pins.install();
        ConnectionProfile elsewhere = ConnectionProfile.create("Emulator elsewhere", AuthKind.KEY,
                "https://localhost:" + server.port() + "/");
        Credentials key = new Credentials.AccountKey(server.key());
        assertThatThrownBy(() -> probe.probe(elsewhere, key, stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CERTIFICATE));

        java.security.cert.X509Certificate certificate = io.cosmosdesk.cosmos.PinnedCertificates
                .fetchServerCertificate("localhost", server.port(), Duration.ofSeconds(5));
        pins.trust("localhost", certificate);

        // the same (expired, CN=cosmosdb) certificate now passes for localhost: TLS, sign-in and listing
        assertThat(probe.probe(elsewhere, key, stage -> { }).summary()).contains("database");
        // but for any other host name it is still not trusted
        ConnectionProfile otherName = ConnectionProfile.create("By address", AuthKind.KEY,
                "https://127.0.0.1:" + server.port() + "/");
        assertThatThrownBy(() -> probe.probe(otherName, key, stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CERTIFICATE));
        assertThat(java.nio.file.Files.readString(config.resolve("trusted-certificates.json")))
                .contains(io.cosmosdesk.cosmos.PinnedCertificates.fingerprint(certificate));
    }

    @Test
    void nothingListeningFailsWithinSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> probe.probe(emulator("https://127.0.0.1:" + closedPort + "/"),
                new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY), stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
                    assertThat(e.userMessage()).contains("Nothing is listening").contains("emulator");
                });
        // a behaviour bound, not a benchmark: minutes of SDK retries would be a bug
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnknownHostSaysSo() {
        AccountProbe offline = new AccountProbe(factory, resources, host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> offline.probe(ConnectionProfile.create(null, AuthKind.KEY,
                "https://no-such-account.documents.azure.com:443/"),
                new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY), stage -> { }))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.userMessage()).contains("\"no-such-account.documents.azure.com\" could not be found"));
    }

    @Test
    void entraIdSendsAnAadTokenNotAKeySignature(LocalCosmosServer server) {
        TokenCredential fake = request -> Mono.just(new AccessToken("fake-entra-token-" + request.getScopes(),
                OffsetDateTime.now().plusHours(1)));
        ConnectionProfile entra = ConnectionProfile.create("Entra", AuthKind.ENTRA_ID, server.endpoint());
        server.clearRecentRequests();

        try (CosmosConnection connection = factory.open(entra, new Credentials.Entra(fake))) {
            resources.readDatabases(connection);
        }

        List<LocalCosmosServer.RecordedRequest> requests = server.recentRequests();
        assertThat(requests).isNotEmpty();
        assertThat(requests).extracting(LocalCosmosServer.RecordedRequest::authType).containsOnly("aad");
    }

    @Test
    void aFailingEntraCredentialGivesItsSentence(LocalCosmosServer server) {
        TokenCredential expired = request -> Mono.error(
                new com.azure.core.exception.ClientAuthenticationException("AADSTS700082: The refresh token has expired",
                        null));
        ConnectionProfile entra = ConnectionProfile.create("Entra", AuthKind.ENTRA_ID, server.endpoint());

        assertThatThrownBy(() -> {
            try (CosmosConnection connection = factory.open(entra, new Credentials.Entra(expired))) {
                resources.readDatabases(connection);
            }
        }).isInstanceOfSatisfying(CosmosDeskException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
            assertThat(e.userMessage()).startsWith("Microsoft Entra ID sign-in failed").contains("AADSTS700082");
        });
    }

    @Test
    void defaultAzureCredentialWithNoSignInOnThisMachineFailsFastNamingTheAlternatives() {
        // "dev" keeps DefaultAzureCredential to the developer tools (CLI, azd, PowerShell, IDEs): none is signed in
        // here, and no managed-identity endpoint is probed
        Configuration devOnly = Configuration.getGlobalConfiguration().clone().put("AZURE_TOKEN_CREDENTIALS", "dev");
        TokenCredential automatic = new EntraCredentials(devOnly).create(SignInMethod.AUTOMATIC, null, code -> { });
        long start = System.nanoTime();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> automatic.getToken(
                new com.azure.core.credential.TokenRequestContext().addScopes("https://127.0.0.1/.default"))
                .block(Duration.ofSeconds(60)));

        assertThat(failure).isInstanceOf(com.azure.core.exception.ClientAuthenticationException.class);
        CosmosDeskException signIn = io.cosmosdesk.cosmos.EntraErrors.signInFailed(failure);
        assertThat(signIn.userMessage()).contains("Sign in with browser").contains("Device code").contains("az login");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
}
