package io.cosmosdesk.cosmos;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.GatewayConnectionConfig;
import com.azure.cosmos.ThrottlingRetryOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the one {@link CosmosAsyncClient} of an open connection: gateway mode (works through
 * proxies and firewalls, like the portal), timeouts suited to a desktop app, and the emulator's
 * self-signed certificate accepted only for a local emulator endpoint.
 */
public class CosmosClientFactory {

    /**
     * The SDK accepts the emulator's self-signed certificate when this property is true, and only for
     * endpoints on localhost; every other endpoint keeps full certificate validation.
     */
    static final String EMULATOR_CERT_PROPERTY = "COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED";

    private static final String USER_AGENT_SUFFIX = "CosmosDesk";

    private volatile Function<ConnectionProfile, ClientOptions> options = profile -> ClientOptions.DEFAULTS;

    /** Where each new connection's retries and preferred regions come from (the settings); open ones keep theirs. */
    public void useOptions(Function<ConnectionProfile, ClientOptions> source) {
        this.options = Objects.requireNonNull(source);
    }

    /** The options a connection to {@code profile} opened now would get. */
    public ClientOptions optionsFor(ConnectionProfile profile) {
        return options.apply(profile);
    }

    public CosmosConnection open(ConnectionProfile profile, Credentials credentials) {
        return new CosmosConnection(profile, createClient(profile, credentials),
                () -> createClient(profile, credentials, 0), credentials);
    }

    protected CosmosAsyncClient createClient(ConnectionProfile profile, Credentials credentials) {
        return createClient(profile, credentials, -1);
    }

    /** @param throttlingRetries how often the SDK retries a 429 itself; -1: as the settings say */
    private CosmosAsyncClient createClient(ConnectionProfile profile, Credentials credentials, int throttlingRetries) {
        // an emulator on another host keeps full validation: its certificate must be pinned (PinnedCertificates)
        if (profile.authKind() == AuthKind.EMULATOR && profile.isLocalEndpoint()) {
            System.setProperty(EMULATOR_CERT_PROPERTY, "true");
        }
        GatewayConnectionConfig gateway = new GatewayConnectionConfig()
                .setIdleConnectionTimeout(Duration.ofSeconds(60));
        ClientOptions chosen = optionsFor(profile);
        ThrottlingRetryOptions throttling = new ThrottlingRetryOptions()
                .setMaxRetryAttemptsOnThrottledRequests(throttlingRetries < 0 ? chosen.retryAttempts()
                        : throttlingRetries)
                .setMaxRetryWaitTime(chosen.retryMaxWait());
        CosmosClientBuilder builder = new CosmosClientBuilder()
                .endpoint(profile.endpoint().strip())
                .gatewayMode(gateway)
                .throttlingRetryOptions(throttling)
                .contentResponseOnWriteEnabled(true)
                .userAgentSuffix(USER_AGENT_SUFFIX);
        if (profile.authKind() == AuthKind.EMULATOR || profile.isLocalEndpoint()) {
            // the emulator and local servers have one region at the endpoint itself
            builder.endpointDiscoveryEnabled(false);
        } else if (!chosen.preferredRegions().isEmpty()) {
            builder.preferredRegions(chosen.preferredRegions());
        }
        if (credentials instanceof Credentials.AccountKey key) {
            builder.key(key.key().strip());
        } else if (credentials instanceof Credentials.Entra entra) {
            builder.credential(entra.credential());
        }
        try {
            return builder.buildAsyncClient();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Connecting to " + profile.name(), e);
        }
    }
}
