package io.cosmosdesk.ui;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work with its UI-thread callbacks; built fluently, started by a
 * {@link TaskRunner}.
 *
 * <pre>{@code
 * taskRunner.start(BackgroundTask.of("Loading databases", ctx -> service.readDatabases(connection))
 *         .onSuccess(databases::setAll)
 *         .onFailure(this::showError));
 * }</pre>
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    /** Progress delivered on the UI thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(double fraction, String message);
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinally = () -> { };
    private ProgressListener onProgress = (fraction, message) -> { };
    private Consumer<Object> onUpdate = update -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Receives the failure as thrown by the work (services already map SDK errors to {@code CosmosDeskException}). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success, failure or cancellation, e.g. to clear a busy flag. */
    public BackgroundTask<T> onFinally(Runnable callback) {
        this.onFinally = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onProgress(ProgressListener callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    /** Receives what the work {@link TaskContext#publish publishes}, on the UI thread, each one in order. */
    public BackgroundTask<T> onUpdate(Consumer<Object> callback) {
        this.onUpdate = Objects.requireNonNull(callback);
        return this;
    }

    public String title() {
        return title;
    }

    T call(TaskContext context) throws Exception {
        return work.call(context);
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinally.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinally.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinally.run();
        }
    }

    void progressed(double fraction, String message) {
        onProgress.onProgress(fraction, message);
    }

    void updated(Object update) {
        onUpdate.accept(update);
    }
}
