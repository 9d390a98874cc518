package io.cosmosdesk.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Undo a patch…" after a restart: the patches of the container are found in the data folder (not in memory), Undo
 * runs on the picked journal, a read-only connection is refused; old journals and reports are pruned.
 */
class PastPatchesViewModelTest {

    @TempDir
    Path folder;

    private final ConnectionProfile local = ConnectionProfile.create("Local", AuthKind.EMULATOR,
            "https://localhost:8081");
    private final PatchSpec spec = new PatchSpec(List.of(PatchOp.parse("set", "/status", "\"archived\"")),
            null);

    private ContainerHandle handle(ConnectionProfile profile, String container) {
        return new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", container), List.of("/customerId"), false, null));
    }

    private Path journal(String job, ContainerHandle on, boolean ended) throws Exception {
        try (PatchJournal journal = PatchJournal.create(folder, job, on, spec, "2 selected items")) {
            if (ended) {
                journal.end("done");
            }
            return journal.file();
        }
    }

    private PatchJobs jobs() {
        PatchJobs jobs = mock(PatchJobs.class);
        when(jobs.service()).thenReturn(new BulkPatchService(folder, null));
        return jobs;
    }

    @Test
    void listsThisContainersKeptPatchesNewestFirstAndUndoesThePickedOne() throws Exception {
        ContainerHandle orders = handle(local, "orders");
        Path older = journal("patch-20261201-100000-aaaaaaaa", orders, true);
        Path crashed = journal("patch-20261205-100000-bbbbbbbb", orders, false);
        journal("patch-20261206-100000-cccccccc", handle(local, "customers"), true);
        Files.writeString(folder.resolve("patch-20261201-100000-aaaaaaaa-undo-20261202-090000.report.jsonl"), "");
        PatchJobs jobs = jobs();
        PastPatchesViewModel model = new PastPatchesViewModel(orders, jobs, ImmediateTaskRunner.immediate());

        model.load();

        assertThat(model.listed()).extracting(PastPatch::journal).containsExactly(crashed, older);
        PastPatch first = model.listed().get(0);
        assertThat(first.ended()).isFalse();
        assertThat(first.describe()).contains("2 selected items").contains("/status").contains("stopped mid-way");
        assertThat(model.listed().get(1).undone()).isEqualTo(1);
        assertThat(model.listed().get(1).describe()).contains("undone before");

        model.undo(first);
        verify(jobs).undo(eq(orders), eq(crashed), any(), any());
    }

    @Test
    void nothingKeptSaysWhyAndAReadOnlyConnectionIsRefusedWithASentence() throws Exception {
        ContainerHandle readOnly = handle(local.withReadOnly(true), "orders");
        PatchJobs jobs = jobs();
        PastPatchesViewModel model = new PastPatchesViewModel(readOnly, jobs, ImmediateTaskRunner.immediate());
        model.load();
        assertThat(model.listed()).isEmpty();
        assertThat(model.statusProperty().get()).contains("No patch of retail/orders is kept");

        Path journal = journal("patch-20261205-100000-bbbbbbbb", readOnly, true);
        model.load();
        model.undo(model.listed().get(0));
        assertThat(model.statusProperty().get()).contains("read-only connection");
        verify(jobs, never()).undo(any(), eq(journal), any(), any());
    }

    @Test
    void pruneDeletesJournalsAndReportsOlderThanTheRetentionOnly() throws Exception {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Path old = journal("patch-20261101-100000-aaaaaaaa", handle(local, "orders"), true);
        Path oldReport = Files.writeString(folder.resolve("patch-20261101-100000-aaaaaaaa.report.jsonl"), "{}\n");
        Path recent = journal("patch-20261205-100000-bbbbbbbb", handle(local, "orders"), false);
        Path unrelated = Files.writeString(folder.resolve("notes.txt"), "mine");
        for (Path file : List.of(old, oldReport, unrelated)) {
            Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(31))));
        }
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(29))));

        int deleted = PatchJournals.prune(folder, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(deleted).isEqualTo(2);
        assertThat(old).doesNotExist();
        assertThat(oldReport).doesNotExist();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
    }
}
