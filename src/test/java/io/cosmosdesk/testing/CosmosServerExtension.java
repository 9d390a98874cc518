package io.cosmosdesk.testing;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one local Cosmos-compatible server per test JVM and hands tests what they need to talk to
 * it: the {@link LocalCosmosServer}, a ready {@link CosmosAsyncClient} or {@link CosmosClient}
 * (gateway mode, no endpoint discovery, the emulator certificate accepted) and
 * {@link CosmosTestData} to create uniquely named databases and containers.
 *
 * <pre>{@code
 * @ExtendWith(CosmosServerExtension.class)
 * class SomeIT {
 *     @Test void works(CosmosAsyncClient client, CosmosTestData data) { ... }
 * }
 * }</pre>
 *
 * The server and clients live in the root context's store and are closed when the JVM's test
 * run ends; tests share them, so each test should work in its own database or container.
 */
public final class CosmosServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CosmosServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCosmosServer.class
                || type == CosmosAsyncClient.class
                || type == CosmosClient.class
                || type == CosmosTestData.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedServer shared = shared(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalCosmosServer.class) {
            return shared.server;
        }
        if (type == CosmosAsyncClient.class) {
            return shared.asyncClient;
        }
        if (type == CosmosClient.class) {
            return shared.syncClient();
        }
        if (type == CosmosTestData.class) {
            return new CosmosTestData(shared.asyncClient);
        }
        throw new ParameterResolutionException("Cannot resolve " + type);
    }

    /** The JVM-wide server, started on first use. */
    public static LocalCosmosServer server(ExtensionContext context) {
        return shared(context).server;
    }

    /**
     * For tests that set the server's faults: clears them after each test, so none outlives the test that set it
     * (register with {@code @RegisterExtension}; the server is cleared only once some test started it).
     */
    public static AfterEachCallback clearingFaults() {
        return context -> {
            SharedServer shared = context.getRoot().getStore(NAMESPACE).get(SharedServer.class, SharedServer.class);
            if (shared != null) {
                shared.server.clearFaults();
            }
        };
    }

    /** A client builder for {@code server} as the tests use it. */
    public static CosmosClientBuilder clientBuilder(LocalCosmosServer server) {
        return new CosmosClientBuilder()
                .endpoint(server.endpoint())
                .key(server.key())
                .gatewayMode()
                .endpointDiscoveryEnabled(false)
                .consistencyLevel(ConsistencyLevel.SESSION)
                .contentResponseOnWriteEnabled(true)
                .userAgentSuffix("cosmosdesk-it");
    }

    private static SharedServer shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, key -> new SharedServer(), SharedServer.class);
    }

    /** The server and its clients, closed with the root context. */
    private static final class SharedServer implements ExtensionContext.Store.CloseableResource {
        final LocalCosmosServer server;
        final CosmosAsyncClient asyncClient;
        private CosmosClient syncClient;

        SharedServer() {
            server = LocalCosmosServer.start();
            try {
                asyncClient = clientBuilder(server).buildAsyncClient();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        synchronized CosmosClient syncClient() {
            if (syncClient == null) {
                syncClient = clientBuilder(server).buildClient();
            }
            return syncClient;
        }

        @Override
        public void close() {
            try {
                synchronized (this) {
                    if (syncClient != null) {
                        syncClient.close();
                    }
                }
                asyncClient.close();
            } finally {
                server.close();
            }
        }
    }
}
