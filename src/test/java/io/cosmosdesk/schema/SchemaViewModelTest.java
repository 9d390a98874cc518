package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SchemaViewModelTest {

    private final ContainerHandle orders = SchemaTabFixture.container("retail", "orders");
    private final DialogService dialogs = mock(DialogService.class);
    private final List<Long> targets = new ArrayList<>();

    private final SchemaService service = new SchemaService() {
        @Override
        public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                BooleanSupplier cancelled) {
            targets.add(target);
            SchemaStatistics statistics = new SchemaStatistics();
            try {
                statistics.add(Json.MAPPER.readTree("{\"status\":\"open\",\"lines\":[{\"sku\":\"A\"}]}"));
                progress.accept(new SampleProgress(1, target, 1.5, statistics.summary()));
                statistics.add(Json.MAPPER.readTree("{\"status\":\"paid\"}"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new SampleResult(statistics.summary(), 2, 3.0, 1, "2 items: drawn somehow.", false);
        }

        @Override
        public FullReadEstimate estimateFullRead(ContainerHandle container, BooleanSupplier cancelled) {
            return new FullReadEstimate(12_000, 1_140, 12.5);
        }
    };

    private final SchemaTabFixture.GridHandOff host = new SchemaTabFixture.GridHandOff();
    private final List<String> calls = host.calls;

    private SchemaViewModel viewModel() {
        return new SchemaViewModel(orders, service, ImmediateTaskRunner.immediate(), dialogs, host);
    }

    @Test
    void aSampleFillsInAndSaysHowItWasDrawnAndWhatItCost() {
        SchemaViewModel vm = viewModel();
        vm.analyse();
        assertThat(targets).containsExactly(1_000L);
        assertThat(vm.summaryProperty().get().itemsInspected()).isEqualTo(2);
        assertThat(vm.statusProperty().get()).isEqualTo("2 items analysed · 3.0 RU");
        assertThat(vm.howDrawnProperty().get()).isEqualTo("2 items: drawn somehow.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(calls).containsExactly("sampled 2");
        assertThat(vm.jsonSchemaText()).contains("\"x-documentsInspected\" : 2");
    }

    @Test
    void allItemsAreReadOnlyAfterTheEstimatedChargeIsAccepted() {
        SchemaViewModel vm = viewModel();
        vm.sampleSizeProperty().set(SampleSize.ALL);
        vm.analyse();
        verify(dialogs).confirm(eq("Analyse every item?"), contains("about 1,140 RU"), anyString());
        assertThat(targets).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();

        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        vm.analyse();
        assertThat(targets).containsExactly(Long.MAX_VALUE);
    }

    /** Seen in the demo: declining the All question said "Not analysed" over the figures of the last sample. */
    @Test
    void decliningAllKeepsTheFiguresShownAndTheStatusThatDescribesThem() {
        SchemaViewModel vm = viewModel();
        vm.analyse();
        assertThat(vm.statusProperty().get()).isEqualTo("2 items analysed · 3.0 RU");

        vm.sampleSizeProperty().set(SampleSize.ALL);
        vm.analyse(); // the dialog (a mock) answers false
        assertThat(vm.statusProperty().get()).isEqualTo("2 items analysed · 3.0 RU");
        assertThat(vm.summaryProperty().get().itemsInspected()).isEqualTo(2);
        assertThat(vm.howDrawnProperty().get()).isEqualTo("2 items: drawn somehow.");
        assertThat(vm.finishedProperty().get()).as("its exports still offered").isTrue();

        SchemaViewModel fresh = viewModel();
        fresh.sampleSizeProperty().set(SampleSize.ALL);
        fresh.analyse();
        assertThat(fresh.statusProperty().get()).startsWith("Not analysed");
    }

    /** Seen in the demo: reading all items showed no total, though the estimate had just counted them. */
    @Test
    void readingAllItemsShowsTheEstimatesCountAsItsTotal() {
        SchemaViewModel vm = viewModel();
        List<String> statuses = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        vm.statusProperty().addListener((obs, old, now) -> statuses.add(now));
        vm.progressProperty().addListener((obs, old, now) -> fractions.add(now.doubleValue()));
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        vm.sampleSizeProperty().set(SampleSize.ALL);
        vm.analyse();
        assertThat(targets).containsExactly(Long.MAX_VALUE);
        assertThat(statuses).contains("Read 1 of ~12,000 items · 1.5 RU");
        assertThat(fractions).contains(1 / 12_000.0);
        verify(dialogs).confirm(eq("Analyse every item?"), contains("(Estimated from"), anyString());
    }

    @Test
    void fieldActionsReachTheGridAndFieldsInsideArraysSaySoInstead() {
        SchemaViewModel vm = viewModel();
        vm.analyse();
        vm.selectedPathProperty().set(FieldPath.ROOT.child("status"));
        vm.addAsColumn();
        vm.sortBy();
        vm.filter(FieldFilters.equalTo(vm.selectedFieldProperty().get().path(), "paid"));
        assertThat(calls).containsExactly("sampled 2", "column /status", "sort /status",
                "filter WHERE c.status = @v  (@v = \"paid\")");

        vm.selectedPathProperty().set(FieldPath.ROOT.child("lines").element().child("sku"));
        vm.addAsColumn();
        assertThat(calls).hasSize(4);
        assertThat(vm.noticeProperty().get()).startsWith("lines[].sku is inside an array");
        assertThat(vm.openQuery()).contains("SELECT c.id, x0.sku AS value\nFROM c\nJOIN x0 IN c.lines\n"
                + "WHERE IS_DEFINED(x0.sku)");
    }

    /** Seen in the demo app: Add as column on a field the grid already showed (a default column) said "Added". */
    @Test
    void addingAColumnTheGridAlreadyShowsSaysSo() {
        SchemaViewModel vm = viewModel();
        vm.analyse();
        vm.selectedPathProperty().set(FieldPath.ROOT.child("status"));
        vm.addAsColumn();
        assertThat(vm.noticeProperty().get()).isEqualTo("Added /status as a column of the Items tab.");
        vm.addAsColumn();
        assertThat(vm.noticeProperty().get()).isEqualTo("The grid already shows /status.");
    }

    /** Seen in the demo app: after Stop the tab still said "Read 200 items · 2.0 RU", as if reading, and no export. */
    @Test
    void stoppingKeepsTheFiguresReadSoFarSaysSoAndTheyCanBeExported() {
        ImmediateTaskRunner runner = ImmediateTaskRunner.deferred();
        SchemaViewModel[] vm = new SchemaViewModel[1];
        SchemaService stoppedAfterTwo = new SchemaService() {
            @Override
            public SampleResult sample(ContainerHandle container, long target, Consumer<SampleProgress> progress,
                    BooleanSupplier cancelled) {
                SchemaStatistics statistics = new SchemaStatistics();
                statistics.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("status", "open"));
                statistics.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("status", "paid"));
                progress.accept(new SampleProgress(2, target, 1.5, statistics.summary()));
                vm[0].stop(); // the user presses Stop while the sample is read
                throw new java.util.concurrent.CancellationException();
            }

            @Override
            public FullReadEstimate estimateFullRead(ContainerHandle container, BooleanSupplier cancelled) {
                throw new AssertionError("not asked");
            }
        };
        vm[0] = new SchemaViewModel(orders, stoppedAfterTwo, runner, dialogs, host);
        vm[0].analyse();
        runner.runPending(0);

        assertThat(vm[0].busyProperty().get()).isFalse();
        assertThat(vm[0].summaryProperty().get().itemsInspected()).isEqualTo(2);
        assertThat(vm[0].statusProperty().get())
                .isEqualTo("Stopped after 2 items · 1.5 RU: the figures are of the items read so far.");
        assertThat(vm[0].howDrawnProperty().get()).startsWith("Stopped: the first 2 items");
        assertThat(vm[0].finishedProperty().get()).as("exports offered").isTrue();
        assertThat(vm[0].jsonSchemaText()).contains("\"x-documentsInspected\" : 2");
    }
}
