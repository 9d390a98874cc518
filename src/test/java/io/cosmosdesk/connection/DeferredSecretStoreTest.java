package io.cosmosdesk.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The keychain probe: not before the app asks (it competes with the window's start), and exactly once. */
class DeferredSecretStoreTest {

    private final AtomicInteger probes = new AtomicInteger();
    private final CountDownLatch probed = new CountDownLatch(1);

    private SecretStore probe() {
        probes.incrementAndGet();
        probed.countDown();
        return new NoSecretStore();
    }

    @Test
    void aStoreNotStartedProbesOnlyOnceStartedAndOnlyOnce() throws InterruptedException {
        DeferredSecretStore store = DeferredSecretStore.notStarted(this::probe);
        assertEquals(0, probes.get(), "probed before start()");

        store.start();
        store.start();
        assertTrue(probed.await(10, TimeUnit.SECONDS), "no probe after start()");
        assertEquals(new NoSecretStore().description(), store.description());
        assertEquals(1, probes.get());
    }

    @Test
    void theFirstUseStartsAProbeNobodyStarted() {
        DeferredSecretStore store = DeferredSecretStore.notStarted(this::probe);

        // would wait for ever if the first use did not start the probe itself
        boolean available = assertTimeoutPreemptively(Duration.ofSeconds(10),
                store::isAvailable);
        assertEquals(new NoSecretStore().isAvailable(), available);
        assertEquals(1, probes.get());
    }

    @Test
    void theConstructorStillProbesAtOnce() throws InterruptedException {
        new DeferredSecretStore(this::probe);
        assertTrue(probed.await(10, TimeUnit.SECONDS), "the constructor did not start the probe");
    }
}
