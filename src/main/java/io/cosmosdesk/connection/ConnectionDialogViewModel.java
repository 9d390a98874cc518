package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AccountFacts;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.cosmos.SignInMethod;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog: three kinds (Entra ID, key or connection string, local emulator), staged
 * "Test connection", saved connections with keys in the OS keychain. Nothing typed is lost on failure.
 */
public class ConnectionDialogViewModel {

    /** Colour tags offered; the view maps each to a style class. */
    public static final java.util.List<String> COLOR_TAGS = java.util.List.of("none", "green", "blue", "yellow",
            "orange", "red");

    private final AccountProbe probe;
    private final ConnectionStore store;
    private final SecretStore secrets;
    private final EntraCredentials entra;
    private final PinnedCertificates pins;
    private final TaskRunner tasks;
    private Consumer<ConnectRequest> onConnect = request -> { };

    // Properties
    private final ConnectionForm form = new ConnectionForm(this::showMessage);
    private final BooleanProperty saveConnection = new SimpleBooleanProperty(this, "saveConnection", true);
    private final ObservableList<ConnectionProfile> savedConnections = FXCollections.observableArrayList();
    private final ObservableList<TestStep> testSteps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper untrustedFingerprint = new ReadOnlyStringWrapper(this,
            "untrustedFingerprint", "");
    private final ReadOnlyStringWrapper deviceCodeMessage = new ReadOnlyStringWrapper(this, "deviceCodeMessage", "");
    private final ReadOnlyStringWrapper secretHint = new ReadOnlyStringWrapper(this, "secretHint",
            "Checking for the system keychain…");
    private final ReadOnlyBooleanWrapper loadingKey = new ReadOnlyBooleanWrapper(this, "loadingKey");
    private String editingId;
    private TaskHandle running = TaskHandle.NONE;
    private TaskHandle keyLoad = TaskHandle.NONE;

    public ConnectionDialogViewModel(AccountProbe probe, ConnectionStore store, SecretStore secrets,
            EntraCredentials entra, TaskRunner tasks) {
        this(probe, store, secrets, entra, tasks, null);
    }

    /** @param pins where "Trust this certificate" pins a host's certificate; null disables trusting */
    public ConnectionDialogViewModel(AccountProbe probe, ConnectionStore store, SecretStore secrets,
            EntraCredentials entra, TaskRunner tasks, PinnedCertificates pins) {
        this.pins = pins;
        this.probe = Objects.requireNonNull(probe);
        this.store = Objects.requireNonNull(store);
        this.secrets = Objects.requireNonNull(secrets);
        this.entra = Objects.requireNonNull(entra);
        this.tasks = Objects.requireNonNull(tasks);
        form.authKind.addListener((obs, old, kind) -> {
            testSteps.clear();
            showMessage("", false);
        });
        // the keychain is native code talking to a daemon (and may prompt to unlock): never on the UI thread
        tasks.start(BackgroundTask.of("Checking the keychain", context -> secrets.description())
                .onSuccess(secretHint::set));
    }

    public void setOnConnect(Consumer<ConnectRequest> handler) {
        this.onConnect = Objects.requireNonNull(handler);
    }

    public ObjectProperty<AuthKind> authKindProperty() {
        return form.authKind;
    }

    public StringProperty nameProperty() {
        return form.name;
    }

    public StringProperty endpointProperty() {
        return form.endpoint;
    }

    public StringProperty keyProperty() {
        return form.key;
    }

    /** A pasted connection string; a valid one fills endpoint and key. */
    public StringProperty connectionStringProperty() {
        return form.connectionString;
    }

    public StringProperty tenantIdProperty() {
        return form.tenantId;
    }

    /** Optional: the subscription holding the account, for changes through Azure Resource Manager. */
    public StringProperty armSubscriptionIdProperty() {
        return form.armSubscriptionId;
    }

    /** Optional, with the subscription id: the account's resource group. */
    public StringProperty armResourceGroupProperty() {
        return form.armResourceGroup;
    }

    public ObjectProperty<SignInMethod> signInProperty() {
        return form.signIn;
    }

