package io.cosmosdesk.cosmos;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
 * @param armSubscriptionId optional: the Azure subscription holding the account, for changes made through Azure
 *        Resource Manager; null: found from the endpoint among the subscriptions the sign-in can see
 * @param armResourceGroup optional: the account's resource group (only with a subscription id); null: found
 */
public record ConnectionProfile(String id, String name, AuthKind authKind, String endpoint, String tenantId,
        String colorTag, boolean readOnly, SignInMethod signIn, String armSubscriptionId, String armResourceGroup) {

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
        armSubscriptionId = armSubscriptionId == null || armSubscriptionId.isBlank() ? null : armSubscriptionId.strip();
        armResourceGroup = armResourceGroup == null || armResourceGroup.isBlank() ? null : armResourceGroup.strip();
    }

    public static ConnectionProfile create(String name, AuthKind authKind, String endpoint) {
        return new ConnectionProfile(UUID.randomUUID().toString(), name, authKind, endpoint, null, null, false,
                SignInMethod.AUTOMATIC, null, null);
    }

    public ConnectionProfile withReadOnly(boolean value) {
        return new ConnectionProfile(id, name, authKind, endpoint, tenantId, colorTag, value, signIn, armSubscriptionId,
                armResourceGroup);
    }

    public ConnectionProfile withColorTag(String value) {
        return new ConnectionProfile(id, name, authKind, endpoint, tenantId, value, readOnly, signIn, armSubscriptionId,
                armResourceGroup);
    }

    public ConnectionProfile withTenantId(String value) {
        return new ConnectionProfile(id, name, authKind, endpoint, value, colorTag, readOnly, signIn, armSubscriptionId,
                armResourceGroup);
    }

    /** Where Azure Resource Manager finds the account: both null to find it from the endpoint. */
    public ConnectionProfile withArmLocation(String subscriptionId, String resourceGroup) {
        return new ConnectionProfile(id, name, authKind, endpoint, tenantId, colorTag, readOnly, signIn, subscriptionId,
                resourceGroup);
    }

    private static final java.util.regex.Pattern SUBSCRIPTION_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern RESOURCE_GROUP = java.util.regex.Pattern.compile(
            "[\\p{L}\\p{N}._()-]{0,89}[\\p{L}\\p{N}_()-]");

    /**
     * What is wrong with an Azure Resource Manager location typed by the user, as a sentence; empty when both are
     * blank (found from the endpoint) or both are usable.
     */
    public static Optional<String> armLocationProblem(String subscriptionId, String resourceGroup) {
        boolean noSubscription = subscriptionId == null || subscriptionId.isBlank();
        boolean noGroup = resourceGroup == null || resourceGroup.isBlank();
        if (noSubscription && !noGroup) {
            return Optional.of("A resource group needs its subscription id too; or leave both blank and CosmosDesk"
                    + " finds the account from its endpoint.");
        }
        if (!noSubscription && !SUBSCRIPTION_ID.matcher(subscriptionId.strip()).matches()) {
            return Optional.of("The subscription id is a GUID such as 00000000-0000-0000-0000-000000000000"
                    + " (az account show --query id).");
        }
        if (!noGroup && !RESOURCE_GROUP.matcher(resourceGroup.strip()).matches()) {
            return Optional.of("A resource group name has 1 to 90 letters, digits, periods, underscores, hyphens or"
                    + " parentheses, and does not end with a period.");
        }
        return Optional.empty();
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

    /**
     * An endpoint as compared and used as a key (saved settings, move journals): lower-case scheme and host,
     * no trailing slash. {@code HTTPS://Acct.Documents.Azure.com:443/} becomes
     * {@code https://acct.documents.azure.com:443}.
     */
    public static String normaliseEndpoint(String endpoint) {
        if (endpoint == null) {
            return "";
        }
        String text = endpoint.strip();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                text = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                        + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                        + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (URISyntaxException e) {
            // not a URI: compare it as typed, less its trailing slashes
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
