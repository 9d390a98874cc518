package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a hidden window keeps its scene, and the warm-up went on stepping there (a test's window hidden as the
 * test ends, the tab still warming up). Its scrolls apply CSS to new cells, from the topmost node that needs it: in
 * the suite, where the theme is reset after each test, that styled the whole tab without the theme's colours, the
 * CSS lookup warnings CI printed during ChangesTabViewGuiTest. It gives up at its next step instead.
 */
class TableWarmUpHiddenWindowTest {

    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private TableView<ChangeRow> table;
    private TableWarmUp warmUp;
    private Stage stage;
    /** Changes to the made-up rows after the window was hidden. */
    private volatile int madeUpAfterHide;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage shown) {
        stage = shown;
        table = TableWarmUpTest.idTable(rows);
        warmUp = TableWarmUp.install(table, rows);
        // as it starts (the made-up rows just went in, before its first step) the window hides, as a window closes
        // or a test's window is hidden as the test ends: no race with the pulses
        warmUp.warmingProperty().addListener((obs, was, warming) -> {
            if (warming) {
                table.getItems().addListener((ListChangeListener<ChangeRow>) change -> madeUpAfterHide++);
                stage.hide();
            }
        });
        // shown first, the table joins after: laid out in a pulse of a showing window (shown with the table, the
        // warm-up started within show(), where a hide does nothing)
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        stage.getScene().setRoot(table);
    }

    @Test
    void theWarmUpStopsWhenItsWindowIsHidden() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("hidden as the warm-up started").isFalse();
        assertThat(madeUpAfterHide).as("steps that added made-up rows after the window was hidden").isZero();
        assertThat(table.getItems()).isSameAs(rows);
        assertThat(table.isMouseTransparent()).isFalse();
    }
}
