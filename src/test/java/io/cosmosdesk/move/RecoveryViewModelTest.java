package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryViewModelTest {

    private final MoveService service = mock(MoveService.class);
    private final ContainerHandle handle = mock(ContainerHandle.class);

    private static MoveJobSummary job(String id, boolean rollingBack, String problem) {
        return new MoveJobSummary(id, Path.of(id + ".jsonl"), "Orders", "https://localhost:8081",
                new ContainerRef("shop", "orders"), "\"t\"",
                Instant.now(), 1000, 400, 100, rollingBack, problem);
    }

    private static MoveReport report(MoveReport.Status status) {
        return new MoveReport("j1", status, "Done: 1000 moved.", List.of(), Duration.ZERO, 0, Path.of("j1.jsonl"));
    }

    @Test
    void listsUnfinishedJobsAndResumesOne() {
        MoveJobSummary job = job("j1", false, null);
        when(service.findUnfinishedJobs()).thenReturn(List.of(job, job("j2", false, null)));
        when(service.resumeJob(eq(handle), eq("j1"), any())).thenReturn(report(MoveReport.Status.COMPLETED));
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(), j -> handle);
        vm.load();
        assertThat(vm.jobs()).hasSize(2);

        vm.resume(job);
        assertThat(vm.jobs()).extracting(MoveJobSummary::jobId).containsExactly("j2");
        assertThat(vm.statusTextProperty().get()).isEqualTo("Done: 1000 moved.");
        assertThat(vm.lastReportProperty().get().status()).isEqualTo(MoveReport.Status.COMPLETED);
    }

    @Test
    void rollsBackAndOffersOnlyRollBackOnceStarted() {
        MoveJobSummary rolling = job("j1", true, null);
        when(service.findUnfinishedJobs()).thenReturn(List.of(rolling));
        when(service.rollBackJob(eq(handle), eq("j1"), any())).thenReturn(report(MoveReport.Status.ROLLED_BACK));
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(), j -> handle);
        vm.load();
        assertThat(RecoveryViewModel.canResume(rolling)).isFalse();
        vm.resume(rolling);
        verify(service, never()).resumeJob(any(), any(), any());
        vm.rollBack(rolling);
        assertThat(vm.jobs()).isEmpty();
    }

    @Test
    void anInterruptedRecoveryKeepsTheJobListed() {
        MoveJobSummary job = job("j1", false, null);
        when(service.findUnfinishedJobs()).thenReturn(List.of(job));
        when(service.resumeJob(any(), any(), any())).thenReturn(report(MoveReport.Status.INTERRUPTED));
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(), j -> handle);
        vm.load();
        vm.resume(job);
        assertThat(vm.jobs()).containsExactly(job);
    }

    @Test
    void failuresToConnectShowTheirSentenceAndDamagedJournalsOfferNothing() {
        MoveJobSummary job = job("j1", false, null);
        RecoveryViewModel vm = new RecoveryViewModel(service, ImmediateTaskRunner.immediate(), j -> {
            throw new CosmosDeskException(ErrorKind.UNAUTHORIZED, "The account rejected the credentials.");
        });
        vm.resume(job);
        assertThat(vm.errorMessageProperty().get()).isEqualTo("The account rejected the credentials.");
        assertThat(vm.busyProperty().get()).isFalse();

        MoveJobSummary damaged = job("j3", false, "damaged at line 7");
        assertThat(RecoveryViewModel.canResume(damaged)).isFalse();
        assertThat(RecoveryViewModel.canRollBack(damaged)).isFalse();
    }
}
