package io.cosmosdesk.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task runner for integration tests without a JavaFX toolkit: work runs on a pool of background threads,
 * callbacks on one "UI" thread of its own (as the FX thread would), and {@link #inNextFrame} runs there about one
 * frame later. Tests touch view-models only through {@link #onUi}/{@link #onUiGet}.
 */
public final class ThreadedTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-task");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-ui");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> TaskHandle start(BackgroundTask<T> task) {
        Handle<T> handle = new Handle<>(task);
        handle.future = workers.submit(handle::run);
        return handle;
    }

    @Override
    public void inNextFrame(Runnable action) {
        ui.schedule(action, 16, TimeUnit.MILLISECONDS);
    }

    @Override
    public void inFrameAfter(java.time.Duration delay, Runnable action) {
        ui.schedule(action, Math.max(16, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code action} on the UI thread and waits for it. */
    public void onUi(Runnable action) {
        onUiGet(() -> {
            action.run();
            return null;
        });
    }

    public <T> T onUiGet(Callable<T> action) {
        try {
            return ui.submit(action).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void shutdown() {
        workers.shutdownNow();
        ui.shutdownNow();
    }

    @Override
    public void close() {
        shutdown();
    }

    private final class Handle<T> implements TaskHandle, TaskContext {
        private final BackgroundTask<T> task;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile java.util.concurrent.Future<?> future;

        Handle(BackgroundTask<T> task) {
            this.task = task;
        }

        void run() {
            try {
                T result = task.call(this);
                finish(() -> task.succeeded(result));
            } catch (CancellationException e) {
                finish(task::cancelled);
            } catch (Throwable error) {
                finish(() -> task.failed(error));
            }
        }

        private void finish(Runnable callback) {
            ui.execute(() -> {
                if (done.compareAndSet(false, true)) {
                    if (cancelled.get()) {
                        task.cancelled();
                    } else {
                        callback.run();
                    }
                }
            });
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true) && future != null) {
                future.cancel(true);
            }
            ui.execute(() -> {
                if (done.compareAndSet(false, true)) {
                    task.cancelled();
                }
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        @Override
        public void progress(double fraction, String message) {
            ui.execute(() -> task.progressed(fraction, message));
        }

        @Override
        public void publish(Object update) {
            ui.execute(() -> task.updated(update));
        }
    }
}
