package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.testing.PagesInMemory;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, the Items tab with the app's stylesheet: a page appended while the grid shows its first rows works out no
 * cell at all, neither of the rows on screen nor of those appended below it (it lengthens the scroll bar); their cells
 * are worked out when scrolled to. A guard: measured in session 13, this held already (JavaFX 21's VirtualFlow
 * neither rebuilds the visible cells nor measures new rows when rows are appended to a non-empty table).
 */
class ItemsGridOffScreenRowsGuiTest {

    private static final int PAGE = 200;
    private ItemsViewModel viewModel;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        try {
            // the client is never called: the pages come from memory
            ContainerHandle handle = OfflineContainer.handle("shop", "orders");
            viewModel = new ItemsViewModel(handle, new PagesInMemory(pages(3)), ImmediateTaskRunner.immediate(),
                    Mockito.mock(DialogService.class), new ColumnSettingsStore(Files.createTempDirectory("off")));
            viewModel.pageSizeProperty().set(PAGE);
            FxAppExtension.showStyled(stage, ItemsTab.load(viewModel).view(), 1000, 600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    @Test
    void aPageAppendedBelowTheScreenWorksOutNoCellOfItsRows(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == PAGE);
        WaitForAsyncUtils.waitForFxEvents(5);
        ConcurrentSkipListSet<Integer> asked = new ConcurrentSkipListSet<>();
        robot.interact(() -> {
            for (TableColumn<ItemRow, ?> column : table.getColumns()) {
                watch(column, table, asked);
            }
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        asked.clear();
        robot.interact(viewModel::loadMore); // the second page goes in below the screen
        WaitForAsyncUtils.waitForFxEvents(5);
        robot.interact(() -> { });
        assertThat(table.getItems()).hasSize(2 * PAGE);
        assertThat(asked).as("rows whose cells were worked out while the second page went in below the screen")
                .isEmpty();
        // the watch does see rows worked out: scrolled to, the second page's rows are
        robot.interact(() -> table.scrollTo(PAGE + PAGE / 2));
        WaitForAsyncUtils.waitForFxEvents(5);
        robot.interact(() -> { });
        assertThat(asked).as("rows worked out once scrolled to").anyMatch(index -> index >= PAGE);
    }

    /** Records the index of every row whose cell {@code column} works out. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void watch(TableColumn column, TableView<ItemRow> table, ConcurrentSkipListSet<Integer> asked) {
        javafx.util.Callback factory = column.getCellValueFactory();
        column.setCellValueFactory(features -> {
            TableColumn.CellDataFeatures<ItemRow, ?> cell = (TableColumn.CellDataFeatures<ItemRow, ?>) features;
            asked.add(table.getItems().indexOf(cell.getValue()));
            return factory.call(features);
        });
    }

    private static List<ItemPage> pages(int count) {
        List<ItemPage> pages = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<ItemRow> rows = new ArrayList<>();
            for (int i = 0; i < PAGE; i++) {
                int n = p * PAGE + i;
                rows.add(ItemRow.of(JsonNodeFactory.instance.objectNode().put("id", "item-" + n)
                        .put("customerId", "c" + n % 7).put("total", n), List.of("/customerId")));
            }
            pages.add(new ItemPage(rows, p + 1 < count ? "page-" + (p + 1) : null, 1.0, Duration.ofMillis(1), "a"));
        }
        return pages;
    }
}
