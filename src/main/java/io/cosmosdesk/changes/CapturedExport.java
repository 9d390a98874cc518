package io.cosmosdesk.changes;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Exports what a Live changes tab captured to JSON Lines in the background, saying how it went. */
final class CapturedExport {

    private final CapturedRows captured;
    private final TaskRunner taskRunner;

    // Properties
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();

    CapturedExport(CapturedRows captured, TaskRunner taskRunner) {
        this.captured = captured;
        this.taskRunner = taskRunner;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** Writes every captured row still kept (including those waiting while paused) to {@code file}, one per line. */
    void exportTo(Path file) {
        List<ChangeRow> rows = captured.snapshot();
        long olderNotKept = captured.droppedCount();
        exporting.set(true);
        message.set(String.format(java.util.Locale.ROOT, "Exporting %,d changes…", rows.size()));
        taskRunner.start(BackgroundTask.of("Exporting changes", ctx -> ChangesExport.writeJsonLines(rows, file, ctx))
                .onSuccess(count -> message.set(String.format(java.util.Locale.ROOT, "Exported %,d %s to %s%s", count,
                        count == 1 ? "change" : "changes", file.getFileName(), olderNotKept > 0
                        ? String.format(java.util.Locale.ROOT, " (%,d older ones were no longer kept).", olderNotKept)
                        : ".")))
                .onFailure(error -> message.set("Could not export to " + file + ": " + error.getMessage()))
                .onFinally(() -> exporting.set(false)));
    }
}
