package io.cosmosdesk.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One long job as the Jobs panel shows it (an export, an import, a copy, a move, a bulk delete). Its properties
 * change on the FX thread only: through {@link Jobs#start}'s task callbacks, or through the {@link JobHandle} of a
 * job a feature runs itself.
 */
public final class Job {

    private final String kind;
    private final String title;
    private final Instant started;
    private final Clock clock;
    private final Runnable cancel;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state", JobState.RUNNING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting…");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(this, "elapsed");
    private final ReadOnlyObjectWrapper<FollowUp> followUp = new ReadOnlyObjectWrapper<>(this, "followUp");

    /** Something the user can do with a finished job, shown as a button on its entry (a patch's "Undo"). */
    public record FollowUp(String label, Runnable action) {
    }

    Job(String kind, String title, Runnable cancel, Clock clock) {
        this.kind = kind;
        this.title = title;
        this.cancel = cancel;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** "Export", "Import", "Copy", "Move", "Delete". */
    public String kind() {
        return kind;
    }

    /** What it works on: {@code retail/orders → orders.jsonl}. */
    public String title() {
        return title;
    }

    public Instant started() {
        return started;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState state() {
        return state.get();
    }

    /** In [0, 1], or negative while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** While running: items, size, rate, time left. Once finished: the outcome's sentence, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The file it made or its report, once finished; null when none. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** How long it ran, once finished. */
    public ReadOnlyObjectProperty<Duration> elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** The follow-up the job's entry offers, or null. */
    public ReadOnlyObjectProperty<FollowUp> followUpProperty() {
        return followUp.getReadOnlyProperty();
    }

    /** Offers {@code action} on the job's entry under {@code label}; null withdraws it. FX thread. */
    public void offer(FollowUp action) {
        followUp.set(action);
    }

    /** Asks the job to stop; it ends as {@link JobState#CANCELLED} once its work has cleaned up. */
    public void cancel() {
        if (state.get() == JobState.RUNNING) {
            status.set("Cancelling…");
            cancel.run();
        }
    }

    void progressed(double fraction, String message) {
        if (state.get() != JobState.RUNNING) {
            return;
        }
        progress.set(fraction);
        if (message != null && !message.isBlank() && !"Cancelling…".equals(status.get())) {
            status.set(message);
        }
    }

    void finish(JobState end, String sentence, Path result) {
        if (state.get() != JobState.RUNNING) {
            return;
        }
        elapsed.set(Duration.between(started, clock.instant()));
        if (end == JobState.DONE) {
            progress.set(1);
        }
        status.set(sentence);
        file.set(result);
        state.set(end);
    }
}
