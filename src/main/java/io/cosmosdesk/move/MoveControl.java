package io.cosmosdesk.move;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The caller's side of a running job: asks it to stop and hears its progress (on the job's thread). Cancel
 * is a request: the job finishes the items already in flight, records the rest as not started and ends.
 */
public final class MoveControl {

    private volatile boolean cancelRequested;
    private final Consumer<MoveProgress> progress;

    public MoveControl(Consumer<MoveProgress> progress) {
        this.progress = Objects.requireNonNull(progress);
    }

    public static MoveControl none() {
        return new MoveControl(p -> { });
    }

    public void requestCancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    void report(MoveProgress update) {
        progress.accept(update);
    }
}
