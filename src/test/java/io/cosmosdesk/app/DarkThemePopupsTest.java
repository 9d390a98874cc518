package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: in the dark theme a popup fills its window, leaving no margin the window system paints light. */
class DarkThemePopupsTest {

    private AppContext context;
    private Stage stage;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown).afterShow(shown -> stage = shown);

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
