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

    public CosmosConnection(ConnectionProfile profile, CosmosAsyncClient client) {
        this.profile = Objects.requireNonNull(profile);
        this.client = Objects.requireNonNull(client);
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
        }
    }
}
