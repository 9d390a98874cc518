package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The export dialog's view-model without a toolkit: names, columns, checks, and the job it starts. */
class ExportDialogViewModelTest {

    @TempDir
    Path folder;

    private final ExportService service = mock(ExportService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private final Jobs jobs = new Jobs(tasks);

    private static ContainerHandle handle() {
        return new ContainerHandle(mock(CosmosConnection.class), new ContainerInfo(new ContainerRef("shop", "orders"),
                List.of("/customerId"), false, null));
    }

    private ExportDialogViewModel viewModel(ExportSource source) {
        return new ExportDialogViewModel(service, tasks, jobs, dialogs, source, folder);
    }

    @Test
    void theFileNameFollowsTheFormatAndGzip() {
        ExportDialogViewModel viewModel = viewModel(ExportSource.wholeContainer(handle()));
        assertThat(viewModel.fileProperty().get()).isEqualTo(folder.resolve("orders.jsonl").toString());
        viewModel.formatProperty().set(ExportFormat.JSON);
        viewModel.gzipProperty().set(true);
        assertThat(viewModel.fileProperty().get()).isEqualTo(folder.resolve("orders.json.gz").toString());
        viewModel.fileProperty().set(folder.resolve("mine.txt").toString());
        viewModel.formatProperty().set(ExportFormat.CSV);
        assertThat(viewModel.fileProperty().get()).isEqualTo(folder.resolve("mine.txt").toString());
    }

    @Test
    void csvOffersTheSampledFieldsAndNeedsAtLeastOne() {
        ContainerHandle handle = handle();
        when(service.sampleCsvFields(any(), eq(false))).thenReturn(List.of(JsonPath.parse("id"),
                JsonPath.parse("customer.name")));
        ExportDialogViewModel viewModel = viewModel(ExportSource.wholeContainer(handle));

        viewModel.formatProperty().set(ExportFormat.CSV);

        assertThat(viewModel.fields()).extracting(ExportDialogViewModel.FieldChoice::label)
                .containsExactly("id", "customer.name");
        assertThat(viewModel.fieldsMessageProperty().get()).contains("2 fields");
        viewModel.selectAllFields(false);
        assertThat(viewModel.export()).isFalse();
        assertThat(viewModel.errorMessageProperty().get()).contains("at least one field");
        assertThat(jobs.jobs()).isEmpty();
    }

    @Test
    void aFilterIsOfferedWithTheWholeContainerAndTheChoiceIsWhatRuns() throws Exception {
        ContainerHandle handle = handle();
        ExportSource filtered = ExportSource.of(handle, ItemQuery.filtered("WHERE c.n > 3"));
        ExportDialogViewModel viewModel = viewModel(filtered);
        assertThat(viewModel.offersChoiceOfSource()).isTrue();
        assertThat(viewModel.wholeContainerProperty().get()).isFalse();
        Path target = folder.resolve("orders.jsonl");
        when(service.export(any(), any(), eq(target), eq(false), any())).thenReturn(
                new ExportResult(target, 4, 100, Duration.ofSeconds(1), 3.5));

        assertThat(viewModel.export()).isTrue();

        ArgumentCaptor<ExportSource> source = ArgumentCaptor.forClass(ExportSource.class);
        verify(service).export(source.capture(), any(), eq(target), eq(false), any());
        assertThat(source.getValue().query().getQueryText()).isEqualTo("SELECT * FROM c WHERE c.n > 3");
        assertThat(jobs.jobs()).hasSize(1);
        assertThat(jobs.jobs().get(0).state()).isEqualTo(JobState.DONE);
        assertThat(jobs.jobs().get(0).fileProperty().get()).isEqualTo(target);
        assertThat(jobs.jobs().get(0).statusProperty().get()).startsWith("Exported 4 items");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheUserSaysSo() throws Exception {
        Path target = Files.writeString(folder.resolve("orders.jsonl"), "old");
        ExportDialogViewModel viewModel = viewModel(ExportSource.wholeContainer(handle()));
        when(dialogs.confirm(any(), any(), eq("Replace"))).thenReturn(false);

        assertThat(viewModel.export()).isFalse();
        verify(service, never()).export(any(), any(), any(), anyBoolean(), any());

        when(dialogs.confirm(any(), any(), eq("Replace"))).thenReturn(true);
        when(service.export(any(), any(), eq(target), eq(true), any())).thenReturn(
                new ExportResult(target, 0, 3, Duration.ZERO, 1));
        assertThat(viewModel.export()).isTrue();
        verify(service).export(any(), any(), eq(target), eq(true), any());
    }

    @Test
    void aFailedExportShowsItsSentenceInTheJob() throws Exception {
        Path target = folder.resolve("orders.jsonl");
        when(service.export(any(), any(), eq(target), eq(false), any())).thenThrow(new ExportException(
                ExportException.Reason.FILE, "The disk is full (no space left on the drive of /x).", null));
        ExportDialogViewModel viewModel = viewModel(ExportSource.wholeContainer(handle()));

        assertThat(viewModel.export()).isTrue();

        assertThat(jobs.jobs().get(0).state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.jobs().get(0).statusProperty().get()).startsWith("The disk is full");
    }

    @Test
    void aMissingFolderIsSaidInTheDialog() {
        ExportDialogViewModel viewModel = viewModel(ExportSource.wholeContainer(handle()));
        viewModel.fileProperty().set(folder.resolve("nope/orders.jsonl").toString());
        assertThat(viewModel.export()).isFalse();
        assertThat(viewModel.errorMessageProperty().get()).contains("does not exist");
    }
}
