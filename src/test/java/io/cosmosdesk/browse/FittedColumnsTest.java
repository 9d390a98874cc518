package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's retail/orders grid as wide as the main window gives it at 1280 px (about 495 px beside the editor):
 * the id and partition-key columns are fitted to their values like the others, so the four columns' headers all
 * show whole. At 220 and 160 px the fourth header was cut at the grid's edge ("/or…", s18's walk).
 */
class FittedColumnsTest {

    private static final double GRID_WIDTH = 495;

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final ContainerHandle orders = new ContainerHandle(
            new CosmosConnection(ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/"),
                    mock(CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
    private ItemsViewModel viewModel;
    private TableView<ItemRow> table;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        try {
            ColumnSettingsStore settings = new ColumnSettingsStore(Files.createTempDirectory("columns"));
            ItemColumns columns = new ItemColumns(orders, settings);
            columns.add("/type");
            columns.add("/orderNumber");
            PageByPageStream.answerPageByPage(service, new ArrayList<>());
            List<ItemRow> rows = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                rows.add(ItemRow.of(JsonNodeFactory.instance.objectNode()
                        .put("id", String.format("SO-2024-%06d", 62 + 256 * i)).put("customerId", "C-" + (10007 + 37 * i))
                        .put("type", "order").put("orderNumber", 100062 + i), List.of("/customerId")));
            }
            when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(new ItemPage(rows, null, 1,
                    Duration.ofMillis(1), "act"));
            viewModel = new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), mock(DialogService.class),
                    settings);
            table = new TableView<>(viewModel.rows());
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            ItemGridColumns.bind(table, viewModel);
            FxAppExtension.showStyled(stage, table, GRID_WIDTH, 500); // the app's theme: its fonts and paddings
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Seen failing with the id at 220 px and the key at 160: the four columns 606 px wide, 485 px in view. */
    @Test
    void theFourColumnsOfTheOrdersGridFitBesideTheEditorAtTheFirstStartSize() throws Exception {
        WaitForAsyncUtils.asyncFx(viewModel::refresh).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.rows().size() == 30);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> headers = table.getColumns().stream().map(TableColumn::getId).toList();
        assertThat(headers).containsExactly("id", "/customerId", "/type", "/orderNumber");
        double total = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double visible = WaitForAsyncUtils.asyncFx(() ->
                ((javafx.scene.layout.Region) table.lookup(".clipped-container")).getWidth()).get(10, TimeUnit.SECONDS);
        List<Double> widths = table.getColumns().stream().map(TableColumn::getWidth).toList();
        assertThat(total).as("the columns' width %s in a %s px grid, %s px beside its scroll bar", widths, GRID_WIDTH,
                visible).isLessThanOrEqualTo(visible);
        for (TableColumn<ItemRow, ?> column : table.getColumns()) {
            double widest = WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.text.Text text = new javafx.scene.text.Text(column.getId());
                text.setFont(((javafx.scene.control.Label) column.getGraphic()).getFont());
                double most = text.getLayoutBounds().getWidth();
                text.setFont(((javafx.scene.control.Labeled) table.lookup(".table-cell")).getFont());
                for (ItemRow row : viewModel.rows()) {
                    text.setText(viewModel.cellOf(row, (ItemColumn) column.getUserData()).text());
                    most = Math.max(most, text.getLayoutBounds().getWidth());
                }
                return most;
            }).get(10, TimeUnit.SECONDS);
            assertThat(column.getWidth()).as("%s: as wide as its header and values", column.getId())
                    .isGreaterThanOrEqualTo(widest);
        }
    }
}
