package io.cosmosdesk.connection;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keys in the OS keychain (Windows Credential Manager, macOS Keychain, Secret Service on Linux). */
public final class KeyringSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private static final String SERVICE = "CosmosDesk";

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The OS keychain if one answers, otherwise a store that saves nothing. */
    public static SecretStore detect() {
        try {
            Keyring keyring = Keyring.create();
            // Secret Service may be installed but locked or absent on a headless box: probe it once
            keyring.getPassword(SERVICE, "probe");
            return new KeyringSecretStore(keyring);
        } catch (PasswordAccessException expected) {
            // no entry named "probe": the keychain works
            try {
                return new KeyringSecretStore(Keyring.create());
            } catch (BackendNotSupportedException e) {
                return new NoSecretStore();
            }
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("No OS keychain available ({}); keys will not be saved", e.getClass().getSimpleName());
            return new NoSecretStore();
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean save(String connectionId, String secret) {
        try {
            keyring.setPassword(SERVICE, connectionId, secret);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("Could not save a key in the OS keychain: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public Optional<String> load(String connectionId) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, connectionId));
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String connectionId) {
        try {
            keyring.deletePassword(SERVICE, connectionId);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("No keychain entry to delete for a connection");
        }
    }

    @Override
    public String description() {
        return "Keys are saved in the OS keychain, never in a file.";
    }
}
