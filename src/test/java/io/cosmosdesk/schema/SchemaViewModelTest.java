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
}
