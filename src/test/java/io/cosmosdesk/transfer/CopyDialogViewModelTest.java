package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The copy dialog without a toolkit: sources, targets on any open connection, modes, refusals, the job. */
class CopyDialogViewModelTest {

    private final CopyService service = mock(CopyService.class);
    private final ResourceService resources = mock(ResourceService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private final Jobs jobs = new Jobs(tasks);
    private final List<ContainerHandle> written = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final CosmosConnection local = connection("Local", false);
    private final CosmosConnection production = connection("Production", true);
    private final CosmosConnection emulator = connection("Emulator", false);
    private final ContainerHandle orders = new ContainerHandle(local,
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
    private final ItemQuery paid = ItemQuery.filtered("c.status = 'paid'");

    private static CosmosConnection connection(String name, boolean readOnly) {
        return new CosmosConnection(ConnectionProfile.create(name, AuthKind.EMULATOR, "https://localhost:8081")
                .withReadOnly(readOnly), mock(com.azure.cosmos.CosmosAsyncClient.class));
    }

    private CopyDialogViewModel viewModel(ItemQuery gridQuery) {
        return new CopyDialogViewModel(service, resources, tasks, jobs, dialogs, orders, gridQuery,
                List.of(production, local, emulator), handle -> {
                    written.add(handle);
                    events.add("written " + handle.ref());
                }, handle -> events.add("tree shows " + handle.ref()));
    }

    private static ImportResult copied(long created, long conflicts) {
        return new ImportResult(new ImportProgress(created + conflicts, Map.of(RowOutcome.CREATED, created,
                RowOutcome.CONFLICT, conflicts), 0, -1, Duration.ofSeconds(1), null), Path.of("copy-report.jsonl"),
                Path.of("copy-failed.jsonl"), false);
    }

    @Test
    void theGridsFilterIsTheSourceAtFirstAndTheTargetANewContainerBesideIt() {
        CopyDialogViewModel viewModel = viewModel(paid);

        assertThat(viewModel.offersGridFilter()).isTrue();
        assertThat(viewModel.gridFilterText()).isEqualTo("Only the items matching WHERE c.status = 'paid'");
        assertThat(viewModel.sourceKindProperty().get()).isEqualTo(CopyDialogViewModel.SourceKind.GRID_FILTER);
        assertThat(viewModel.query().getQueryText()).isEqualTo(paid.toSqlQuerySpec().getQueryText());
        assertThat(viewModel.targetConnectionProperty().get()).isSameAs(local);
        assertThat(viewModel.targetDatabaseProperty().get()).isEqualTo("retail");
        assertThat(viewModel.targetContainerProperty().get()).isEqualTo("orders-copy");
        assertThat(viewModel.connections()).containsExactly(production, local, emulator);
        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.canCopyProperty().get()).isTrue();

        CopyDialogViewModel noFilter = viewModel(ItemQuery.all());
        assertThat(noFilter.offersGridFilter()).isFalse();
        assertThat(noFilter.sourceKindProperty().get()).isEqualTo(CopyDialogViewModel.SourceKind.WHOLE_CONTAINER);
        assertThat(noFilter.query().getQueryText()).isEqualTo("SELECT * FROM c");
    }

    @Test
    void aReadOnlyTargetIsRefusedWithASentenceAndNothingRuns() {
        CopyDialogViewModel viewModel = viewModel(null);
        viewModel.targetConnectionProperty().set(production);

        assertThat(viewModel.problemProperty().get()).isEqualTo("\"Production\" is a read-only connection: nothing "
                + "can be copied into it. Choose another target.");
        assertThat(viewModel.canCopyProperty().get()).isFalse();
        assertThat(viewModel.copy()).isFalse();
        verify(service, never()).copyItems(any(), any(), any(), any(), any());
        assertThat(jobs.jobs()).isEmpty();
    }

    @Test
    void badTargetsAndAnEmptyQuerySayWhy() {
        CopyDialogViewModel viewModel = viewModel(null);
        viewModel.targetContainerProperty().set("orders");
        assertThat(viewModel.problemProperty().get()).startsWith("The target is the source container");
        viewModel.targetConnectionProperty().set(emulator); // the same names on another account: fine
        assertThat(viewModel.problemProperty().get()).isEmpty();
        viewModel.targetContainerProperty().set("a/b");
        assertThat(viewModel.problemProperty().get()).isEqualTo("A container id cannot contain / (nor / \\ ? #).");
        viewModel.targetContainerProperty().set("copy");
        viewModel.targetDatabaseProperty().set(" ");
        assertThat(viewModel.problemProperty().get()).isEqualTo("Give the database an id.");
        viewModel.targetDatabaseProperty().set("debug");
        viewModel.sourceKindProperty().set(CopyDialogViewModel.SourceKind.QUERY);
        viewModel.queryTextProperty().set("  ");
        assertThat(viewModel.problemProperty().get()).isEqualTo("Type the query that selects the items to copy.");
        assertThat(viewModel.canCopyProperty().get()).isFalse();
    }

    @Test
    void theCopyRunsAsAJobWithItsReportAndTheTargetsGridHearsOfIt() {
        when(service.copyItems(any(), any(), any(), any(), any())).thenAnswer(call -> {
            ImportControl control = call.getArgument(4);
            control.report(new ImportProgress(500, Map.of(RowOutcome.CREATED, 500L), 0, -1, Duration.ofSeconds(2),
                    null));
            return copied(998, 2);
        });
        List<String> statuses = new ArrayList<>();
        jobs.onJobTracked(job -> job.statusProperty().addListener((o, a, now) -> statuses.add(now)));
        CopyDialogViewModel viewModel = viewModel(paid);
        viewModel.targetConnectionProperty().set(emulator);
        viewModel.targetDatabaseProperty().set("debug");
        viewModel.targetContainerProperty().set("orders");

        assertThat(viewModel.copy()).isTrue();

        ArgumentCaptor<SqlQuerySpec> query = ArgumentCaptor.forClass(SqlQuerySpec.class);
        verify(service).copyItems(eq(orders), query.capture(), eq(new CopyTarget(emulator, "debug", "orders")),
                eq(ImportMode.CREATE_ONLY), any());
        assertThat(query.getValue().getQueryText()).isEqualTo(paid.toSqlQuerySpec().getQueryText());
        Job job = jobs.jobs().get(0);
        assertThat(job.kind()).isEqualTo("Copy");
        assertThat(job.title()).isEqualTo("retail/orders WHERE c.status = 'paid' → Emulator:debug/orders");
        assertThat(statuses).first().asString().isEqualTo("500 rows: 500 created · 250 items/s");
        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.statusProperty().get())
                .isEqualTo("Copied: 1,000 rows: 998 created, 2 conflict. The report lists the items not copied.");
        assertThat(job.fileProperty().get()).isEqualTo(Path.of("copy-report.jsonl"));
        assertThat(written).singleElement().satisfies(target -> {
            assertThat(target.connection()).isSameAs(emulator);
            assertThat(target.ref()).isEqualTo(new ContainerRef("debug", "orders"));
        });
    }

