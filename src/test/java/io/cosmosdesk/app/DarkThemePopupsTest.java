package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: in the dark theme a popup fills its window, leaving no margin the window system paints light. */
@ExtendWith(ApplicationExtension.class)
class DarkThemePopupsTest {

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = io.cosmosdesk.testing.MainWindowFixture.show(stage,
                Path.of(System.getProperty("cosmosdesk.home", "target/test-home")), mock(DialogService.class));
    }

    @Stop
    void stop() {
        context.close();
    }

    @AfterAll
    static void resetGlobalStylesheet() {
        Application.setUserAgentStylesheet(null);
    }

    @Test
    void aTooltipInTheDarkThemeHasNoShadowMarginAroundIt(FxRobot robot) {
        robot.interact(() -> context.mainViewModel().toggleTheme());
        assertThat(context.mainViewModel().themeProperty().get()).isEqualTo(Theme.DARK);
        Tooltip tooltip = robot.lookup("#treeFilter").queryAs(TextField.class).getTooltip();

        robot.interact(() -> tooltip.show(stage, 100, 100));
        WaitForAsyncUtils.waitForFxEvents();

        Node drawn = tooltip.getSkin().getNode();
        assertThat(drawn.getEffect()).as("no drop shadow").isNull();
        assertThat(tooltip.getWidth()).as("window as wide as the tooltip")
                .isCloseTo(drawn.getBoundsInParent().getWidth(), within(1.0));
        assertThat(tooltip.getHeight()).isCloseTo(drawn.getBoundsInParent().getHeight(), within(1.0));
        robot.interact(tooltip::hide);
        robot.interact(() -> context.mainViewModel().toggleTheme());
    }
}
