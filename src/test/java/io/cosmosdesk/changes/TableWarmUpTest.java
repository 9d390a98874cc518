package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: while the warm-up shows its made-up rows (unseen, but drawn), the table takes no clicks, so a
 * double-click on the blank-looking table cannot open "warm-up-0000000" in the editor; afterwards it does.
 */
class TableWarmUpTest {

    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final List<Boolean> mouseTransparentWhileWarming = new ArrayList<>();
    private TableView<ChangeRow> table;
    private TableWarmUp warmUp;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        table = new TableView<>(rows);
        TableColumn<ChangeRow, String> id = new TableColumn<>("id");
        id.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().id()));
        table.getColumns().add(id);
        warmUp = TableWarmUp.install(table, rows);
        warmUp.warmingProperty().addListener((obs, was, warming) -> {
            if (warming) {
                mouseTransparentWhileWarming.add(table.isMouseTransparent());
            }
        });
        table.itemsProperty().addListener((obs, old, items) -> {
            if (items != rows) {
                // the made-up rows just went in
                mouseTransparentWhileWarming.add(table.isMouseTransparent());
            }
        });
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    @Test
    void theMadeUpRowsTakeNoClicksAndTheTableDoesAfterwards(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mouseTransparentWhileWarming).as("the warm-up ran").isNotEmpty().containsOnly(true);
        assertThat(table.isMouseTransparent()).as("after the warm-up").isFalse();
        assertThat(table.getItems()).isSameAs(rows);
    }
}
