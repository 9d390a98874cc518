package io.cosmosdesk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs tasks synchronously on the calling thread, for view-model tests without a JavaFX toolkit.
 * {@link #deferred()} instead queues them so a test can finish them in any order (stale-answer tests).
 */
public final class ImmediateTaskRunner implements TaskRunner {

    private final boolean defer;
    private final List<Pending<?>> queue = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    private ImmediateTaskRunner(boolean defer) {
        this.defer = defer;
    }

    public static ImmediateTaskRunner immediate() {
        return new ImmediateTaskRunner(false);
    }

    public static ImmediateTaskRunner deferred() {
        return new ImmediateTaskRunner(true);
    }

    @Override
    public <T> TaskHandle start(BackgroundTask<T> task) {
        started.add(task.title());
        Pending<T> pending = new Pending<>(task);
        if (defer) {
            queue.add(pending);
        } else {
            pending.run();
        }
        return pending;
    }

    /** Titles of every task started so far. */
    public List<String> startedTitles() {
        return List.copyOf(started);
    }

    public int pendingCount() {
        return (int) queue.stream().filter(p -> !p.isDone()).count();
    }

    /** Runs the queued task at {@code index} (in start order) now. */
    public void runPending(int index) {
        queue.get(index).run();
    }

    public void runAllPending() {
        for (Pending<?> pending : List.copyOf(queue)) {
            pending.run();
        }
    }

    @Override
    public void shutdown() {
    }

    private static final class Pending<T> implements TaskHandle, TaskContext {
        private final BackgroundTask<T> task;
        private boolean cancelled;
        private boolean done;

        Pending(BackgroundTask<T> task) {
            this.task = task;
        }

        void run() {
            if (done) {
                return;
            }
            if (cancelled) {
                done = true;
                task.cancelled();
                return;
            }
            T result;
            try {
                result = task.call(this);
            } catch (java.util.concurrent.CancellationException e) {
                done = true;
                task.cancelled();
                return;
            } catch (Exception e) {
                done = true;
                task.failed(e);
                return;
            }
            done = true;
            task.succeeded(result);
        }

        @Override
        public void cancel() {
            if (!done) {
                cancelled = true;
                done = true;
                task.cancelled();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void progress(double fraction, String message) {
            task.progressed(fraction, message);
        }

        @Override
        public void publish(Object update) {
            task.updated(update);
        }
    }
}
