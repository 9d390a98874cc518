package io.cosmosdesk.connection;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Finds the OS keychain in the background: probing it loads native code and talks to a daemon (about
 * a second on Linux), which must not delay the first window. Callers wait only if they need a key
 * before the probe has finished. The app makes it {@linkplain #notStarted not started} and starts the probe once
 * the main window is whole (every part joined its first frame): until then the probe's threads (dbus, reflection,
 * class loading) would compete for the CPU with the UI thread's start. A caller that needs a key earlier starts it.
 */
public final class DeferredSecretStore implements SecretStore {

    private final Supplier<SecretStore> detector;
    /** Where the probe runs; null: CompletableFuture's own asynchronous executor. */
    private final Executor executor;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<SecretStore> detected = new CompletableFuture<>();

    /** Starts the probe at once. */
    public DeferredSecretStore(Supplier<SecretStore> detector) {
        this(detector, null, true);
    }

    private DeferredSecretStore(Supplier<SecretStore> detector, Executor executor, boolean startNow) {
        this.detector = detector;
        this.executor = executor;
        if (startNow) {
            start();
        }
    }

    /** A store whose probe starts at {@link #start()} or at its first use, whichever comes first. */
    public static DeferredSecretStore notStarted(Supplier<SecretStore> detector) {
        return new DeferredSecretStore(detector, null, false);
    }

    /**
     * As {@link #notStarted(Supplier)}, the probe run by {@code executor}: a test that runs it at once learns on
     * which thread and at which moment the probe was started.
     */
    public static DeferredSecretStore notStarted(Supplier<SecretStore> detector, Executor executor) {
        return new DeferredSecretStore(detector, java.util.Objects.requireNonNull(executor), false);
    }

    /** Starts the probe in the background unless it has started; any thread. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            (executor == null ? CompletableFuture.supplyAsync(detector)
                    : CompletableFuture.supplyAsync(detector, executor)).whenComplete((store, failure) -> {
                if (failure != null) {
                    detected.completeExceptionally(failure);
                } else {
                    detected.complete(store);
                }
            });
        }
    }

    private SecretStore store() {
        start();
        try {
            return detected.join();
        } catch (RuntimeException e) {
            return new NoSecretStore();
        }
    }

    @Override
    public boolean isAvailable() {
        return store().isAvailable();
    }

    @Override
    public boolean save(String connectionId, String secret) {
        return store().save(connectionId, secret);
    }

    @Override
    public Optional<String> load(String connectionId) {
        return store().load(connectionId);
    }

    @Override
    public void delete(String connectionId) {
        store().delete(connectionId);
    }

    @Override
    public String description() {
        return store().description();
    }
}
