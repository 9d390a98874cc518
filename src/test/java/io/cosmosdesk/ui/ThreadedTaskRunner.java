package io.cosmosdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task runner for integration tests without a JavaFX toolkit: the app's own {@link FxTaskRunner} (same delivery
 * rules) over one "UI" thread of its own instead of JavaFX's; {@link #inNextFrame} runs there about one frame later.
 * Tests touch view-models only through {@link #onUi}/{@link #onUiGet}.
 */
public final class ThreadedTaskRunner implements TaskRunner, AutoCloseable {

    private final ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-ui");
        thread.setDaemon(true);
        return thread;
    });
    private final FxTaskRunner runner = new FxTaskRunner(this::nowOrLater, ui::execute,
            action -> ui.schedule(action, 16, TimeUnit.MILLISECONDS), "test-task-");
    private volatile Thread uiThread;

    public ThreadedTaskRunner() {
        onUi(() -> uiThread = Thread.currentThread());
    }

    private void nowOrLater(Runnable action) {
        if (Thread.currentThread() == uiThread) {
            action.run();
        } else {
            ui.execute(action);
        }
    }

    @Override
    public <T> TaskHandle start(BackgroundTask<T> task) {
        return runner.start(task);
    }

    @Override
    public void inNextFrame(Runnable action) {
        runner.inNextFrame(action);
    }

    @Override
    public void inFrameAfter(java.time.Duration delay, Runnable action) {
        ui.schedule(action, Math.max(16, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void betweenFramesAfter(java.time.Duration delay, Runnable action) {
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
        runner.shutdown();
        ui.shutdownNow();
    }

    @Override
    public void close() {
        shutdown();
    }
}
