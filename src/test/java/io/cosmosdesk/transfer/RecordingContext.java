package io.cosmosdesk.transfer;

import io.cosmosdesk.ui.TaskContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task context for service tests: records what is published, cancels when told. */
final class RecordingContext implements TaskContext {

    final List<Object> published = new CopyOnWriteArrayList<>();
    volatile boolean cancelled;

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public void publish(Object update) {
        published.add(update);
    }

    ExportProgress lastProgress() {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i) instanceof ExportProgress progress) {
                return progress;
            }
        }
        return null;
    }
}
