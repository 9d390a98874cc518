package io.cosmosdesk.connection;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Finds the OS keychain in the background: probing it loads native code and talks to a daemon (about
 * a second on Linux), which must not delay the first window. Callers wait only if they need a key
 * before the probe has finished.
 */
public final class DeferredSecretStore implements SecretStore {

    private final CompletableFuture<SecretStore> detected;

    public DeferredSecretStore(Supplier<SecretStore> detector) {
        this.detected = CompletableFuture.supplyAsync(detector);
    }

    private SecretStore store() {
        try {
            return detected.join();
        } catch (RuntimeException e) {
            return new NoSecretStore();
        }
    }

    @Override
    public boolean isAvailable() {
        return store().isAvailable();
    }

    @Override
    public boolean save(String connectionId, String secret) {
        return store().save(connectionId, secret);
    }

    @Override
    public Optional<String> load(String connectionId) {
        return store().load(connectionId);
    }

    @Override
    public void delete(String connectionId) {
        store().delete(connectionId);
    }

    @Override
    public String description() {
        return store().description();
    }
}
