package io.cosmosdesk.manage;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.cosmos.CosmosManager;
import com.azure.resourcemanager.cosmos.fluent.SqlResourcesClient;
import com.azure.resourcemanager.cosmos.fluent.models.DatabaseAccountGetResultsInner;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLException;

/**
 * Finds a connection's account in Azure Resource Manager: in the subscription and resource group its profile names,
 * else among every subscription the sign-in can see, by the account's document endpoint. Found once per open
 * connection, then kept. Loaded only when Resource Manager is first used (never at start-up).
 */
final class ArmAccounts {

    /** Where one account lives, with the client that reaches it. */
    record Account(String subscriptionId, String resourceGroup, String name, String location,
            SqlResourcesClient sql) {
    }

    private final String resourceManagerEndpoint;
    private final Map<CosmosConnection, Account> found = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param resourceManagerEndpoint null: the Azure cloud the account's endpoint belongs to */
    ArmAccounts(String resourceManagerEndpoint) {
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }

    Account of(CosmosConnection connection) {
        Account known = found.get(connection);
        if (known != null) {
            return known;
        }
        Account account = locate(connection);
        found.put(connection, account);
        return account;
    }

    private Account locate(CosmosConnection connection) {
        ConnectionProfile profile = connection.profile();
        TokenCredential credential = connection.entraCredential().orElseThrow(() -> new CosmosDeskException(
                ErrorKind.UNAUTHORIZED, "Azure Resource Manager needs a Microsoft Entra ID sign-in: this connection"
                + " uses an account key, which the data plane accepts for these changes anyway."));
        ConnectionProfile.armLocationProblem(profile.armSubscriptionId(), profile.armResourceGroup())
                .ifPresent(problem -> {
                    throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem + " (Edit the connection.)");
                });
        AzureEnvironment environment = environment(profile.endpoint());
        HttpClient http = httpClient();
        String endpoint = endpointKey(profile.endpoint());
        List<String> subscriptions = new ArrayList<>();
        if (profile.armSubscriptionId() != null) {
            subscriptions.add(profile.armSubscriptionId());
        } else {
            try {
                for (Subscription subscription : ResourceManager.configure().withHttpClient(http)
                        .authenticate(credential, new AzureProfile(profile.tenantId(), null, environment))
                        .subscriptions().list()) {
                    subscriptions.add(subscription.subscriptionId());
                }
            } catch (RuntimeException e) {
                throw ArmErrors.map("Listing your Azure subscriptions", e, null, null);
            }
            if (subscriptions.isEmpty()) {
                throw new CosmosDeskException(ErrorKind.NOT_FOUND, "Your Microsoft Entra ID sign-in sees no Azure"
                        + " subscription, so Azure Resource Manager cannot find the account. Ask for a role on its"
                        + " subscription, or type the subscription id and resource group in the connection.");
            }
        }
        for (String subscriptionId : subscriptions) {
            CosmosManager manager = CosmosManager.configure().withHttpClient(http)
                    .authenticate(credential, new AzureProfile(profile.tenantId(), subscriptionId, environment));
            Iterable<DatabaseAccountGetResultsInner> accounts;
            try {
                var client = manager.serviceClient().getDatabaseAccounts();
                accounts = profile.armResourceGroup() == null ? client.list()
                        : client.listByResourceGroup(profile.armResourceGroup());
                for (DatabaseAccountGetResultsInner account : accounts) {
                    if (account.documentEndpoint() != null && endpointKey(account.documentEndpoint()).equals(endpoint)) {
                        return new Account(subscriptionId, part(account.id(), "resourceGroups"), account.name(),
                                account.location(), manager.serviceClient().getSqlResources());
                    }
                }
            } catch (RuntimeException e) {
                if (profile.armSubscriptionId() != null) {
                    throw ArmErrors.map("Looking for the account in subscription " + subscriptionId, e, null,
                            "Azure Resource Manager has no subscription " + subscriptionId
                            + (profile.armResourceGroup() == null ? "" : " with a resource group "
                            + profile.armResourceGroup()) + " that your sign-in can see. Check both in the"
                            + " connection, or leave them blank.");
                }
                // a subscription the sign-in cannot list accounts in: look in the others
            }
        }
        String where = profile.armSubscriptionId() == null ? "any of the " + subscriptions.size()
                + " subscription(s) your sign-in can see" : profile.armResourceGroup() == null
                ? "subscription " + profile.armSubscriptionId()
                : "resource group " + profile.armResourceGroup() + " of subscription " + profile.armSubscriptionId();
        throw new CosmosDeskException(ErrorKind.NOT_FOUND, "Azure Resource Manager shows no Cosmos DB account with the"
                + " endpoint " + profile.endpoint().strip() + " in " + where + ". Check the endpoint, or type the"
                + " account's subscription id and resource group in the connection.");
    }

    /**
     * A client of its own, with a TLS context built now from the JVM's current trust (the platform's, plus any
     * certificate the user pinned for its host, exactly as the data plane trusts one): never "TLS off".
     */
    private static HttpClient httpClient() {
        try {
            var ssl = SslContextBuilder.forClient().build();
            return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                    .secure(spec -> spec.sslContext(ssl))).build();
        } catch (SSLException e) {
            throw new CosmosDeskException(ErrorKind.CERTIFICATE, "Could not set up TLS for Azure Resource Manager: "
                    + ArmErrors.firstLine(e.getMessage()), 0, 0, null, 0, e);
        }
    }

    /** The Azure cloud of the account's endpoint, or the Resource Manager endpoint given (a test's or a proxy's). */
    AzureEnvironment environment(String accountEndpoint) {
        if (resourceManagerEndpoint != null) {
            Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
            endpoints.put("resourceManagerEndpointUrl", resourceManagerEndpoint);
            endpoints.put("managementEndpointUrl", resourceManagerEndpoint);
            return new AzureEnvironment(endpoints);
        }
        String host = host(accountEndpoint);
        if (host.endsWith(".azure.us")) {
            return AzureEnvironment.AZURE_US_GOVERNMENT;
        }
        if (host.endsWith(".azure.cn") || host.endsWith(".chinacloudapi.cn")) {
            return AzureEnvironment.AZURE_CHINA;
        }
        return AzureEnvironment.AZURE;
    }

    /** An endpoint as compared: lower-case host and the port, 443 when none is written. */
    static String endpointKey(String endpoint) {
        try {
            URI uri = URI.create(endpoint.strip());
            return host(endpoint) + ":" + (uri.getPort() < 0 ? 443 : uri.getPort());
        } catch (IllegalArgumentException e) {
            return endpoint.strip().toLowerCase(Locale.ROOT);
        }
    }

    private static String host(String endpoint) {
        try {
            String host = URI.create(endpoint.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The segment after {@code name} in an Azure resource id. */
    static String part(String resourceId, String name) {
        String[] parts = resourceId == null ? new String[0] : resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase(name)) {
                return parts[i + 1];
            }
        }
        throw new CosmosDeskException(ErrorKind.UNKNOWN, "Azure Resource Manager gave an account id without its "
                + name + ": " + resourceId);
    }
}
