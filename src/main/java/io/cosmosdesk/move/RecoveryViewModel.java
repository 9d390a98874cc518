package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Unfinished move jobs found at start-up, each offered Resume or Roll back. Either finishes the job so every
 * item exists exactly once; the view shows the resulting report.
 */
public final class RecoveryViewModel {

    /** Opens the container a job ran on (connecting with its saved connection); supplied by the app. */
    @FunctionalInterface
    public interface ContainerOpener {
        ContainerHandle open(MoveJobSummary job) throws Exception;
    }

    // ---- Properties
    private final ObservableList<MoveJobSummary> jobs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<MoveReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");

    private final MoveService service;
    private final TaskRunner tasks;
    private final ContainerOpener opener;

    public RecoveryViewModel(MoveService service, TaskRunner tasks, ContainerOpener opener) {
        this.service = service;
        this.tasks = tasks;
        this.opener = opener;
    }

    public ObservableList<MoveJobSummary> jobs() {
        return jobs;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MoveReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    // ---- Commands

    /** Looks for unfinished jobs (call at start-up; the dialog opens only when there are some). */
    public void load() {
        load(job -> true);
    }

    /** Looks for the unfinished jobs that {@code offered} accepts (e.g. those of the connection just opened). */
    public void load(java.util.function.Predicate<MoveJobSummary> offered) {
        busy.set(true);
        tasks.start(BackgroundTask.of("Looking for unfinished moves",
                        ctx -> service.findUnfinishedJobs().stream().filter(offered).toList())
                .onSuccess(jobs::setAll)
                .onFailure(error -> errorMessage.set(CosmosErrors.classify(error).userMessage()))
                .onFinally(() -> busy.set(false)));
    }

    public void resume(MoveJobSummary job) {
        finish(job, false);
    }

    public void rollBack(MoveJobSummary job) {
        finish(job, true);
    }

    /** Resume is not offered once a roll back started, nor for a damaged journal. */
    public static boolean canResume(MoveJobSummary job) {
        return job.problem() == null && !job.rollingBack();
    }

    public static boolean canRollBack(MoveJobSummary job) {
        return job.problem() == null;
    }

    private void finish(MoveJobSummary job, boolean rollBack) {
        if (busy.get() || (rollBack ? !canRollBack(job) : !canResume(job))) {
            return;
        }
        busy.set(true);
        errorMessage.set("");
        statusText.set((rollBack ? "Rolling back " : "Resuming ") + job.describe() + "…");
        tasks.start(BackgroundTask.of(rollBack ? "Rolling back a move" : "Resuming a move", ctx -> {
                    ContainerHandle handle = opener.open(job);
                    MoveControl control = new MoveControl(p -> ctx.progress(p.fraction(), p.status()));
                    return rollBack ? service.rollBackJob(handle, job.jobId(), control)
                            : service.resumeJob(handle, job.jobId(), control);
                })
                .onProgress((fraction, message) -> statusText.set(String.format("%s %.0f%%", rollBack
                        ? "Rolling back…" : "Resuming…", fraction * 100)))
                .onSuccess(report -> {
                    lastReport.set(report);
                    statusText.set(report.message());
                    if (report.status() != MoveReport.Status.INTERRUPTED) {
                        jobs.remove(job);
                    }
                })
                .onFailure(error -> errorMessage.set(CosmosErrors.classify(error).userMessage()))
                .onFinally(() -> busy.set(false)));
    }
}
