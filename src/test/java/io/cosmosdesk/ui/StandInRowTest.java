package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a table waiting for its data has its row and cell skins made (by a stand-in row no one sees) before the
 * data comes, then shows its real list, so the first real rows only add rows.
 */
class StandInRowTest {

    private final ObservableList<String> items = FXCollections.observableArrayList();
    private TableView<String> table;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>("value");
        column.setCellValueFactory(features -> new ReadOnlyStringWrapper(features.getValue()));
        table.getColumns().add(column);
        StandInRow.install(table, items, "stand-in");
        stage.setScene(new Scene(table, 300, 200));
        stage.show();
    }

    @Test
    void theRowSkinIsMadeBeforeTheDataAndThenTheRealListShows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class))
                .as("a row made and styled while no data had come").anyMatch(row -> row.getSkin() != null);
        assertThat(table.getStyleClass()).doesNotContain("stand-in-row");
        assertThat(table.getItems()).isEmpty();

        robot.interact(() -> items.addAll("a", "b"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).containsExactly("a", "b");
    }

    @Test
    void dataArrivingFirstIsShownAtOnce(FxRobot robot) {
        ObservableList<String> real = FXCollections.observableArrayList();
        TableView<String> waiting = new TableView<>();
        robot.interact(() -> {
            StandInRow.install(waiting, real, "stand-in");
            assertThat(waiting.getItems()).containsExactly("stand-in");
            real.add("early");
            assertThat(waiting.getItems()).as("the real list, in the same event").containsExactly("early");
            real.add(0, "first");
            real.remove("early");
            assertThat(waiting.getItems()).containsExactly("first");
        });
    }
}
