package io.cosmosdesk.connection;

import java.util.Optional;

/** Used when no OS keychain is available: keys are never written anywhere; the user is asked again. */
public final class NoSecretStore implements SecretStore {

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public boolean save(String connectionId, String secret) {
        return false;
    }

    @Override
    public Optional<String> load(String connectionId) {
        return Optional.empty();
    }

    @Override
    public void delete(String connectionId) {
    }

    @Override
    public String description() {
        return "No OS keychain was found on this machine, so keys are not saved: CosmosDesk asks for them each time.";
    }
}
