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
        // Up to azure-cosmos 4.79 each client ran its endpoint manager on a thread of its own
        // ("cosmos-global-endpoint-mgr"), and this test watched those stop on close. 4.81 runs that work on one
        // daemon scheduler shared by all clients ("global-endpoint-manager-bounded-elastic-N"), like its event
        // loops: no thread belongs to one client any more. What still must hold: after close, every thread that
        // appeared while the clients were open has ended or is a daemon, and no per-client one is left.
        Set<Thread> appeared = liveThreads().stream().filter(thread -> !before.contains(thread))
                .collect(Collectors.toSet());

        first.close();
        second.close();

        for (Thread thread : appeared) {
            if (!thread.isDaemon()) {
                thread.join(10_000);
            }
        }
        assertThat(appeared.stream().filter(Thread::isAlive).filter(t -> t.getName().contains("global-endpoint-mgr")))
                .as("per-client endpoint-manager threads still running after close").isEmpty();
        assertThat(liveThreads().stream().filter(t -> !before.contains(t) && !t.isDaemon()).map(Thread::getName)
                        .toList())
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
