package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One shared client per connection, closed on disconnect: no thread may outlive it and keep the JVM up. */
@ExtendWith(CosmosServerExtension.class)
class ConnectionLifecycleIT {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void closingAConnectionStopsItsClientsThreads(LocalCosmosServer server) throws Exception {
        Set<Thread> before = liveThreads();
        CosmosClientFactory factory = new CosmosClientFactory();
        ResourceService resources = new ResourceService();
        CosmosConnection first = factory.open(ConnectionProfile.create("A", AuthKind.EMULATOR, server.endpoint()),
                new Credentials.AccountKey(server.key()));
        CosmosConnection second = factory.open(ConnectionProfile.create("B", AuthKind.EMULATOR, server.endpoint()),
                new Credentials.AccountKey(server.key()));
        resources.readDatabases(first);
        resources.readDatabases(second);
        assertThat(first.client()).isNotSameAs(second.client());
        // each client runs its own endpoint manager; the rest (event loops, schedulers) is shared by the SDK
        Set<Thread> perClient = liveThreads().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().contains("global-endpoint-mgr"))
                .collect(Collectors.toSet());
        assertThat(perClient).as("threads owned by the two open clients").hasSizeGreaterThanOrEqualTo(2);

        first.close();
        second.close();

        for (Thread thread : perClient) {
            thread.join(10_000);
        }
        assertThat(perClient).as("threads still running after close").noneMatch(Thread::isAlive);
        assertThat(liveThreads().stream().filter(t -> !before.contains(t) && !t.isDaemon()).toList())
                .as("non-daemon threads would keep the app from exiting").isEmpty();
        assertThat(first.isClosed()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resources.readDatabases(first))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.userMessage()).contains("closed"));
    }

    @Test
    void containerClientsAreCachedPerConnection(LocalCosmosServer server) {
        try (CosmosConnection connection = new CosmosClientFactory().open(
                ConnectionProfile.create("C", AuthKind.EMULATOR, server.endpoint()),
                new Credentials.AccountKey(server.key()))) {
            io.cosmosdesk.cosmos.ContainerRef ref = new io.cosmosdesk.cosmos.ContainerRef("db", "c");
            assertThat(connection.container(ref)).isSameAs(connection.container(ref));
        }
    }

    @Test
    void aReadOnlyConnectionRefusesWritesInTheServiceLayer(LocalCosmosServer server) {
        try (CosmosConnection connection = new CosmosClientFactory().open(
                ConnectionProfile.create("Prod", AuthKind.EMULATOR, server.endpoint()).withReadOnly(true),
                new Credentials.AccountKey(server.key()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(connection::requireWritable)
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY);
                        assertThat(e.userMessage()).contains("\"Prod\" is a read-only connection");
                    });
        }
    }
}
