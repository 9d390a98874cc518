package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a tooltip styled by our sheet whose owner chain reaches no theme (JavaFX holds the chain's first link
 * weakly; in CI it broke and our .tooltip rule threw "String cannot be cast to Paint"). Reproduced here by styling
 * with our sheet under JavaFX's own Modena, which defines none of the theme's -color-* variables.
 */
class PopupThemeSheetsTest {

    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Label owner;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA); // no theme anywhere in the chain
        PopupThemeSheets.follow(Theme.DARK);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> thrown.add(error));
        owner = new Label("Reload");
        owner.setTooltip(new Tooltip("Reload: read the item again from the server"));
        Scene scene = new Scene(new StackPane(owner), 300, 120);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        shown.setScene(scene);
        shown.show();
        stage = shown;
    });

    @AfterEach
    void themeBack(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    @Test
    void aTooltipResolvesTheThemesColoursOnItselfWithNoThemeAboveIt(FxRobot robot) {
        Tooltip tooltip = owner.getTooltip();
        robot.interact(() -> tooltip.show(stage, stage.getX() + 10, stage.getY() + 10));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(thrown).as("nothing thrown while styling the tooltip").isEmpty();
        Region drawn = (Region) tooltip.getSkin().getNode();
        assertThat(drawn.getBackground()).as("our .tooltip rule applied").isNotNull();
        List<Paint> fills = drawn.getBackground().getFills().stream().map(fill -> fill.getFill()).toList();
        // the dark theme's -color-border-default and -color-bg-overlay
        assertThat(fills).containsExactly(Color.web("#30363d"), Color.web("#0d1117"));
        assertThat(tooltip.getScene().getStylesheets()).contains(Theme.DARK.popupStylesheet())
                .doesNotContain(Theme.LIGHT.popupStylesheet());
        robot.interact(tooltip::hide);
    }

    @Test
    void aThemeChangeSwapsTheSheetOnShownWindows(FxRobot robot) {
        robot.interact(() -> PopupThemeSheets.follow(Theme.LIGHT));
        assertThat(stage.getScene().getStylesheets()).containsExactly(Theme.APP_STYLESHEET,
                Theme.LIGHT.popupStylesheet());
    }
}
