package io.cosmosdesk.transfer;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The caller's side of a running import or copy: asks it to stop and hears its progress (on the job's thread).
 * Cancel lets the batch in flight finish, then the job ends with the rest not attempted.
 */
public final class ImportControl {

    private volatile boolean cancelRequested;
    private final Consumer<ImportProgress> progress;

    public ImportControl(Consumer<ImportProgress> progress) {
        this.progress = Objects.requireNonNull(progress);
    }

    public static ImportControl none() {
        return new ImportControl(p -> { });
    }

    public void requestCancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    void report(ImportProgress update) {
        progress.accept(update);
    }
}
