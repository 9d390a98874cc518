package io.cosmosdesk.cosmos;

import com.azure.core.credential.TokenCredential;
import java.util.Objects;

/** The secret half of a connection; never saved in plain text, never logged. */
public sealed interface Credentials {

    /** An account key (the emulator's well-known key included). */
    record AccountKey(String key) implements Credentials {
        public AccountKey {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "AccountKey[***]";
        }
    }

    /** A Microsoft Entra ID credential from azure-identity. */
    record Entra(TokenCredential credential) implements Credentials {
        public Entra {
            Objects.requireNonNull(credential, "credential");
        }
    }
}
