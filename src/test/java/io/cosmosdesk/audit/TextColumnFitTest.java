package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a column kept as wide as its texts and its header as shown (a header drawn larger than the cells' font
 * was guessed too narrow), and the fit stops listening to layout passes once done for the cells' font.
 */
class TextColumnFitTest {

    private TableView<String> table;
    private TableColumn<String, String> outcome;
    private TextColumnFit.Fitting fitting;
    private final javafx.beans.property.ObjectProperty<java.util.Collection<String>> texts =
            new javafx.beans.property.SimpleObjectProperty<>(List.of("ok", "failed"));

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        table = new TableView<>(FXCollections.observableArrayList("ok", "failed"));
        outcome = new TableColumn<>("Outcome of the write");
        outcome.setCellValueFactory(row -> new SimpleStringProperty(row.getValue()));
        TableColumn<String, String> other = new TableColumn<>("Other");
        other.setCellValueFactory(row -> new SimpleStringProperty("x"));
        table.getColumns().addAll(List.of(outcome, other));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitting = TextColumnFit.keepWhole(table, outcome, texts::get, texts);
        // the header drawn larger than the cells: the old guess (the cells' font in bold + 4 px) cut it
        table.setStyle("-fx-font-size: 12px;");
        Scene scene = new Scene(table, 600, 300);
        scene.getStylesheets().add("data:text/css,.column-header .label { -fx-font-size: 22px; }");
        stage.setScene(scene);
        stage.show();
    });

    @Test
    void theHeaderAsShownSetsTheMinimumAndLayoutPassesStopOnceFitted(FxRobot robot) throws Exception {
        MainWindowFixture.waitFor("fitted", () -> !fitting.waitingForLayout());
        WaitForAsyncUtils.waitForFxEvents();
        double[] header = new double[1];
        robot.interact(() -> {
            TableColumnHeader shown = (TableColumnHeader) table.lookupAll(".column-header").stream()
                    .filter(node -> node instanceof TableColumnHeader h && h.getTableColumn() == outcome)
                    .findFirst().orElseThrow();
            Label label = (Label) shown.lookup(".label");
            header[0] = label.prefWidth(-1) + shown.snappedLeftInset() + shown.snappedRightInset();
        });
        assertThat(outcome.getMinWidth()).as("as wide as the header as drawn").isGreaterThanOrEqualTo(header[0]);

        // the cells' font changes (theme, zoom): measured again after a layout pass, then quiet again
        double before = outcome.getMinWidth();
        robot.interact(() -> texts.set(List.of(
                "failed (CHANGED_BY_SOMEONE_ELSE), refused (READ_ONLY), throttled (429)")));
        assertThat(outcome.getMinWidth()).as("a longer text widens it").isGreaterThan(before);
        robot.interact(() -> table.setStyle("-fx-font-size: 20px;"));
        WaitForAsyncUtils.waitForFxEvents();
        MainWindowFixture.waitFor("fitted for the new font", () -> !fitting.waitingForLayout());
        assertThat(outcome.getMinWidth()).as("the larger font widens it").isGreaterThan(before * 1.3);
    }
}
