package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AccountFacts;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionDialogViewModelTest {

    private static final String AZURE = "https://orders.documents.azure.com:443/";
    private static final String KEY = "dGhpcyBpcyBhIHRlc3Qga2V5IHRoYXQgaXMgbG9uZyBlbm91Z2ggdG8gYmUgYSBrZXk=";

    @TempDir
    Path config;

    private final AccountProbe probe = mock(AccountProbe.class);
    private final FakeSecretStore secrets = new FakeSecretStore();
    private final List<ConnectRequest> handedOver = new ArrayList<>();
    private ConnectionStore store;
    private ConnectionDialogViewModel viewModel;

    @BeforeEach
    void setUp() {
        store = new ConnectionStore(config);
        viewModel = new ConnectionDialogViewModel(probe, store, secrets, new EntraCredentials(),
                ImmediateTaskRunner.immediate());
        viewModel.setOnConnect(handedOver::add);
    }

    private static AccountFacts facts() {
        return new AccountFacts("orders", List.of("West Europe"), List.of("West Europe", "North Europe"), "Session", 3);
    }

    @SuppressWarnings("unchecked")
    private void probeSucceedsThroughAllStages() {
        when(probe.probe(any(), any(), any())).thenAnswer(call -> {
            Consumer<AccountProbe.Stage> stages = call.getArgument(2);
            for (AccountProbe.Stage stage : AccountProbe.Stage.values()) {
                stages.accept(stage);
            }
            return facts();
        });
    }

    @Test
    void emulatorIsPrefilledAndOtherKindsClearOnlyItsPresets() {
        assertThat(viewModel.authKindProperty().get()).isEqualTo(AuthKind.EMULATOR);
        assertThat(viewModel.endpointProperty().get()).isEqualTo("https://localhost:8081");
        assertThat(viewModel.keyProperty().get()).isEqualTo(ConnectionProfile.EMULATOR_KEY);

        viewModel.authKindProperty().set(AuthKind.KEY);
        assertThat(viewModel.endpointProperty().get()).isEmpty();
        assertThat(viewModel.keyProperty().get()).isEmpty();

        viewModel.endpointProperty().set(AZURE);
        viewModel.authKindProperty().set(AuthKind.ENTRA_ID);
        assertThat(viewModel.endpointProperty().get()).isEqualTo(AZURE); // typed text survives a kind switch
    }

    @Test
    void environmentVariablesPrefill() {
        viewModel.initialize(Map.of("COSMOS_ENDPOINT", AZURE, "COSMOS_KEY", KEY));
        assertThat(viewModel.authKindProperty().get()).isEqualTo(AuthKind.KEY);
        assertThat(viewModel.endpointProperty().get()).isEqualTo(AZURE);
        assertThat(viewModel.keyProperty().get()).isEqualTo(KEY);

        ConnectionDialogViewModel entraOnly = new ConnectionDialogViewModel(probe, store, secrets,
                new EntraCredentials(), ImmediateTaskRunner.immediate());
        entraOnly.initialize(Map.of("COSMOS_ENDPOINT", AZURE));
        assertThat(entraOnly.authKindProperty().get()).isEqualTo(AuthKind.ENTRA_ID);

        ConnectionDialogViewModel emulator = new ConnectionDialogViewModel(probe, store, secrets,
                new EntraCredentials(), ImmediateTaskRunner.immediate());
        emulator.initialize(Map.of("COSMOS_ENDPOINT", "https://localhost:8081/", "COSMOS_KEY",
                ConnectionProfile.EMULATOR_KEY));
        assertThat(emulator.authKindProperty().get()).isEqualTo(AuthKind.EMULATOR);
    }

    @Test
    void pastingAConnectionStringFillsEndpointAndKey() {
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.connectionStringProperty().set("AccountEndpoint=" + AZURE + ";AccountKey=" + KEY + ";");
        assertThat(viewModel.endpointProperty().get()).isEqualTo(AZURE);
        assertThat(viewModel.keyProperty().get()).isEqualTo(KEY);

        viewModel.connectionStringProperty().set("AccountEndpoint=" + AZURE + ";");
        assertThat(viewModel.messageProperty().get()).contains("no AccountKey");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.keyProperty().get()).isEqualTo(KEY); // nothing typed is lost
    }

    @Test
    void invalidInputSendsNothingAndSaysWhy() {
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set("not base64!");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).contains("base64");
        verify(probe, never()).probe(any(), any(), any());

        viewModel.endpointProperty().set("  ");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).startsWith("Enter the account endpoint");

        viewModel.endpointProperty().set("http://orders.documents.azure.com");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).contains("https://");
        verify(probe, never()).probe(any(), any(), any());
    }

    @Test
    void testShowsEveryStageAndTheAccountFactsWithoutSaving() {
        probeSucceedsThroughAllStages();
        viewModel.testConnection();

        assertThat(viewModel.testSteps()).extracting(TestStep::status).containsOnly(TestStep.Status.PASSED)
                .hasSize(AccountProbe.Stage.values().length);
        assertThat(viewModel.messageProperty().get()).contains("West Europe").contains("Session").contains("3 databases");
        assertThat(store.load()).isEmpty();
        assertThat(handedOver).isEmpty();
    }

    @Test
    void anUntrustedCertificateOffersTheFingerprintTheFailureCarries() {
        viewModel = new ConnectionDialogViewModel(probe, store, secrets, new EntraCredentials(),
                ImmediateTaskRunner.immediate(), new PinnedCertificates(config));
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        String fingerprint = String.join(":", java.util.Collections.nCopies(32, "AB"));
        // the sentence need not contain the fingerprint: it travels as a field
        when(probe.probe(any(), any(), any())).thenThrow(
                CosmosDeskException.untrustedCertificate("The server's TLS certificate is not trusted.", fingerprint,
                        null));

        viewModel.testConnection();

        assertThat(viewModel.untrustedFingerprintProperty().get()).isEqualTo(fingerprint);
    }

    @Test
    void aDeviceCodeSignInShowsItsCodeWhileTheProbeWaits() {
        EntraCredentials entra = mock(EntraCredentials.class);
        when(entra.create(any(), any(), any())).thenAnswer(call -> {
            Consumer<String> deviceCode = call.getArgument(2);
            deviceCode.accept("To sign in, open https://microsoft.com/devicelogin and enter the code ABC: 123");
            return mock(com.azure.core.credential.TokenCredential.class);
        });
        viewModel = new ConnectionDialogViewModel(probe, store, secrets, entra, ImmediateTaskRunner.immediate());
        viewModel.authKindProperty().set(AuthKind.ENTRA_ID);
        viewModel.endpointProperty().set(AZURE);
        viewModel.signInProperty().set(io.cosmosdesk.cosmos.SignInMethod.DEVICE_CODE);
        List<String> shownDuringProbe = new ArrayList<>();
        when(probe.probe(any(), any(), any())).thenAnswer(call -> {
            shownDuringProbe.add(viewModel.deviceCodeMessageProperty().get());
            return facts();
        });

        viewModel.testConnection();

        assertThat(shownDuringProbe).containsExactly(
                "To sign in, open https://microsoft.com/devicelogin and enter the code ABC: 123");
        assertThat(viewModel.deviceCodeMessageProperty().get()).isEmpty();
    }

    @Test
    void aFailedStageShowsItsSentenceAndKeepsTheForm() {
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        when(probe.probe(any(), any(), any())).thenAnswer(call -> {
            Consumer<AccountProbe.Stage> stages = call.getArgument(2);
            stages.accept(AccountProbe.Stage.RESOLVE);
            stages.accept(AccountProbe.Stage.REACH);
            stages.accept(AccountProbe.Stage.TLS);
            stages.accept(AccountProbe.Stage.AUTHENTICATE);
            throw new CosmosDeskException(ErrorKind.UNAUTHORIZED, "The account key was rejected.");
        });

        viewModel.connect();

        assertThat(viewModel.testSteps()).extracting(TestStep::status).containsExactly(TestStep.Status.PASSED,
                TestStep.Status.PASSED, TestStep.Status.PASSED, TestStep.Status.FAILED);
        assertThat(viewModel.messageProperty().get()).isEqualTo("The account key was rejected.");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.keyProperty().get()).isEqualTo(KEY);
        assertThat(viewModel.endpointProperty().get()).isEqualTo(AZURE);
        assertThat(handedOver).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aTestThatCannotStartClearsTheStagesOfThePassedTestBefore() {
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        probeSucceedsThroughAllStages();
        viewModel.testConnection();
        assertThat(viewModel.testSteps()).hasSize(AccountProbe.Stage.values().length);

        viewModel.keyProperty().set("not base64!");
        viewModel.testConnection();

        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get()).contains("base64");
        assertThat(viewModel.testSteps()).isEmpty();
    }

    @Test
    void aFailingTestAfterAPassingOneShowsOnlyTheStagesItReached() {
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        probeSucceedsThroughAllStages();
        viewModel.testConnection();
        org.mockito.Mockito.doAnswer(call -> {
            Consumer<AccountProbe.Stage> stages = call.getArgument(2);
            stages.accept(AccountProbe.Stage.RESOLVE);
            stages.accept(AccountProbe.Stage.REACH);
            throw new CosmosDeskException(ErrorKind.UNREACHABLE, "Nothing answered on port 443.");
        }).when(probe).probe(any(), any(), any());

        viewModel.testConnection();

        assertThat(viewModel.testSteps()).extracting(TestStep::stage)
                .containsExactly(AccountProbe.Stage.RESOLVE, AccountProbe.Stage.REACH);
        assertThat(viewModel.testSteps()).extracting(TestStep::status)
                .containsExactly(TestStep.Status.PASSED, TestStep.Status.FAILED);
    }

    @Test
    void connectSavesTheProfileInTheFileAndTheKeyOnlyInTheKeychain() throws Exception {
        probeSucceedsThroughAllStages();
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.nameProperty().set("Orders (prod)");
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        viewModel.colorTagProperty().set("red");
        viewModel.readOnlyProperty().set(true);

        viewModel.connect();

        assertThat(handedOver).singleElement().satisfies(request -> {
            assertThat(request.profile().readOnly()).isTrue();
            assertThat(request.profile().colorTag()).isEqualTo("red");
            assertThat(request.credentials()).isEqualTo(new Credentials.AccountKey(KEY));
        });
        assertThat(viewModel.connectedProperty().get()).isTrue();
        ConnectionProfile saved = store.load().get(0);
        assertThat(saved.name()).isEqualTo("Orders (prod)");
        assertThat(secrets.saved).containsEntry(saved.id(), KEY);
        assertThat(Files.readString(store.file())).doesNotContain(KEY);
        assertThat(viewModel.savedConnections()).containsExactly(saved);
    }

    @Test
    void resourceManagerFieldsAreCheckedWithASentenceAndSavedWithAnEntraConnection() throws Exception {
        probeSucceedsThroughAllStages();
        viewModel.authKindProperty().set(AuthKind.ENTRA_ID);
        viewModel.endpointProperty().set(AZURE);
        viewModel.armResourceGroupProperty().set("rg-orders");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).startsWith("A resource group needs its subscription id too");
        viewModel.armSubscriptionIdProperty().set("not-a-guid");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).startsWith("The subscription id is a GUID");
        viewModel.armSubscriptionIdProperty().set("0b1f6471-1bf0-4dda-aec3-cb9272f09590");
        viewModel.armResourceGroupProperty().set("rg-orders.");
        viewModel.testConnection();
        assertThat(viewModel.messageProperty().get()).contains("does not end with a period");
        verify(probe, never()).probe(any(), any(), any());

        viewModel.armResourceGroupProperty().set(" rg-orders ");
        viewModel.connect();

        ConnectionProfile saved = store.load().get(0);
        assertThat(saved.armSubscriptionId()).isEqualTo("0b1f6471-1bf0-4dda-aec3-cb9272f09590");
        assertThat(saved.armResourceGroup()).isEqualTo("rg-orders");
        assertThat(handedOver).singleElement().satisfies(request ->
                assertThat(request.profile().armResourceGroup()).isEqualTo("rg-orders"));
    }

    @Test
    void withoutAKeychainTheConnectionIsSavedWithoutItsKeyAndTheKeyIsAskedAgain() throws Exception {
        probeSucceedsThroughAllStages();
        ConnectionDialogViewModel noKeychain = new ConnectionDialogViewModel(probe, store, new NoSecretStore(),
                new EntraCredentials(), ImmediateTaskRunner.immediate());
        noKeychain.authKindProperty().set(AuthKind.KEY);
        noKeychain.endpointProperty().set(AZURE);
        noKeychain.keyProperty().set(KEY);

        noKeychain.connect();

        assertThat(noKeychain.messageProperty().get()).contains("saved without its key");
        assertThat(Files.readString(store.file())).doesNotContain(KEY);

        ConnectionDialogViewModel later = new ConnectionDialogViewModel(probe, store, new NoSecretStore(),
                new EntraCredentials(), ImmediateTaskRunner.immediate());
        later.initialize(Map.of());
        later.edit(later.savedConnections().get(0));
        assertThat(later.keyProperty().get()).isEmpty();
        assertThat(later.messageProperty().get()).contains("Enter the account key");
    }

    @Test
    void editingASavedConnectionLoadsItsKeyFromTheKeychain() {
        probeSucceedsThroughAllStages();
        viewModel.authKindProperty().set(AuthKind.KEY);
        viewModel.endpointProperty().set(AZURE);
        viewModel.keyProperty().set(KEY);
        viewModel.connect();
        ConnectionProfile saved = store.load().get(0);

        ConnectionDialogViewModel reopened = new ConnectionDialogViewModel(probe, store, secrets,
                new EntraCredentials(), ImmediateTaskRunner.immediate());
        reopened.initialize(Map.of());
        reopened.edit(saved);

        assertThat(reopened.keyProperty().get()).isEqualTo(KEY);
        reopened.deleteSaved(saved);
        assertThat(store.load()).isEmpty();
        assertThat(secrets.saved).doesNotContainKey(saved.id());
    }

    @Test
    void savedKeysAreReadFromTheKeychainInTheBackgroundAndNeverOverwriteWhatWasTyped() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        CountingSecretStore keychain = new CountingSecretStore();
        ConnectionDialogViewModel dialog = new ConnectionDialogViewModel(probe, store, keychain, new EntraCredentials(),
                tasks);
        ConnectionProfile orders = ConnectionProfile.create("orders", AuthKind.KEY, AZURE);
        ConnectionProfile billing = ConnectionProfile.create("billing", AuthKind.KEY,
                "https://billing.documents.azure.com:443/");
        keychain.saved.put(orders.id(), KEY);
        keychain.saved.put(billing.id(), "YmlsbGluZyBrZXk=");

        dialog.edit(orders);
        assertThat(keychain.calls).isZero(); // nothing touched the keychain on the calling (UI) thread
        assertThat(dialog.loadingKeyProperty().get()).isTrue();
        assertThat(dialog.keyProperty().get()).isEmpty();
        tasks.runAllPending();
        assertThat(dialog.keyProperty().get()).isEqualTo(KEY);
        assertThat(dialog.loadingKeyProperty().get()).isFalse();
        assertThat(dialog.secretHintProperty().get()).isEqualTo("Keys are saved in a test keychain.");

        // a slow answer for a connection the user already left is dropped
        dialog.edit(orders);
        dialog.edit(billing);
        tasks.runAllPending();
        assertThat(dialog.keyProperty().get()).isEqualTo("YmlsbGluZyBrZXk=");

        // a key typed while the keychain answers wins
        dialog.edit(orders);
        dialog.keyProperty().set("dHlwZWQ=");
        tasks.runAllPending();
        assertThat(dialog.keyProperty().get()).isEqualTo("dHlwZWQ=");
    }

    /** A keychain that counts its calls. */
    static final class CountingSecretStore implements SecretStore {
        final Map<String, String> saved = new HashMap<>();
        int calls;

        @Override
        public boolean isAvailable() {
            calls++;
            return true;
        }

        @Override
        public boolean save(String connectionId, String secret) {
            calls++;
            saved.put(connectionId, secret);
            return true;
        }

        @Override
        public Optional<String> load(String connectionId) {
            calls++;
            return Optional.ofNullable(saved.get(connectionId));
        }

        @Override
        public void delete(String connectionId) {
            calls++;
            saved.remove(connectionId);
        }

        @Override
        public String description() {
            calls++;
            return "Keys are saved in a test keychain.";
        }
    }

    static final class FakeSecretStore implements SecretStore {
        final Map<String, String> saved = new HashMap<>();

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public boolean save(String connectionId, String secret) {
            saved.put(connectionId, secret);
            return true;
        }

        @Override
        public Optional<String> load(String connectionId) {
            return Optional.ofNullable(saved.get(connectionId));
        }

        @Override
        public void delete(String connectionId) {
            saved.remove(connectionId);
        }

        @Override
        public String description() {
            return "Keys are saved in a test keychain.";
        }
    }
}
