package io.cosmosdesk.cosmos;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * What identifies a connection, without its secret. Saved connections store this; the key lives in
 * the OS keychain.
 *
 * @param id stable identity (keychain entries are keyed by it)
 * @param name what the user calls it, e.g. "Orders (prod)"
 * @param colorTag a CSS colour shown in the title and status bar so production stands out; may be null
 * @param readOnly writes are refused in the service layer, not only in the UI
 * @param tenantId optional Entra ID tenant; null for the default
 * @param signIn how an Entra ID connection signs in; ignored for key and emulator connections
 */
public record ConnectionProfile(String id, String name, AuthKind authKind, String endpoint, String tenantId,
        String colorTag, boolean readOnly, SignInMethod signIn) {

    public static final String EMULATOR_ENDPOINT = "https://localhost:8081";
    /** The emulator's published, well-known key; not a secret. */
    public static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authKind, "authKind");
        Objects.requireNonNull(endpoint, "endpoint");
        name = name == null || name.isBlank() ? hostOf(endpoint) : name.strip();
        signIn = signIn == null ? SignInMethod.AUTOMATIC : signIn;
    }

    public static ConnectionProfile create(String name, AuthKind authKind, String endpoint) {
        return new ConnectionProfile(UUID.randomUUID().toString(), name, authKind, endpoint, null, null, false,
                SignInMethod.AUTOMATIC);
    }

    public ConnectionProfile withReadOnly(boolean value) {
        return new ConnectionProfile(id, name, authKind, endpoint, tenantId, colorTag, value, signIn);
    }

    public ConnectionProfile withColorTag(String value) {
        return new ConnectionProfile(id, name, authKind, endpoint, tenantId, value, readOnly, signIn);
    }

    public ConnectionProfile withTenantId(String value) {
        return new ConnectionProfile(id, name, authKind, endpoint, value, colorTag, readOnly, signIn);
    }

    /** True for endpoints on this machine, where the emulator's self-signed certificate may be accepted. */
    public boolean isLocalEndpoint() {
        String host = hostOf(endpoint);
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1");
    }

    static String hostOf(String endpoint) {
        try {
            String host = URI.create(endpoint.strip()).getHost();
            return host == null ? endpoint : host;
        } catch (IllegalArgumentException e) {
            return endpoint;
        }
    }
}
