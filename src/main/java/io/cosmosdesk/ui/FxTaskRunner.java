package io.cosmosdesk.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a pool of daemon threads and delivers callbacks on the JavaFX application thread.
 * The only class in CosmosDesk that calls {@link Platform#runLater}. Tests without a JavaFX toolkit build it over a
 * UI thread of their own ({@link #FxTaskRunner(Executor, Executor, Consumer, String)}), so they run the same
 * delivery rules (callbacks once, cancellation at once, progress coalesced) as the app.
 */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    /** Runs on the UI thread now when already there, otherwise later (callbacks that end a task). */
    private final Executor uiNowOrLater;
    /** Runs on the UI thread later, always queued (progress and updates). */
    private final Executor uiLater;
    private final Consumer<Runnable> nextFrame;

    public FxTaskRunner() {
        this(FxTaskRunner::onUiThread, Platform::runLater, FxTaskRunner::inNextPulse, "cosmosdesk-task-");
    }

    /**
     * A runner that delivers on another UI thread than JavaFX's, for tests without a toolkit.
     *
     * @param uiNowOrLater runs an action on the UI thread, at once when called there
     * @param uiLater queues an action on the UI thread
     * @param nextFrame runs an action on the UI thread about one frame later
     * @param threadPrefix the name of the work threads, before their number
     */
    public FxTaskRunner(Executor uiNowOrLater, Executor uiLater, Consumer<Runnable> nextFrame, String threadPrefix) {
        this.uiNowOrLater = uiNowOrLater;
        this.uiLater = uiLater;
        this.nextFrame = nextFrame;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, threadPrefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(threads);
    }

    /** Runs {@code action} on the UI thread: now if already there, otherwise later. */
    public static void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs {@code action} on the UI thread after the event being handled now: for UI code that must let JavaFX finish
     * what it is doing first (a window re-enabled once its dialog is hidden, say).
     */
    public static void afterThisEvent(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public <T> TaskHandle start(BackgroundTask<T> task) {
        FxHandle<T> handle = new FxHandle<>(task, uiNowOrLater, uiLater);
        handle.future = executor.submit(handle::runInBackground);
        return handle;
    }

    @Override
    public void inFrameAfter(java.time.Duration delay, Runnable action) {
        if (delay.isZero() || delay.isNegative()) {
            inNextFrame(action);
            return;
        }
        inFirstPulseAfter(delay, action);
    }

    @Override
    public void betweenFramesAfter(java.time.Duration delay, Runnable action) {
        // queued behind the pulse that finds it due: it runs after that pulse, before the next one
        inFirstPulseAfter(delay, () -> uiLater.execute(action));
    }

    /** Runs {@code action} in the animation timers of the first pulse at least {@code delay} from now. */
    private static void inFirstPulseAfter(java.time.Duration delay, Runnable action) {
        long due = System.nanoTime() + delay.toNanos();
        onUiThread(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (System.nanoTime() >= due) {
                    stop();
                    action.run();
                }
            }
        }.start());
    }

    @Override
    public void inNextFrame(Runnable action) {
        nextFrame.accept(action);
    }

    private static void inNextPulse(Runnable action) {
        onUiThread(() -> new AnimationTimer() {
            private boolean skippedCurrent;

            @Override
            public void handle(long now) {
                // the first call can come in the pulse that is about to lay out the change just made
                if (!skippedCurrent) {
                    skippedCurrent = true;
                    return;
                }
                stop();
                action.run();
            }
        }.start());
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class FxHandle<T> implements TaskHandle, TaskContext {
        private final BackgroundTask<T> task;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        /** Latest progress not yet shown; null when the UI thread has caught up. */
        private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        private volatile String pendingMessage = "";
        private volatile Future<?> future;
        private final Executor uiNowOrLater;
        private final Executor uiLater;

        FxHandle(BackgroundTask<T> task, Executor uiNowOrLater, Executor uiLater) {
            this.task = task;
            this.uiNowOrLater = uiNowOrLater;
            this.uiLater = uiLater;
        }

        void runInBackground() {
            try {
                T result = task.call(this);
                finish(() -> task.succeeded(result));
            } catch (CancellationException e) {
                finish(task::cancelled);
            } catch (Throwable error) {
                if (cancelled.get()) {
                    finish(task::cancelled);
                } else {
                    LOG.debug("Task '{}' failed", task.title(), error);
                    finish(() -> task.failed(error));
                }
            }
        }

        private void finish(Runnable callback) {
            uiNowOrLater.execute(() -> {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                if (cancelled.get()) {
                    task.cancelled();
                } else {
                    callback.run();
                }
            });
        }

        @Override
        public void cancel() {
            if (done.get() || !cancelled.compareAndSet(false, true)) {
                return;
            }
            Future<?> running = future;
            if (running != null) {
                running.cancel(true);
            }
            // deliver the cancellation at once: the work may take a while to notice
            uiNowOrLater.execute(() -> {
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
            pendingMessage = message;
            if (pendingFraction.getAndSet(new double[] {fraction}) == null) {
                uiLater.execute(() -> {
                    double[] latest = pendingFraction.getAndSet(null);
                    if (latest != null && !done.get()) {
                        task.progressed(latest[0], pendingMessage);
                    }
                });
            }
        }

        @Override
        public void publish(Object update) {
            uiLater.execute(() -> {
                if (!done.get()) {
                    task.updated(update);
                }
            });
        }
    }
}