    public BooleanProperty readOnlyProperty() {
        return form.readOnly;
    }

    public StringProperty colorTagProperty() {
        return form.colorTag;
    }

    public BooleanProperty saveConnectionProperty() {
        return saveConnection;
    }

    public ObservableList<ConnectionProfile> savedConnections() {
        return savedConnections;
    }

    public ObservableList<TestStep> testSteps() {
        return testSteps;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Turns true once a connection was handed to the main window; the dialog then closes. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** "To sign in, use a web browser to open … and enter the code …" while a device-code sign-in waits. */
    public ReadOnlyStringProperty deviceCodeMessageProperty() {
        return deviceCodeMessage.getReadOnlyProperty();
    }

    /**
     * The SHA-256 fingerprint of a certificate the last test did not trust, for "Trust this certificate";
     * empty otherwise.
     */
    public ReadOnlyStringProperty untrustedFingerprintProperty() {
        return untrustedFingerprint.getReadOnlyProperty();
    }

    /**
     * Pins the certificate shown by {@link #untrustedFingerprintProperty()} for this endpoint's host,
     * after re-reading it and checking the fingerprint is still the same, then tests again. Every other
     * host keeps full TLS validation.
     */
    public void trustCertificate() {
        String expected = untrustedFingerprint.get();
        if (pins == null || expected.isEmpty()) {
            return;
        }
        java.net.URI uri = java.net.URI.create(form.endpoint.get().strip());
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        busy.set(true);
        tasks.start(BackgroundTask.of("Trusting the certificate of " + uri.getHost(), context -> {
            java.security.cert.X509Certificate certificate = PinnedCertificates.fetchServerCertificate(uri.getHost(),
                    port, java.time.Duration.ofSeconds(5));
            if (!PinnedCertificates.fingerprint(certificate).equals(expected)) {
                throw new io.cosmosdesk.cosmos.CosmosDeskException(io.cosmosdesk.cosmos.ErrorKind.CERTIFICATE,
                        "The server now presents a different certificate than the one shown: not trusted.");
            }
            return pins.trust(uri.getHost(), certificate);
        })
                .onSuccess(pin -> {
                    untrustedFingerprint.set("");
                    busy.set(false);
                    testConnection();
                })
                .onFailure(error -> {
                    busy.set(false);
                    showMessage(CosmosErrors.classify(error).userMessage(), true);
                }));
    }

    /** Where keys are saved, for the dialog's hint; known once the keychain has been looked for. */
    public ReadOnlyStringProperty secretHintProperty() {
        return secretHint.getReadOnlyProperty();
    }

    /** True while a saved connection's key is read from the keychain. */
    public ReadOnlyBooleanProperty loadingKeyProperty() {
        return loadingKey.getReadOnlyProperty();
    }

    // Commands

    /** Loads saved connections and applies COSMOS_ENDPOINT / COSMOS_KEY when set. */
    public void initialize(Map<String, String> environment) {
        tasks.start(BackgroundTask.of("Loading saved connections", context -> store.load())
                .onSuccess(savedConnections::setAll));
        form.prefill(environment);
    }

    /** Fills the form from a saved connection; its key comes from the keychain when there is one. */
    public void edit(ConnectionProfile profile) {
        editingId = profile.id();
        form.fill(profile);
        keyLoad.cancel();
        loadingKey.set(false);
        if (profile.authKind() == AuthKind.EMULATOR || profile.authKind() == AuthKind.KEY) {
            loadKey(profile);
        }
        testSteps.clear();
    }

    /**
     * Reads a saved key in the background. The field stays empty and read-only meanwhile; a key that
     * arrives after the user moved to another connection or typed one is dropped.
     */
    private void loadKey(ConnectionProfile profile) {
        form.key.set("");
        loadingKey.set(true);
        String id = profile.id();
        keyLoad = tasks.start(BackgroundTask.of("Reading the saved key", context -> secrets.load(id))
                .onSuccess(saved -> {
                    if (!id.equals(editingId) || !form.key.get().isEmpty()) {
                        return;
                    }
                    if (profile.authKind() == AuthKind.EMULATOR) {
                        form.key.set(saved.orElse(ConnectionProfile.EMULATOR_KEY));
                    } else {
                        form.key.set(saved.orElse(""));
                        if (saved.isEmpty()) {
                            showMessage("Enter the account key: it was not saved. " + secretHint.get(), false);
                        }
                    }
                })
                .onFailure(error -> {
                    if (id.equals(editingId)) {
                        showMessage("The saved key could not be read from the keychain: enter it again.", false);
                    }
                })
                .onFinally(() -> {
                    if (id.equals(editingId)) {
                        loadingKey.set(false);
                    }
                }));
    }

    public void newConnection() {
        keyLoad.cancel();
        loadingKey.set(false);
        editingId = null;
        form.reset();
        testSteps.clear();
        showMessage("", false);
    }

    public void deleteSaved(ConnectionProfile profile) {
        if (profile.id().equals(editingId)) {
            editingId = null;
        }
        savedConnections.remove(profile);
        tasks.start(BackgroundTask.of("Forgetting " + profile.name(), context -> {
            store.remove(profile.id());
            secrets.delete(profile.id());
            return store.load();
        }).onSuccess(savedConnections::setAll)
                .onFailure(error -> showMessage("The connection could not be forgotten: "
                        + CosmosErrors.classify(error).userMessage(), true)));
    }

    /** Runs the staged check and shows the account's facts; nothing is saved. */
    public void testConnection() {
        run(false);
    }

    /** Checks, saves when asked, then hands the connection to the main window. */
    public void connect() {
        run(true);
    }

    public void cancel() {
        running.cancel();
    }

    private void run(boolean connectAfterwards) {
        // every attempt starts from nothing: no stage of an earlier test may still show as passed
        running.cancel();
        testSteps.clear();
        deviceCodeMessage.set("");
        untrustedFingerprint.set("");
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            showMessage(problem.get(), true);
            return;
        }
        ConnectionProfile profile = currentProfile();
        // progress is coalesced; the stage the probe last started is the one a failure belongs to
        AtomicReference<AccountProbe.Stage> lastStarted = new AtomicReference<>();
        showMessage(connectAfterwards ? "Connecting…" : "Testing…", false);
        busy.set(true);
        // what to save is read here, on the UI thread; the saving itself runs with the probe
        String keyToSave = connectAfterwards && saveConnection.get()
                ? form.typedKey() : null;
        running = tasks.start(BackgroundTask.<ProbeResult>of("Testing " + profile.name(), context -> {
            Credentials credentials = credentialsFor(profile,
                    text -> context.publish(new ProbeProgress.DeviceCodeShown(text)));
            AccountFacts facts = probe.probe(profile, credentials,
                    stage -> {
                        lastStarted.set(stage);
                        context.publish(new ProbeProgress.StageStarted(stage));
                    });
            SaveOutcome saved = connectAfterwards ? saveIfAsked(profile, keyToSave) : SaveOutcome.NOT_ASKED;
            return new ProbeResult(credentials, facts, saved);
        })
                .onUpdate(update -> {
                    if (update instanceof ProbeProgress.StageStarted started) {
                        markStage(started.stage());
                    } else if (update instanceof ProbeProgress.DeviceCodeShown code) {
                        deviceCodeMessage.set(code.message());
                    }
                })
                .onSuccess(result -> {
                    markStage(AccountProbe.Stage.LIST_DATABASES);
                    completeRunningStep(TestStep.Status.PASSED, "");
                    deviceCodeMessage.set("");
                    showMessage(result.facts().summary(), false);
                    if (connectAfterwards) {
                        if (result.saved() != SaveOutcome.NOT_ASKED) {
                            editingId = profile.id();
                            savedConnections.setAll(result.saved().connections());
                            if (!result.saved().keySaved()) {
                                showMessage("Connected. The connection was saved without its key. "
                                        + secretHint.get(), false);
                            }
                        }
                        onConnect.accept(new ConnectRequest(profile, result.credentials()));
                        connected.set(true);
                    }
                })
                .onFailure(error -> {
                    io.cosmosdesk.cosmos.CosmosDeskException mapped = CosmosErrors.classify(error);
                    markStageReached(lastStarted.get());
                    completeRunningStep(TestStep.Status.FAILED, mapped.userMessage());
                    showMessage(mapped.userMessage(), true);
                    if (mapped.kind() == io.cosmosdesk.cosmos.ErrorKind.CERTIFICATE && pins != null) {
                        untrustedFingerprint.set(mapped.certificateFingerprint().orElse(""));
                    }
                })
                .onCancelled(() -> {
                    markStageReached(lastStarted.get());
                    completeRunningStep(TestStep.Status.FAILED, "Cancelled");
                    showMessage("Cancelled.", false);
                })
                .onFinally(() -> busy.set(false)));
    }

