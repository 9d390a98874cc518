package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: a text cell of the Live changes table ends a line too long for it with "…", inside its width. */
class ChangeTextCellTest {

    private static final String LONG_ID = "a-rather-long-item-id-".repeat(6) + "end";
    private TableView<ChangeRow> table;
    private TableColumn<ChangeRow, ChangeRow> idColumn;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        table = new TableView<>();
        idColumn = new TableColumn<>("id");
        idColumn.setPrefWidth(160);
        idColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        idColumn.setCellFactory(column -> new ChangeTextCell(ChangeRow::id));
        table.getColumns().add(idColumn);
        table.getItems().addAll(row(1, LONG_ID), row(2, "short"));
        stage.setScene(new Scene(table, 400, 200));
        stage.show();
    }

    private static ChangeRow row(long n, String id) {
        return new ChangeRow(n, null, id, PartitionKeyValue.of("p"), ChangeRow.Kind.NEW, "new",
                JsonNodeFactory.instance.objectNode().put("id", id), 10);
    }

    @SuppressWarnings("unchecked")
    private TableCell<ChangeRow, ChangeRow> cellShowing(FxRobot robot, long sequence) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(node -> node instanceof ChangeTextCell cell && cell.getItem() != null
                        && cell.getItem().sequence() == sequence && cell.getWidth() > 0));
        return robot.lookup(".table-cell").queryAll().stream()
                .filter(node -> node instanceof ChangeTextCell cell && cell.getItem() != null
                        && cell.getItem().sequence() == sequence)
                .map(node -> (TableCell<ChangeRow, ChangeRow>) node).findFirst().orElseThrow();
    }

    private static void assertFits(TableCell<ChangeRow, ChangeRow> cell) {
        Text text = (Text) cell.lookup(".change-text");
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
        assertThat(text.getLayoutBounds().getWidth()).as("the text's width within the cell's " + room)
                .isLessThanOrEqualTo(room + 0.5);
    }

    @Test
    void aLongLineEndsWithAnEllipsisWithinTheCellAndAShortOneIsWhole(FxRobot robot) throws Exception {
        TableCell<ChangeRow, ChangeRow> cell = cellShowing(robot, 1);
        Text text = (Text) cell.lookup(".change-text");
        String narrowText = text.getText();
        assertThat(narrowText).endsWith("…").startsWith("a-rather");
        assertFits(cell);
        assertThat(((Text) cellShowing(robot, 2).lookup(".change-text")).getText()).isEqualTo("short");

        // wider: more of it shows, still cut and inside; wide enough: whole
        robot.interact(() -> idColumn.setPrefWidth(300));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShowing(robot, 1).getWidth() >= 299);
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<ChangeRow, ChangeRow> wider = cellShowing(robot, 1);
        String widerText = ((Text) wider.lookup(".change-text")).getText();
        assertThat(widerText).endsWith("…").hasSizeGreaterThan(narrowText.length());
        assertFits(wider);
        robot.interact(() -> table.getScene().getWindow().setWidth(1_400));
        robot.interact(() -> idColumn.setPrefWidth(1_300));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> ((Text) cellShowing(robot, 1).lookup(".change-text")).getText().equals(LONG_ID));
    }
}
