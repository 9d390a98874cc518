package io.cosmosdesk.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.patch.PatchDialogViewModel.DiffLine;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The bulk patch dialog's view-model over a mocked service, with no FX toolkit. */
class PatchDialogViewModelTest {

    private final BulkPatchService service = mock(BulkPatchService.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private final Jobs jobs = new Jobs(tasks);
    private final PatchJobs patchJobs = new PatchJobs(service, jobs, handle -> { });
    private final ContainerHandle handle = new ContainerHandle(mock(CosmosConnection.class),
            new ContainerInfo(new ContainerRef("shop", "orders"), List.of("/customerId"), false, null));
    private final ObjectNode first = Json.MAPPER.createObjectNode().put("id", "o1").put("customerId", "c1")
            .put("status", "open").put("_etag", "\"e1\"");

    private PatchDialogViewModel viewModel(List<ObjectNode> selection) {
        return new PatchDialogViewModel(handle, selection, "WHERE c.total > 10", patchJobs, tasks);
    }

    private static void type(PatchDialogViewModel.OperationRow row, String op, String path, String value) {
        row.opProperty().set(op);
        row.pathProperty().set(path);
        row.valueProperty().set(value);
    }

    @Test
    void eachProblemOfTheFormIsASentenceAndNothingRunsUntilItIsFixed() {
        PatchDialogViewModel vm = viewModel(List.of(first));
        assertThat(vm.scopeProperty().get()).isEqualTo(PatchDialogViewModel.Scope.SELECTION);
        assertThat(vm.problemProperty().get()).isEqualTo("Operation 1: Enter the path, such as /status or /tags/0.");

        type(vm.operations().get(0), "set", "/status", "paid");
        assertThat(vm.problemProperty().get()).startsWith("Operation 1: The value for /status is not JSON")
                .endsWith("write text in double quotes, such as \"paid\".");
        vm.dryRun();
        vm.apply();
        verify(service, never()).dryRun(any(), any(), any(), any());

        type(vm.operations().get(0), "set", "/customerId", "\"c2\"");
        assertThat(vm.problemProperty().get()).contains("partition key /customerId");

        type(vm.operations().get(0), "increment", "/n", "\"one\"");
        assertThat(vm.problemProperty().get()).isEqualTo("Operation 1: increment /n needs a number, such as 1 or -2.5.");

        type(vm.operations().get(0), "set", "/status", "\"paid\"");
        vm.conditionProperty().set("c.status = 'open'");
        assertThat(vm.problemProperty().get()).startsWith("Write the condition as a filter predicate");
        vm.conditionProperty().set("FROM c WHERE c.status = 'open'");
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void theDryRunShowsTheCountAndEachSamplesBeforeAndAfter() throws Exception {
        PatchDialogViewModel vm = viewModel(List.of(first));
        type(vm.operations().get(0), "set", "/status", "\"paid\"");
        PatchSpec spec = new PatchSpec(List.of(PatchOp.parse("set", "/status", "\"paid\"")), null);
        ObjectNode missing = Json.MAPPER.createObjectNode().put("id", "o2").put("customerId", "c1");
        when(service.dryRun(eq(handle), any(), any(), any())).thenReturn(new DryRun(2, 1, -1, List.of(
                new DryRun.Sample("o1", PartitionKeyValue.of("c1"), first, LocalPatch.apply(first, spec), null, null),
                new DryRun.Sample("o2", PartitionKeyValue.of("c1"), missing, null, "replace /x: /x does not exist.",
                        null))));
        vm.dryRun();

        assertThat(vm.dryRunTextProperty().get()).isEqualTo("Would patch 1 of 2 items. 1 would be refused: the "
                + "operations do not apply to it. Sample (before -> after):");
        assertThat(vm.sampleLines()).contains(new DiffLine(DiffLine.Kind.REMOVED, "-   \"status\" : \"open\""),
                new DiffLine(DiffLine.Kind.ADDED, "+   \"status\" : \"paid\""),
                new DiffLine(DiffLine.Kind.NOTE, "Not patched: replace /x: /x does not exist."));
        assertThat(vm.sampleLines()).noneMatch(line -> line.text().contains("_etag"));
        // lines far from the change fold into one: the id (two lines above "status") stays, "{" does not
        assertThat(vm.sampleLines()).contains(new DiffLine(DiffLine.Kind.SAME, "    \"id\" : \"o1\","),
                new DiffLine(DiffLine.Kind.SAME, "  …"));
        assertThat(vm.sampleLines()).doesNotContain(new DiffLine(DiffLine.Kind.SAME, "  {"));

        // a change to the form makes the dry run stale: it is cleared
        vm.conditionProperty().set("FROM c WHERE c.n > 1");
        assertThat(vm.sampleLines()).isEmpty();
        assertThat(vm.dryRunTextProperty().get()).isEmpty();
    }

    @Test
    void aFailedDryRunSaysWhyAndKeepsEverythingTyped() {
        PatchDialogViewModel vm = viewModel(List.of());
        assertThat(vm.scopeProperty().get()).isEqualTo(PatchDialogViewModel.Scope.FILTER);
        type(vm.operations().get(0), "remove", "/legacy", "");
        vm.conditionProperty().set("FROM c WHERE c.v = 1");
        when(service.dryRun(any(), any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.THROTTLED));
        vm.dryRun();
        assertThat(vm.errorProperty().get()).isEqualTo(ErrorKind.THROTTLED.defaultSentence());
        assertThat(vm.operations().get(0).pathProperty().get()).isEqualTo("/legacy");
        assertThat(vm.conditionProperty().get()).isEqualTo("FROM c WHERE c.v = 1");
        assertThat(vm.filterProperty().get()).isEqualTo("WHERE c.total > 10");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void applyRunsAJobAndOffersUndoWhichRestoresFromTheJournal(@TempDir Path folder) throws Exception {
        PatchDialogViewModel vm = viewModel(List.of(first));
        type(vm.operations().get(0), "set", "/status", "\"paid\"");
        Path journal = Files.createFile(folder.resolve("x.journal.jsonl"));
        when(service.journalOf(anyString())).thenReturn(journal);
        when(service.apply(eq(handle), any(), any(), anyString(), any())).thenReturn(new PatchReport("x",
                Map.of(PatchOutcome.PATCHED, 1L), false, Path.of("r.jsonl"), journal, null));
        vm.apply();

        ArgumentCaptor<PatchScope> scope = ArgumentCaptor.forClass(PatchScope.class);
        verify(service).apply(eq(handle), scope.capture(), any(), anyString(), any());
        assertThat(((PatchScope.Selection) scope.getValue()).items()).containsExactly(first);
        assertThat(vm.statusProperty().get()).isEqualTo("Patched 1 item.");
        assertThat(jobs.jobs()).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.DONE);
            assertThat(job.followUpProperty().get().label()).isEqualTo("Undo this patch");
        });
        assertThat(vm.undoableProperty().get()).isTrue();

        when(service.undo(eq(handle), eq(journal), any())).thenReturn(new PatchReport("x-undo",
                Map.of(PatchOutcome.RESTORED, 1L), false, Path.of("u.jsonl"), journal, null));
        vm.undo();
        verify(service).undo(eq(handle), eq(journal), any());
        assertThat(vm.statusProperty().get()).isEqualTo("Restored 1 item.");
        assertThat(vm.undoableProperty().get()).isFalse();
        assertThat(jobs.jobs()).anySatisfy(job -> assertThat(job.kind()).isEqualTo("Undo patch"));
        // undone from the dialog: the patch's entry in the Jobs panel no longer offers it
        assertThat(jobs.jobs()).filteredOn(job -> job.kind().equals("Patch"))
                .allSatisfy(job -> assertThat(job.followUpProperty().get()).isNull());
    }

    @Test
    void aFailedPatchKeepsTheFormAndSaysWhy() {
        PatchDialogViewModel vm = viewModel(List.of(first));
        type(vm.operations().get(0), "set", "/status", "\"paid\"");
        when(service.journalOf(anyString())).thenReturn(Path.of("does-not-exist.journal.jsonl"));
        when(service.apply(any(), any(), any(), anyString(), any())).thenThrow(new CosmosDeskException(
                ErrorKind.READ_ONLY, "\"prod\" is a read-only connection: changes are not allowed."));
        vm.apply();
        assertThat(vm.errorProperty().get()).isEqualTo("\"prod\" is a read-only connection: changes are not allowed.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.undoableProperty().get()).isFalse();
        assertThat(vm.operations().get(0).valueProperty().get()).isEqualTo("\"paid\"");
    }
}
