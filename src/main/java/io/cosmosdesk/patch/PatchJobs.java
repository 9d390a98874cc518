package io.cosmosdesk.patch;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.jobs.JobOutcome;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.TaskContext;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs bulk patches and their undos as Jobs-panel jobs, so they go on while the user keeps working: progress and
 * Cancel in the panel, the report as the job's file, and "Undo" offered on a finished patch's entry (it outlives
 * the dialog). FX thread.
 */
public class PatchJobs {

    private final BulkPatchService service;
    private final Jobs jobs;
    private final Consumer<ContainerHandle> written;

    /** {@code written} hears of a container whose items a job changed (its grid refreshes). */
    public PatchJobs(BulkPatchService service, Jobs jobs, Consumer<ContainerHandle> written) {
        this.service = service;
        this.jobs = jobs;
        this.written = written;
    }

    public BulkPatchService service() {
        return service;
    }

    /**
     * Starts the patch; {@code done} hears its report on the FX thread, {@code failed} the sentence of a failure.
     * A patch that wrote anything offers "Undo this patch" on its entry, also when it was cancelled or failed
     * mid-way (the journal has what it wrote); that undo waits until the patch's work has stopped.
     */
    public Started apply(ContainerHandle handle, PatchScope scope, PatchSpec spec, Consumer<PatchReport> done,
            Consumer<String> failed) {
        String id = BulkPatchService.newJobId();
        Path journal = service.journalOf(id);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean nothingWritten = new java.util.concurrent.atomic.AtomicBoolean();
        Job job = jobs.start("Patch", handle.ref() + " · " + scope.describe(),
                context -> {
                    try {
                        return service.apply(handle, scope, spec, id, control(context));
                    } finally {
                        stopped.complete(null);
                    }
                },
                report -> {
                    written.accept(handle);
                    nothingWritten.set(report.count(PatchOutcome.PATCHED) == 0);
                    done.accept(report);
                    return new JobOutcome(report.summary("Patched"), report.report());
                },
                failure -> {
                    String sentence = Jobs.sentenceOf(failure);
                    failed.accept(sentence);
                    return sentence;
                });
        Runnable offerUndo = () -> {
            if (job.state().finished() && java.nio.file.Files.exists(journal) && job.followUpProperty().get() == null
                    && !nothingWritten.get()) {
                job.offer(new Job.FollowUp("Undo this patch", () -> {
                    job.offer(null);
                    undo(handle, journal, stopped, restored -> { }, sentence -> { });
                }));
            }
        };
        job.stateProperty().addListener((observable, before, now) -> offerUndo.run());
        offerUndo.run(); // a runner that finished it before this line (tests' immediate one)
        return new Started(job, journal);
    }

    /** A started patch: its job and the journal it writes (Undo reads it). */
    public record Started(Job job, Path journal) {
    }

    /** Starts the undo of the patch {@code journal} records. */
    public Job undo(ContainerHandle handle, Path journal, Consumer<PatchReport> done, Consumer<String> failed) {
        return undo(handle, journal, CompletableFuture.completedFuture(null), done, failed);
    }

    private Job undo(ContainerHandle handle, Path journal, CompletableFuture<Void> patchStopped,
            Consumer<PatchReport> done, Consumer<String> failed) {
        return jobs.start("Undo patch", handle.ref() + " · " + journal.getFileName(),
                context -> {
                    patchStopped.join();
                    return service.undo(handle, journal, control(context));
                },
                report -> {
                    written.accept(handle);
                    done.accept(report);
                    return new JobOutcome(report.summary("Restored"), report.report());
                },
                failure -> {
                    String sentence = Jobs.sentenceOf(failure);
                    failed.accept(sentence);
                    return sentence;
                });
    }

    private static BulkPatchService.Control control(TaskContext context) {
        return new BulkPatchService.Control() {
            @Override
            public boolean cancelled() {
                return context.isCancelled();
            }

            @Override
            public void progress(long done, long total, String message) {
                context.progress(total > 0 ? Math.min(1, (double) done / total) : -1, message);
            }
        };
    }
}
