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
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A container opened again (after a restart) shows the columns the user chose; those without a width of the user's
 * are fitted to the first page's values once it is in, as they were when first shown, not to their header alone
 * (the walk of session 12: "…tus", "delive…" after a restart).
 */
class RestoredColumnWidthsTest {

    private static final String LONG_STATUS = "delivered to the neighbour next door";

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
            // the user's choice, saved in an earlier run of the app
            new ItemColumns(orders, settings).add("/status");
            PageByPageStream.answerPageByPage(service, new ArrayList<>());
            List<ItemRow> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(ItemRow.of(JsonNodeFactory.instance.objectNode().put("id", "order-" + i)
                        .put("customerId", "c" + i).put("status", i == 3 ? LONG_STATUS : "paid"), List.of("/customerId")));
            }
            when(service.queryItemsPage(any(), any(), any(), anyInt())).thenReturn(new ItemPage(rows, null, 1,
                    Duration.ofMillis(1), "act"));
            viewModel = new ItemsViewModel(orders, service, ImmediateTaskRunner.immediate(), mock(DialogService.class),
                    settings);
            table = new TableView<>(viewModel.rows());
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            ItemGridColumns.bind(table, viewModel);
            stage.setScene(new Scene(table, 1000, 500));
            stage.show();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRestoredColumnIsFittedToTheFirstPageNotToItsHeaderAlone() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column("/status")).as("the user's column is back").isNotNull();
        WaitForAsyncUtils.asyncFx(viewModel::refresh).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.rows().size() == 20);
        WaitForAsyncUtils.waitForFxEvents();
        double valueWidth = WaitForAsyncUtils.asyncFx(() -> {
            Text text = new Text(LONG_STATUS);
            text.setFont(javafx.scene.text.Font.getDefault());
            return text.getLayoutBounds().getWidth();
        }).get(10, TimeUnit.SECONDS);
        assertThat(column("/status").getPrefWidth()).as("wide enough for the longest value of the first page")
                .isGreaterThanOrEqualTo(valueWidth);
    }

    private TableColumn<ItemRow, ?> column(String header) {
        return table.getColumns().stream().filter(c -> header.equals(c.getId())).findFirst().orElse(null);
    }
}
