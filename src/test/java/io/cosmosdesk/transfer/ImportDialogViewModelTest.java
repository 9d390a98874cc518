package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class ImportDialogViewModelTest {

    @TempDir
    Path dir;

    private final ImportService service = mock(ImportService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ContainerHandle target = new ContainerHandle(new CosmosConnection(
            ConnectionProfile.create("t", AuthKind.EMULATOR, "https://localhost:8081"),
            mock(com.azure.cosmos.CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));

    private ImportDialogViewModel viewModel() {
        return new ImportDialogViewModel(service, ImmediateTaskRunner.immediate(), dialogs, target);
    }

    private static ImportResult result(long created) {
        return new ImportResult(new ImportProgress(created, Map.of(RowOutcome.CREATED, created), 1, 1,
                Duration.ofSeconds(1), null), Path.of("r.jsonl"), Path.of("f.jsonl"), false);
    }

    @Test
    void aFileIsCheckedAtOnceWithItsPreviewAndItsBadRows() throws IOException {
        Path file = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"1\",\"pk\":\"a\",\"_ts\":5}\n{\"pk\":\"a\"}\n");
        ImportDialogViewModel viewModel = viewModel();
        viewModel.open(file);

        assertThat(viewModel.formatProperty().get()).isEqualTo(ImportFormat.JSONL);
        assertThat(viewModel.previewTextProperty().get()).contains("\"id\" : \"1\"").doesNotContain("_ts");
        assertThat(viewModel.problems()).singleElement().asString().startsWith("Row 2 (line 2):");
        assertThat(viewModel.summaryProperty().get()).startsWith("2 rows: 1 ready, 1 with problems");
        assertThat(viewModel.canImportProperty().get()).isFalse();
        viewModel.skipInvalidProperty().set(true);
        assertThat(viewModel.canImportProperty().get()).isTrue();

        viewModel.generateIdsProperty().set(true); // rechecks: the row without an id gets one
        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.checkProperty().get().valid()).isEqualTo(2);
    }

    @Test
    void anUnreadableFileIsASentence() throws IOException {
        Path file = Files.write(dir.resolve("x.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3});
        ImportDialogViewModel viewModel = viewModel();
        viewModel.open(file);
        assertThat(viewModel.errorMessageProperty().get()).contains("not a text file");
        assertThat(viewModel.canImportProperty().get()).isFalse();
    }

    @Test
    void importRunsWithTheCheckedOptionsAndUpsertAsksFirst() throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), "id,pk\n1,a\n2,a\n");
        when(service.importItems(any(), any(), any())).thenReturn(result(2));
        ImportDialogViewModel viewModel = viewModel();
        viewModel.open(file);
        viewModel.modeProperty().set(ImportMode.UPSERT);
        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(false);

        viewModel.startImport();
        verify(service, never()).importItems(any(), any(), any());

        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(true);
        viewModel.startImport();
        ArgumentCaptor<ImportRequest> sent = ArgumentCaptor.forClass(ImportRequest.class);
        verify(service).importItems(any(), sent.capture(), any());
        assertThat(sent.getValue().mode()).isEqualTo(ImportMode.UPSERT);
        assertThat(sent.getValue().format()).isEqualTo(ImportFormat.CSV);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Done: 2 rows: 2 created.");
        assertThat(viewModel.canImportProperty().get()).isFalse();
    }

    @Test
    void anImportIsListedInTheJobsPanelWithProgressCancelAndReportAndTheGridHearsOfIt() throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), "id,pk\n1,a\n2,a\n");
        io.cosmosdesk.ui.ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
        io.cosmosdesk.jobs.Jobs jobs = new io.cosmosdesk.jobs.Jobs(tasks);
        List<String> statuses = new java.util.ArrayList<>();
        jobs.onJobStarted(job -> job.statusProperty().addListener((o, a, now) -> statuses.add(now)));
        List<ContainerHandle> written = new java.util.ArrayList<>();
        when(service.importItems(any(), any(), any())).thenAnswer(call -> {
            ImportControl control = call.getArgument(2);
            control.report(new ImportProgress(1, Map.of(RowOutcome.CREATED, 1L), 10, 20, Duration.ofSeconds(1),
                    null));
            jobs.jobs().get(0).cancel(); // Cancel in the Jobs panel: the import stops after the batch in flight
            assertThat(control.isCancelRequested()).isTrue();
            return result(2);
        });
        ImportDialogViewModel viewModel = new ImportDialogViewModel(service, tasks, dialogs, target);
        viewModel.reportTo(jobs, written::add);
        viewModel.open(file);
        viewModel.startImport();

        io.cosmosdesk.jobs.Job job = jobs.jobs().get(0);
        assertThat(job.kind()).isEqualTo("Import");
        assertThat(job.title()).isEqualTo("in.csv → " + target);
        assertThat(statuses).first().asString().startsWith("1 rows: 1 created");
        assertThat(job.state()).isEqualTo(io.cosmosdesk.jobs.JobState.DONE);
        assertThat(job.statusProperty().get()).isEqualTo("Done: 2 rows: 2 created.");
        assertThat(job.fileProperty().get()).as("the report").isEqualTo(Path.of("r.jsonl"));
        assertThat(written).as("the grid showing the container refreshes").containsExactly(target);
    }

    @Test
    void anImportThatWroteNothingLeavesTheGridAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), "id,pk\n1,a\n");
        when(service.importItems(any(), any(), any())).thenReturn(new ImportResult(new ImportProgress(1,
                Map.of(RowOutcome.CONFLICT, 1L), 1, 1, Duration.ofSeconds(1), null), Path.of("r.jsonl"),
                Path.of("f.jsonl"), false));
        io.cosmosdesk.jobs.Jobs jobs = new io.cosmosdesk.jobs.Jobs(ImmediateTaskRunner.immediate());
        List<ContainerHandle> written = new java.util.ArrayList<>();
        ImportDialogViewModel viewModel = viewModel();
        viewModel.reportTo(jobs, written::add);
        viewModel.open(file);
        viewModel.startImport();
        assertThat(written).isEmpty();
        assertThat(jobs.jobs().get(0).statusProperty().get()).endsWith("The report lists the rows not imported.");
    }
}
