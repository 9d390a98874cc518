package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: the selected tab's header stays whole in a strip wider than its pane when its title grows. */
class TabHeadersTest {

    private TabPane pane;
    private Tab jobs;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        pane = new TabPane();
        for (int i = 1; i <= 8; i++) {
            Tab tab = new Tab("*Query " + i + " · orders");
            tab.setContent(new StackPane());
            pane.getTabs().add(tab);
        }
        jobs = new Tab("Jobs");
        jobs.setContent(new StackPane());
        pane.getTabs().add(jobs);
        TabHeaders.keepSelectedInView(pane);
        stage.setScene(new Scene(pane, 700, 300));
        stage.show();
    });

    @Test
    void theLastTabStaysWholeWhenItsTitleGrowsAfterItWasSelected(FxRobot robot) throws Exception {
        robot.interact(() -> pane.getSelectionModel().select(jobs));
        MainWindowFixture.waitFor("the strip scrolled to the Jobs tab", () -> whole(jobs));

        // a job starts: "Jobs" becomes "Jobs (1)" (wider), the strip is not scrolled by JavaFX for that
        robot.interact(() -> jobs.setText("Jobs (1) · a longer title than before"));
        robot.interact(() -> { });
        robot.interact(() -> { });
        MainWindowFixture.waitFor("the grown header is whole", () -> whole(jobs));
        assertThat(TabHeaders.overhang(pane)).isZero();
    }

    @Test
    void aHeaderInTheMiddleGrowingKeepsTheSelectedOneWhole(FxRobot robot) throws Exception {
        robot.interact(() -> pane.getSelectionModel().select(jobs));
        MainWindowFixture.waitFor("the strip scrolled to the Jobs tab", () -> whole(jobs));
        // an earlier tab's title grows (a query tab gets its file name): the headers after it move right
        robot.interact(() -> pane.getTabs().get(6).setText("*Query 7 · orders · a-long-file-name.sql"));
        robot.interact(() -> { });
        robot.interact(() -> { });
        MainWindowFixture.waitFor("the selected header is whole", () -> whole(jobs));
    }

    /** The header of {@code tab} lies inside the strip's visible part (left of the tabs menu button). */
    private boolean whole(Tab tab) {
        return robotCall(() -> {
            Node header = pane.lookupAll(".tab").stream().filter(node -> node.getProperties().get(Tab.class) == tab)
                    .findFirst().orElseThrow();
            Node area = pane.lookup(".tab-header-area");
            Bounds strip = area.localToScene(area.getLayoutBounds());
            double end = strip.getMaxX();
            Node menu = area.lookup(".control-buttons-tab");
            if (menu != null && menu.isVisible() && menu.getLayoutBounds().getWidth() > 0) {
                end = menu.localToScene(menu.getLayoutBounds()).getMinX();
            }
            Bounds bounds = header.localToScene(header.getLayoutBounds());
            return bounds.getMinX() >= strip.getMinX() - 0.5 && bounds.getMaxX() <= end + 0.5;
        });
    }

    private static boolean robotCall(java.util.concurrent.Callable<Boolean> check) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(check).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
