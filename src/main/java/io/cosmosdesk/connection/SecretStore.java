package io.cosmosdesk.connection;

import java.util.Optional;

/**
 * Where account keys are kept between sessions: the OS keychain, never a plain file. When no keychain
 * is available, {@link #isAvailable()} is false and nothing is saved: the user is asked again.
 */
public interface SecretStore {

    boolean isAvailable();

    /** Stores the secret for a connection id; false when it could not be saved. */
    boolean save(String connectionId, String secret);

    Optional<String> load(String connectionId);

    void delete(String connectionId);

    /** One sentence for the dialog saying where keys go, e.g. "Keys are saved in the OS keychain, never in a file." */
    String description();
}
