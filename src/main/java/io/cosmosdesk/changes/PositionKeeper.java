package io.cosmosdesk.changes;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where a Live changes tab stopped, kept for the next time it opens: saved (when it moved) before each round
 * reads on, and when the tab stops or closes. {@link #savedProperty} is the position found on open or last saved.
 */
final class PositionKeeper {

    private final ContainerHandle handle;
    private final FeedPositions positions;
    private final TaskRunner taskRunner;
    private final Clock clock;
    private volatile List<FeedCursor> lastSaved = List.of();

    // Properties
    private final ReadOnlyObjectWrapper<FeedPositions.Saved> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>();

    PositionKeeper(ContainerHandle handle, FeedPositions positions, TaskRunner taskRunner, Clock clock) {
        this.handle = handle;
        this.positions = positions;
        this.taskRunner = taskRunner;
        this.clock = clock;
    }

    /** Where this container's tab stopped last time, or null. */
    ReadOnlyObjectProperty<FeedPositions.Saved> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** When the position was last saved on a stop (or the tab closing); null before. */
    ReadOnlyObjectProperty<Instant> savedAtProperty() {
        return savedAt.getReadOnlyProperty();
    }

    /** Looks for the saved position (background), then tells {@code then} whether there was one. */
    void load(Consumer<Boolean> then) {
        taskRunner.start(BackgroundTask.of("Looking for where live changes stopped", ctx -> positions.load(handle))
                .onSuccess(found -> {
                    saved.set(found.orElse(null));
                    then.accept(found.isPresent());
                })
                .onFailure(error -> then.accept(false)));
    }

    /** A round starts reading from {@code position}: the cursors it starts from are known to be taken. */
    void startingFrom(List<FeedCursor> position) {
        lastSaved = position;
    }

    /** Saves {@code position} when it moved since the last save; blocking (a round's background thread). */
    void saveIfMoved(List<FeedCursor> position, FeedMode feed) throws IOException {
        if (!position.equals(lastSaved)) {
            positions.save(handle, position, clock.instant(), feed);
            lastSaved = position;
        }
    }

    /** Saves {@code position} in the background (the tab stopped or closes); errors go to {@code failed}. */
    void save(List<FeedCursor> position, FeedMode feed, Consumer<String> failed) {
        if (position.isEmpty()) {
            return;
        }
        try {
            taskRunner.start(BackgroundTask.of("Saving where live changes stopped", ctx -> {
                saveIfMoved(position, feed);
                return clock.instant();
            }).onSuccess(at -> {
                savedAt.set(at);
                saved.set(new FeedPositions.Saved(at, position, feed));
            }).onFailure(error -> failed.accept("Could not save where live changes stopped: " + error.getMessage())));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the app is shutting down: the position of the last save stays
        }
    }
}