    @Test
    void onceTheSourceIsCountedTheJobShowsTheTotalTheShareAndTheTimeLeft() {
        List<Double> fractions = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        jobs.onJobTracked(job -> {
            job.statusProperty().addListener((o, a, now) -> statuses.add(now));
            job.progressProperty().addListener((o, a, now) -> fractions.add(now.doubleValue()));
        });
        when(service.copyItems(any(), any(), any(), any(), any())).thenAnswer(call -> {
            ImportControl control = call.getArgument(4);
            // the count is not back yet: rows so far, no share
            control.report(new ImportProgress(500, Map.of(RowOutcome.CREATED, 500L), 0, -1, Duration.ofSeconds(2),
                    null, -1));
            // counted: 1,200 of 5,000 settled in 4 s = 300 items/s, 3,800 left = 12.7 s
            control.report(new ImportProgress(1_200, Map.of(RowOutcome.CREATED, 1_190L, RowOutcome.CONFLICT, 10L),
                    0, -1, Duration.ofSeconds(4), null, 5_000));
            // items written to the source after the count: past the total, the share is unknown again
            control.report(new ImportProgress(5_010, Map.of(RowOutcome.CREATED, 5_010L), 0, -1,
                    Duration.ofSeconds(10), null, 5_000));
            return copied(5_010, 0);
        });
        CopyDialogViewModel viewModel = viewModel(paid);
        viewModel.targetContainerProperty().set("orders-copy");

        assertThat(viewModel.copy()).isTrue();

        assertThat(statuses.subList(0, 3)).containsExactly(
                "500 rows: 500 created · 250 items/s",
                "1,200 of 5,000 items (24 %), about 13 s left · 1,190 created, 10 conflict · 300 items/s",
                "5,010 rows: 5,010 created · 501 items/s");
        assertThat(fractions.subList(0, 2)).containsExactly(0.24, -1.0);
    }

    @Test
    void theShareIsNeverRoundedUpToAllAndTheTimeLeftWaitsForARate() {
        ImportProgress almost = new ImportProgress(4_999, Map.of(RowOutcome.CREATED, 4_999L), 0, -1,
                Duration.ofSeconds(100), null, 5_000);
        assertThat(CopyDialogViewModel.progressLine(almost))
                .startsWith("4,999 of 5,000 items (99 %), about 0 s left · 4,999 created");
        ImportProgress starting = new ImportProgress(0, Map.of(), 0, -1, Duration.ZERO, "Copying into …", 5_000);
        assertThat(CopyDialogViewModel.progressLine(starting)).isEqualTo("0 of 5,000 items (0 %) · 0 items/s");
        assertThat(starting.countedFraction()).isZero();
        ImportProgress empty = new ImportProgress(0, Map.of(), 0, -1, Duration.ofSeconds(1), null, 0);
        assertThat(empty.countedFraction()).isEqualTo(1.0);
        ImportProgress hour = new ImportProgress(1_000, Map.of(RowOutcome.CREATED, 1_000L), 0, -1,
                Duration.ofSeconds(10), null, 400_000);
        assertThat(CopyDialogViewModel.progressLine(hour)).startsWith("1,000 of 400,000 items (0 %), about 1 h 06 min left");
    }

