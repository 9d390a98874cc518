package io.cosmosdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, the app's theme: a finished job the user clicked stays readable. The theme's selected cell is light
 * and the panel drew a selected job's title and result in white on it (s19 walk: "Exported 12,000 items …" barely
 * visible after clicking the job).
 */
class SelectedJobReadableGuiTest {

    private ListView<?> list;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        Jobs jobs = new Jobs(ImmediateTaskRunner.immediate());
        jobs.start("Export", "retail/orders → orders.jsonl", context -> Path.of("/tmp/orders.jsonl"),
                file -> new JobOutcome("Exported 12,000 items (14.5 MB) to " + file + " in 5 s.", file));
        FxAppExtension.showStyled(stage, (javafx.scene.Parent) new JobsTab(jobs).view(), 900, 400);
    }

    /** Seen failing with the selected rule of s18: the title's contrast 1.17 (white on the light selected cell). */
    @Test
    void aSelectedFinishedJobsTitleAndResultAreReadable(FxRobot robot) throws Exception {
        list = robot.lookup(".jobs-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        ListCell<?> cell = robot.lookup(".jobs-list .list-cell").match((ListCell<?> c) -> c.isSelected())
                .queryAs(ListCell.class);
        for (String part : new String[] {".job-title", ".job-status"}) {
            Label label = (Label) cell.lookup(part);
            double contrast = WaitForAsyncUtils.asyncFx(() -> contrast((Color) label.getTextFill(), background(cell)))
                    .get();
            assertThat(contrast).as("%s (%s) on the selected cell", part, label.getText()).isGreaterThanOrEqualTo(3.0);
        }
    }

    private static Color background(Region region) {
        var fills = region.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    /** WCAG's contrast ratio of two colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