    private record ProbeResult(Credentials credentials, AccountFacts facts, SaveOutcome saved) {
    }

    /**
     * Marks {@code stage} as running and the ones before it as passed. Progress is coalesced, so a fast
     * stage may never be reported on its own.
     */
    private void markStage(AccountProbe.Stage stage) {
        completeRunningStep(TestStep.Status.PASSED, "");
        int next = testSteps.isEmpty() ? 0 : testSteps.get(testSteps.size() - 1).stage().ordinal() + 1;
        for (int ordinal = next; ordinal <= stage.ordinal(); ordinal++) {
            testSteps.add(new TestStep(AccountProbe.Stage.values()[ordinal],
                    ordinal == stage.ordinal() ? TestStep.Status.RUNNING : TestStep.Status.PASSED, ""));
        }
    }

    /** {@link #markStage} for the stage a probe got to, if it got to any and it is not shown yet. */
    private void markStageReached(AccountProbe.Stage stage) {
        if (stage != null && (testSteps.isEmpty()
                || testSteps.get(testSteps.size() - 1).stage().compareTo(stage) < 0)) {
            markStage(stage);
        }
    }

    private void completeRunningStep(TestStep.Status status, String detail) {
        for (int i = 0; i < testSteps.size(); i++) {
            TestStep step = testSteps.get(i);
            if (step.status() == TestStep.Status.RUNNING) {
                testSteps.set(i, new TestStep(step.stage(), status, detail));
            }
        }
    }

