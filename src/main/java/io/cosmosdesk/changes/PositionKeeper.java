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
 * Where a Live changes tab stopped, kept for the next time it opens: saved (when it moved) while reading at most
 * every {@link #WHILE_READING_EVERY}, and always when the tab stops or closes. {@link #savedProperty} is the position
 * found on open or last saved.
 */
final class PositionKeeper {

    private final ContainerHandle handle;
    private final FeedPositions positions;
    private final TaskRunner taskRunner;
    private final Clock clock;
    /**
     * While reading, the position is saved at most this often: each save is a file written and forced to disk, too
     * slow to do before every round under thousands of changes a second (a round is then tens of milliseconds). After
     * a crash the tab reads at most this much again: changes shown twice, none skipped.
     */
    static final java.time.Duration WHILE_READING_EVERY = java.time.Duration.ofSeconds(5);

    private volatile List<FeedCursor> lastSaved = List.of();
    private volatile Instant lastSavedAt = Instant.MIN;

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

    /**
     * Before a round reads on (its background thread): saves {@code position} when it moved and the last save is
     * {@link #WHILE_READING_EVERY} old.
     */
    void saveWhileReading(List<FeedCursor> position, FeedMode feed) throws IOException {
        if (!clock.instant().isBefore(lastSavedAt.plus(WHILE_READING_EVERY))) {
            saveIfMoved(position, feed);
        }
    }

    /** Saves {@code position} when it moved since the last save; blocking (a background thread). */
    void saveIfMoved(List<FeedCursor> position, FeedMode feed) throws IOException {
        if (!position.equals(lastSaved)) {
            Instant now = clock.instant();
            positions.save(handle, position, now, feed);
            lastSaved = position;
            lastSavedAt = now;
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
