package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: a disabled icon button still says what it is when the mouse rests on it. */
class TooltipHolderTest {

    private final Button reload = new Button("⟳");
    private final HBox toolbar = new HBox(4, new Button("New"), reload, new Button("Find"));

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        reload.setTooltip(new Tooltip("Reload: read the item again from the server"));
        reload.setDisable(true);
        TooltipHolder.holdTooltipsOf(reload);
        stage.setScene(new Scene(toolbar, 300, 80));
        stage.show();
    });

    @Test
    void aDisabledButtonsTooltipShowsWhenTheMouseRestsOnIt(FxRobot robot) throws Exception {
        robot.moveTo(reload);
        robot.moveBy(1, 1); // a tooltip waits for the mouse to move over its node

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip(robot).isPresent());
        assertThat(shownTooltip(robot).orElseThrow().getText()).isEqualTo("Reload: read the item again from the server");
    }

    @Test
    void theHolderTakesTheButtonsPlaceAndTheButtonStaysDisabled() {
        assertThat(toolbar.getChildren()).hasSize(3);
        assertThat(toolbar.getChildren().get(1).getStyleClass()).contains(TooltipHolder.STYLE_CLASS);
        assertThat(reload.getParent()).isSameAs(toolbar.getChildren().get(1));
        assertThat(reload.isDisabled()).isTrue();
    }

    private static Optional<Tooltip> shownTooltip(FxRobot robot) {
        return Window.getWindows().stream().filter(window -> window instanceof Tooltip && window.isShowing())
                .map(window -> (Tooltip) window).findFirst();
    }
}