    @Test
    void upsertWarnsAndAsksFirstAndTheQuerySourceSendsTheTypedQuery() {
        when(service.copyItems(any(), any(), any(), any(), any())).thenReturn(copied(3, 0));
        CopyDialogViewModel viewModel = viewModel(null);
        viewModel.sourceKindProperty().set(CopyDialogViewModel.SourceKind.QUERY);
        viewModel.queryTextProperty().set("SELECT * FROM c WHERE c.total > 100");
        viewModel.modeProperty().set(ImportMode.UPSERT);
        assertThat(viewModel.modeWarningProperty().get()).isEqualTo(CopyDialogViewModel.UPSERT_WARNING);

        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(false);
        assertThat(viewModel.copy()).isFalse();
        verify(service, never()).copyItems(any(), any(), any(), any(), any());

        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(true);
        assertThat(viewModel.copy()).isTrue();
        ArgumentCaptor<SqlQuerySpec> query = ArgumentCaptor.forClass(SqlQuerySpec.class);
        verify(service).copyItems(eq(orders), query.capture(), any(), eq(ImportMode.UPSERT), any());
        assertThat(query.getValue().getQueryText()).isEqualTo("SELECT * FROM c WHERE c.total > 100");
        assertThat(jobs.jobs().get(0).statusProperty().get()).isEqualTo("Copied: 3 rows: 3 created.");
    }

    @Test
    void aFailedCopyShowsItsSentenceInTheJobsPanel() {
        when(service.copyItems(any(), any(), any(), any(), any())).thenThrow(new CosmosDeskException(
                ErrorKind.UNREACHABLE, "Cannot reach the account."));
        CopyDialogViewModel viewModel = viewModel(null);
        assertThat(viewModel.copy()).isTrue();
        assertThat(jobs.jobs().get(0).state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.jobs().get(0).statusProperty().get()).isEqualTo("Cannot reach the account.");
    }

    @Test
    void theTargetsDatabasesAndContainersAreSuggested() {
        when(resources.readDatabases(emulator)).thenReturn(List.of("debug", "retail"));
        when(resources.readContainers(emulator, "retail")).thenReturn(List.of(new ContainerInfo(
                new ContainerRef("retail", "orders"), List.of("/customerId"), false, null)));
        CopyDialogViewModel viewModel = viewModel(null);
        viewModel.targetConnectionProperty().set(emulator);
        assertThat(viewModel.databaseSuggestions()).containsExactly("debug", "retail");
        assertThat(viewModel.containerSuggestions()).containsExactly("orders");
        viewModel.targetDatabaseProperty().set("new-db");
        assertThat(viewModel.containerSuggestions()).isEmpty();
    }

    @Test
    void theTreeHearsOfTheTargetOnceItExistsAndWhenTheCopyEndsEvenWithNothingWritten() {
        when(service.copyItems(any(), any(), any(), any(), any())).thenAnswer(call -> {
            ImportControl control = call.getArgument(4);
            control.report(new ImportProgress(0, Map.of(), 0, -1, Duration.ZERO, "Copying into …"));
            events.add("copying");
            control.report(new ImportProgress(500, Map.of(RowOutcome.CREATED, 500L), 0, -1, Duration.ofSeconds(2),
                    null));
            return copied(500, 0);
        });
        CopyDialogViewModel viewModel = viewModel(null);
        viewModel.targetDatabaseProperty().set("debug");
        viewModel.targetContainerProperty().set("new-orders");

        assertThat(viewModel.copy()).isTrue();

        assertThat(events).containsExactly("tree shows debug/new-orders", "copying", "tree shows debug/new-orders",
                "written debug/new-orders");

        events.clear();
        org.mockito.Mockito.doReturn(copied(0, 0)).when(service).copyItems(any(), any(), any(), any(), any()); // empty
        assertThat(viewModel.copy()).isTrue();
        assertThat(events).containsExactly("tree shows debug/new-orders");

        events.clear();
        org.mockito.Mockito.doThrow(new CosmosDeskException(ErrorKind.UNREACHABLE)).when(service)
                .copyItems(any(), any(), any(), any(), any());
        assertThat(viewModel.copy()).isTrue();
        assertThat(events).containsExactly("tree shows debug/new-orders", "written debug/new-orders");
    }
}
