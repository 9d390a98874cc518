package io.cosmosdesk.jobs;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of long jobs (exports, imports, copies, moves, bulk deletes), shown by the Jobs panel. A
 * feature either starts its work here ({@link #start}: it runs through the TaskRunner, its progress and outcome
 * are shown, Cancel cancels it), or registers a job it runs itself ({@link #track}). Jobs keep running when the
 * panel is closed. FX thread only (tests: the immediate TaskRunner's thread).
 */
public final class Jobs implements JobTracker {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** Turns a failure into the sentence a finished job shows. */
    public interface FailureText {
        String sentence(Throwable failure);
    }

    private final TaskRunner tasks;
    private final Clock clock;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    private final ObservableList<Job> readOnly = FXCollections.unmodifiableObservableList(jobs);
    private final List<Consumer<Job>> startListeners = new ArrayList<>();
    private final List<Consumer<Job>> trackListeners = new ArrayList<>();

    public Jobs(TaskRunner tasks) {
        this(tasks, Clock.systemUTC());
    }

    Jobs(TaskRunner tasks, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = clock;
    }

    /** Every job of this session, newest first. */
    public ObservableList<Job> jobs() {
        return readOnly;
    }

    /** Told of every job {@link #start}ed here, as it starts (the Jobs panel opens itself in front). */
    public void onJobStarted(Consumer<Job> listener) {
        startListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Told of every job {@link #track}ed here, as it starts: its caller shows its progress where the user started it
     * (the move dialog, the grid's delete bar), so the Jobs panel must not take the front from it.
     */
    public void onJobTracked(Consumer<Job> listener) {
        trackListeners.add(Objects.requireNonNull(listener));
    }

    public long running() {
        return jobs.stream().filter(job -> job.state() == JobState.RUNNING).count();
    }

    /**
     * Runs {@code work} in the background as a job. Its {@code TaskContext.progress(fraction, message)} calls are
     * the job's progress line; its result becomes the job's outcome; a failure shows {@code failureText}'s
     * sentence; Cancel cancels the task (its context turns cancelled, its thread is interrupted).
     *
     * @param kind "Export", "Import", "Copy" …
     * @param title what it works on, e.g. {@code retail/orders → orders.jsonl}
     */
    public <T> Job start(String kind, String title, BackgroundTask.Work<T> work,
            Function<? super T, JobOutcome> outcome, FailureText failureText) {
        AtomicReference<TaskHandle> handle = new AtomicReference<>(TaskHandle.NONE);
        Job job = new Job(kind, title, () -> handle.get().cancel(), clock);
        add(job);
        handle.set(tasks.start(BackgroundTask.of(kind + " " + title, work)
                .onProgress(job::progressed)
                .onSuccess(result -> {
                    JobOutcome done = outcome.apply(result);
                    job.finish(JobState.DONE, done.summary(), done.file());
                })
                .onFailure(error -> {
                    if (error instanceof CancellationException) {
                        job.finish(JobState.CANCELLED, "Cancelled.", null);
                    } else {
                        job.finish(JobState.FAILED, failureText.sentence(error), null);
                    }
                })
                .onCancelled(() -> job.finish(JobState.CANCELLED, "Cancelled.", null))));
        return job;
    }

    /** {@link #start} with the usual failure sentence ({@link #sentenceOf}). */
    public <T> Job start(String kind, String title, BackgroundTask.Work<T> work,
            Function<? super T, JobOutcome> outcome) {
        return start(kind, title, work, outcome, Jobs::sentenceOf);
    }

    /**
     * Registers a job the caller runs itself; it reports through the handle.
     *
     * @param cancel what Cancel does (asks the work to stop); the job stays running until the handle says how it ended
     */
    @Override
    public JobHandle track(String kind, String title, Runnable cancel) {
        return track(kind, title, cancel, trackListeners);
    }

    @Override
    public JobHandle trackInFront(String kind, String title, Runnable cancel) {
        return track(kind, title, cancel, startListeners);
    }

    private JobHandle track(String kind, String title, Runnable cancel, List<Consumer<Job>> listeners) {
        Job job = new Job(kind, title, cancel, clock);
        add(job, listeners);
        return new JobHandle() {
            @Override
            public Job job() {
                return job;
            }

            @Override
            public void progress(double fraction, String status) {
                job.progressed(fraction, status);
            }

            @Override
            public void succeeded(JobOutcome outcome) {
                job.finish(JobState.DONE, outcome.summary(), outcome.file());
            }

            @Override
            public void failed(String sentence, Path report) {
                job.finish(JobState.FAILED, sentence, report);
            }

            @Override
            public void cancelled(String sentence) {
                job.finish(JobState.CANCELLED, sentence, null);
            }
        };
    }

    /** Opens the folder of a job's file in the system's file manager, off the FX thread. */
    public void showFolderOf(Path file) {
        tasks.start(BackgroundTask.of("Opening the folder of " + file.getFileName(), context -> {
            FileReveal.showFolderOf(file);
            return null;
        }));
    }

    /** Removes finished jobs from the list (running ones stay). */
    public void clearFinished() {
        jobs.removeIf(job -> job.state().finished());
    }

    /** Cancels every running job (on quit). */
    public void cancelAll() {
        List.copyOf(jobs).forEach(Job::cancel);
    }

    private void add(Job job) {
        add(job, startListeners);
    }

    private void add(Job job, List<Consumer<Job>> listeners) {
        jobs.add(0, job);
        for (Consumer<Job> listener : listeners) {
            try {
                listener.accept(job);
            } catch (RuntimeException e) {
                LOG.warn("A job-start listener failed", e);
            }
        }
    }

    /** The sentence for a failure: a {@link CosmosDeskException}'s, an exception's own message, or a general one. */
    public static String sentenceOf(Throwable error) {
        if (error instanceof CosmosDeskException cosmos) {
            return cosmos.userMessage();
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return "It stopped: " + error.getClass().getSimpleName() + ". The details are in the log.";
        }
        return message;
    }
}
