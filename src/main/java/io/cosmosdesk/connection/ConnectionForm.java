package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.SignInMethod;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the connection dialog's form holds, and its rules: the emulator's presets (cleared, never what the
 * user typed, when switching to another kind), a pasted connection string filling endpoint and key,
 * environment prefill, validation in one sentence, and the profile the form describes.
 */
final class ConnectionForm {

    final ObjectProperty<AuthKind> authKind = new SimpleObjectProperty<>(this, "authKind", AuthKind.EMULATOR);
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", ConnectionProfile.EMULATOR_ENDPOINT);
    final StringProperty key = new SimpleStringProperty(this, "key", ConnectionProfile.EMULATOR_KEY);
    final StringProperty connectionString = new SimpleStringProperty(this, "connectionString", "");
    final StringProperty tenantId = new SimpleStringProperty(this, "tenantId", "");
    final ObjectProperty<SignInMethod> signIn = new SimpleObjectProperty<>(this, "signIn", SignInMethod.AUTOMATIC);
    final StringProperty armSubscriptionId = new SimpleStringProperty(this, "armSubscriptionId", "");
    final StringProperty armResourceGroup = new SimpleStringProperty(this, "armResourceGroup", "");
    final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    final StringProperty colorTag = new SimpleStringProperty(this, "colorTag", "none");

    /** Where the form's sentences go: (text, is it an error). */
    private final BiConsumer<String, Boolean> messages;

    ConnectionForm(BiConsumer<String, Boolean> messages) {
        this.messages = messages;
        authKind.addListener((obs, old, kind) -> applyPresets(old, kind));
        connectionString.addListener((obs, old, text) -> fillFromConnectionString(text));
    }

    /** COSMOS_ENDPOINT / COSMOS_KEY: the kind follows from them (no key: Entra ID; local + well-known: emulator). */
    void prefill(Map<String, String> environment) {
        String envEndpoint = environment.get("COSMOS_ENDPOINT");
        if (envEndpoint == null || envEndpoint.isBlank()) {
            return;
        }
        String envKey = environment.get("COSMOS_KEY");
        ConnectionProfile probeProfile = ConnectionProfile.create(null, AuthKind.KEY, envEndpoint);
        if (envKey == null || envKey.isBlank()) {
            authKind.set(AuthKind.ENTRA_ID);
        } else if (probeProfile.isLocalEndpoint() && envKey.strip().equals(ConnectionProfile.EMULATOR_KEY)) {
            authKind.set(AuthKind.EMULATOR);
        } else {
            authKind.set(AuthKind.KEY);
        }
        endpoint.set(envEndpoint.strip());
        key.set(envKey == null ? "" : envKey.strip());
    }

    /** A saved connection's fields; its key is not part of a profile (the keychain has it). */
    void fill(ConnectionProfile profile) {
        authKind.set(profile.authKind());
        name.set(profile.name());
        endpoint.set(profile.endpoint());
        tenantId.set(profile.tenantId() == null ? "" : profile.tenantId());
        signIn.set(profile.signIn());
        armSubscriptionId.set(profile.armSubscriptionId() == null ? "" : profile.armSubscriptionId());
        armResourceGroup.set(profile.armResourceGroup() == null ? "" : profile.armResourceGroup());
        readOnly.set(profile.readOnly());
        colorTag.set(profile.colorTag() == null ? "none" : profile.colorTag());
    }

    /** A new connection: the emulator's presets. */
    void reset() {
        name.set("");
        authKind.set(AuthKind.EMULATOR);
        endpoint.set(ConnectionProfile.EMULATOR_ENDPOINT);
        key.set(ConnectionProfile.EMULATOR_KEY);
        armSubscriptionId.set("");
        armResourceGroup.set("");
        readOnly.set(false);
        colorTag.set("none");
    }

    /** What is wrong with the form, in one sentence; empty when it can be tried. */
    Optional<String> validate() {
        String url = endpoint.get() == null ? "" : endpoint.get().strip();
        if (url.isEmpty()) {
            return Optional.of("Enter the account endpoint, e.g. https://myaccount.documents.azure.com:443/");
        }
        try {
            ConnectionString.validateEndpoint(url);
            if (authKind.get() != AuthKind.ENTRA_ID) {
                String text = typedKey();
                if (text.isEmpty()) {
                    return Optional.of("Enter the account key, or paste a connection string.");
                }
                ConnectionString.validateKey(text);
            } else {
                Optional<String> location = ConnectionProfile.armLocationProblem(armSubscriptionId.get(),
                        armResourceGroup.get());
                if (location.isPresent()) {
                    return location;
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** The key as typed, without the whitespace a paste brings along. */
    String typedKey() {
        return key.get() == null ? "" : key.get().strip();
    }

    ConnectionProfile toProfile(String id) {
        String tag = "none".equals(colorTag.get()) ? null : colorTag.get();
        String tenant = tenantId.get() == null || tenantId.get().isBlank() ? null : tenantId.get().strip();
        boolean entra = authKind.get() == AuthKind.ENTRA_ID;
        return new ConnectionProfile(id, name.get(), authKind.get(), endpoint.get().strip(), tenant, tag,
                readOnly.get(), signIn.get(), entra ? armSubscriptionId.get() : null,
                entra ? armResourceGroup.get() : null);
    }

    private void applyPresets(AuthKind old, AuthKind kind) {
        if (kind == AuthKind.EMULATOR) {
            if (endpoint.get() == null || endpoint.get().isBlank() || !isLocal(endpoint.get())) {
                endpoint.set(ConnectionProfile.EMULATOR_ENDPOINT);
            }
            if (key.get() == null || key.get().isBlank()) {
                key.set(ConnectionProfile.EMULATOR_KEY);
            }
        } else if (old == AuthKind.EMULATOR) {
            // the emulator's presets are no use for an Azure account; keep anything the user typed
            if (ConnectionProfile.EMULATOR_ENDPOINT.equals(endpoint.get())) {
                endpoint.set("");
            }
            if (ConnectionProfile.EMULATOR_KEY.equals(key.get())) {
                key.set("");
            }
        }
    }

    private static boolean isLocal(String url) {
        return ConnectionProfile.create(null, AuthKind.EMULATOR, url).isLocalEndpoint();
    }

    private void fillFromConnectionString(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            ConnectionString parsed = ConnectionString.parse(text);
            endpoint.set(parsed.endpoint());
            if (authKind.get() == AuthKind.ENTRA_ID) {
                authKind.set(AuthKind.KEY);
            }
            key.set(parsed.key());
            messages.accept("Filled the endpoint and key from the connection string.", false);
        } catch (IllegalArgumentException e) {
            messages.accept(e.getMessage(), true);
        }
    }
}