    /** What saving did, computed on the background thread: the saved list and whether the key went in. */
    private record SaveOutcome(List<ConnectionProfile> connections, boolean keySaved) {
        static final SaveOutcome NOT_ASKED = new SaveOutcome(List.of(), true);
    }

    /** Runs on the background thread: the connection file and the keychain are I/O. */
    private SaveOutcome saveIfAsked(ConnectionProfile profile, String keyToSave) {
        if (keyToSave == null) {
            return SaveOutcome.NOT_ASKED;
        }
        store.put(profile);
        boolean keySaved = true;
        if (profile.authKind() != AuthKind.ENTRA_ID && !isWellKnownEmulatorKey(profile, keyToSave)) {
            keySaved = secrets.save(profile.id(), keyToSave);
        }
        return new SaveOutcome(store.load(), keySaved);
    }

    private static boolean isWellKnownEmulatorKey(ConnectionProfile profile, String keyToSave) {
        return profile.authKind() == AuthKind.EMULATOR && ConnectionProfile.EMULATOR_KEY.equals(keyToSave);
    }

    /** What is wrong with the form, in one sentence; empty when it can be tried. */
    public Optional<String> validate() {
        return form.validate();
    }

    ConnectionProfile currentProfile() {
        return form.toProfile(editingId == null ? UUID.randomUUID().toString() : editingId);
    }

    private Credentials credentialsFor(ConnectionProfile profile, Consumer<String> deviceCode) {
        if (profile.authKind() == AuthKind.ENTRA_ID) {
            return new Credentials.Entra(entra.create(profile.signIn(), profile.tenantId(), deviceCode));
        }
        return new Credentials.AccountKey(form.typedKey());
    }

    private void showMessage(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }
}
