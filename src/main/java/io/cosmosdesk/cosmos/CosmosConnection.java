package io.cosmosdesk.cosmos;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open connection: its profile and the one shared {@link CosmosAsyncClient}, with container
 * clients cached. Every service call goes through this, so read-only is enforced in one place.
 */
public class CosmosConnection implements AutoCloseable {

    private final ConnectionProfile profile;
    private final CosmosAsyncClient client;
    private final Map<ContainerRef, CosmosAsyncContainer> containers = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.function.Supplier<CosmosAsyncClient> unretriedFactory;
    private final Map<ContainerRef, CosmosAsyncContainer> unretriedContainers = new ConcurrentHashMap<>();
    private volatile CosmosAsyncClient unretried;
    private final Credentials credentials;

    public CosmosConnection(ConnectionProfile profile, CosmosAsyncClient client) {
        this(profile, client, null);
    }

    /**
     * @param unretried builds, when first needed, a second client on the same account that does not retry throttled
     *        requests itself (the query tab retries them and shows each retry as it waits); null: use {@code client}
     */
    public CosmosConnection(ConnectionProfile profile, CosmosAsyncClient client,
            java.util.function.Supplier<CosmosAsyncClient> unretried) {
        this(profile, client, unretried, null);
    }

    /**
     * @param credentials what the client signed in with, kept so that Azure Resource Manager can sign in the same
     *        way (Microsoft Entra ID only); null when unknown
     */
    public CosmosConnection(ConnectionProfile profile, CosmosAsyncClient client,
            java.util.function.Supplier<CosmosAsyncClient> unretried, Credentials credentials) {
        this.profile = Objects.requireNonNull(profile);
        this.client = Objects.requireNonNull(client);
        this.unretriedFactory = unretried;
        this.credentials = credentials;
    }

    /** The Microsoft Entra ID credential this connection signed in with; empty for keys (and when unknown). */
    public java.util.Optional<com.azure.core.credential.TokenCredential> entraCredential() {
        return credentials instanceof Credentials.Entra entra ? java.util.Optional.of(entra.credential())
                : java.util.Optional.empty();
    }

    /** Whether {@link #containerWithoutThrottlingRetries} answers a 429 at once (else the shared client retried). */
    public boolean retriesThrottlingItself() {
        return unretriedFactory == null;
    }

    /**
     * The container through a client that gives a throttled request (429) back at once instead of retrying it, so
     * the caller can retry and say so while it waits; the shared client when there is no such second client.
     */
    public CosmosAsyncContainer containerWithoutThrottlingRetries(ContainerRef ref) {
        requireOpen();
        if (unretriedFactory == null) {
            return container(ref);
        }
        CosmosAsyncClient second = unretried;
        if (second == null) {
            synchronized (this) {
                if (unretried == null) {
                    unretried = unretriedFactory.get();
                }
                second = unretried;
            }
            if (closed.get()) {
                second.close();
                requireOpen();
            }
        }
        CosmosAsyncClient chosen = second;
        return unretriedContainers.computeIfAbsent(ref,
                r -> chosen.getDatabase(r.databaseId()).getContainer(r.containerId()));
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public CosmosAsyncClient client() {
        requireOpen();
        return client;
    }

    public CosmosAsyncContainer container(ContainerRef ref) {
        requireOpen();
        return containers.computeIfAbsent(ref,
                r -> client.getDatabase(r.databaseId()).getContainer(r.containerId()));
    }

    /** Throws the read-only error for a write on a read-only connection; services call it before every write. */
    public void requireWritable() {
        if (profile.readOnly()) {
            throw new CosmosDeskException(ErrorKind.READ_ONLY,
                    "\"" + profile.name() + "\" is a read-only connection: changes are not allowed.");
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new CosmosDeskException(ErrorKind.UNREACHABLE, "This connection was closed. Connect again.");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            containers.clear();
            client.close();
            unretriedContainers.clear();
            CosmosAsyncClient second;
            synchronized (this) {
                second = unretried;
            }
            if (second != null) {
                second.close();
            }
        }
    }
}
