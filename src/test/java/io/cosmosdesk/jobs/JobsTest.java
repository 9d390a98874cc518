package io.cosmosdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jobs registry without a toolkit: progress, outcome, failure sentences, cancel, tracked jobs. */
class JobsTest {

    @Test
    void aJobShowsItsProgressThenItsOutcomeAndFile() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
        Jobs jobs = new Jobs(tasks);
        List<String> statuses = new ArrayList<>();
        List<Job> started = new ArrayList<>();
        jobs.onJobStarted(started::add);

        Job job = jobs.start("Export", "retail/orders → orders.jsonl", context -> {
            context.progress(0.5, "500 of 1,000 items");
            return Path.of("/tmp/orders.jsonl");
        }, file -> new JobOutcome("1,000 items to " + file, file));
        job.statusProperty().addListener((obs, old, now) -> statuses.add(now));

        assertThat(started).containsExactly(job);
        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.statusProperty().get()).isEqualTo("1,000 items to /tmp/orders.jsonl");
        assertThat(job.fileProperty().get()).isEqualTo(Path.of("/tmp/orders.jsonl"));
        assertThat(job.elapsedProperty().get()).isNotNull();
        assertThat(jobs.running()).isZero();
    }

    @Test
    void progressArrivesWhileRunning() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        Jobs jobs = new Jobs(tasks);
        List<String> statuses = new ArrayList<>();
        Job job = jobs.start("Export", "x", context -> {
            context.progress(0.25, "250 of 1,000 items");
            return null;
        }, result -> JobOutcome.of("done"));
        job.statusProperty().addListener((obs, old, now) -> statuses.add(now));
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(jobs.running()).isEqualTo(1);

        tasks.runAllPending();

        assertThat(statuses).containsExactly("250 of 1,000 items", "done");
    }

    @Test
    void aFailureShowsItsSentenceAndCancelEndsTheJobAsCancelled() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        Jobs jobs = new Jobs(tasks);
        Job failing = jobs.start("Export", "a", context -> {
            throw new CosmosDeskException(ErrorKind.THROTTLED);
        }, result -> JobOutcome.of("never"));
        Job cancelled = jobs.start("Export", "b", context -> "x", result -> JobOutcome.of("never"));

        cancelled.cancel();
        tasks.runAllPending();

        assertThat(failing.state()).isEqualTo(JobState.FAILED);
        assertThat(failing.statusProperty().get()).isEqualTo(ErrorKind.THROTTLED.defaultSentence());
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(jobs.jobs()).containsExactly(cancelled, failing); // newest first

        jobs.clearFinished();
        assertThat(jobs.jobs()).isEmpty();
    }

    @Test
    void aTrackedJobReportsThroughItsHandleAndClearKeepsRunningJobs() {
        Jobs jobs = new Jobs(ImmediateTaskRunner.immediate());
        List<String> cancels = new ArrayList<>();
        JobHandle move = jobs.track("Move", "12 items to cust-9", () -> cancels.add("move"));
        JobHandle delete = jobs.track("Delete", "40 items", () -> cancels.add("delete"));

        move.progress(0.5, "6 of 12 moved");
        delete.failed("3 items could not be deleted: throttled.", Path.of("/tmp/report.jsonl"));
        jobs.clearFinished();

        assertThat(jobs.jobs()).containsExactly(move.job());
        assertThat(move.job().statusProperty().get()).isEqualTo("6 of 12 moved");
        jobs.cancelAll();
        assertThat(cancels).containsExactly("move");
        assertThat(move.job().statusProperty().get()).isEqualTo("Cancelling…");
        move.cancelled("Cancelled after 6 of 12 items.");
        assertThat(move.job().state()).isEqualTo(JobState.CANCELLED);
        assertThat(delete.job().fileProperty().get()).isEqualTo(Path.of("/tmp/report.jsonl"));
    }

    @Test
    void aTrackedJobTellsItsOwnListenersNotThoseThatFrontThePanel() {
        Jobs jobs = new Jobs(ImmediateTaskRunner.immediate());
        List<Job> started = new ArrayList<>();
        List<Job> tracked = new ArrayList<>();
        jobs.onJobStarted(started::add);
        jobs.onJobTracked(tracked::add);

        JobHandle move = jobs.track("Move", "3 items of retail/orders", () -> { });

        assertThat(tracked).containsExactly(move.job());
        assertThat(started).isEmpty();
        assertThat(jobs.jobs()).containsExactly(move.job());
    }
}
