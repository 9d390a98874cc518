package io.cosmosdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Headless: a test's window does not depend on what an earlier test of the same JVM did to its stage. The first
 * test leaves its stage as untidy as tests have left it (explicit size and place, min/max sizes, maximized, a title,
 * not resizable); the second must still get a window sized to its own scene.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FxAppExtensionTest {

    private final AtomicReference<Stage> shown = new AtomicReference<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        stage.setScene(new Scene(new Pane(), 320, 120));
        stage.show();
        shown.set(stage);
    });

    @Test
    @Order(1)
    void aTestLeavesItsStageUntidy(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = shown.get();
            stage.setMinWidth(900);
            stage.setMinHeight(700);
            stage.setMaxWidth(1500);
            stage.setMaxHeight(1100);
            stage.setWidth(1400);
            stage.setHeight(1000);
            stage.setX(40);
            stage.setY(30);
            stage.setTitle("Left behind");
            stage.setResizable(false);
            stage.setOpacity(0.5);
            stage.setMaximized(true);
            stage.setScene(new Scene(new Pane(), 1400, 1000));
        });
        assertThat(shown.get().getWidth()).isGreaterThan(320);
    }

    @Test
    @Order(2)
    void theNextTestStillGetsAWindowSizedToItsOwnScene(FxRobot robot) {
        Stage stage = shown.get();
        robot.interact(() -> {
            assertThat(stage.isShowing()).isTrue();
            assertThat(stage.getWidth()).isEqualTo(320);
            assertThat(stage.getHeight()).isEqualTo(120);
            assertThat(stage.getScene().getWidth()).isEqualTo(320);
            assertThat(stage.getMinWidth()).isZero();
            assertThat(stage.getMinHeight()).isZero();
            assertThat(stage.getMaxWidth()).isEqualTo(Double.MAX_VALUE);
            assertThat(stage.getMaxHeight()).isEqualTo(Double.MAX_VALUE);
            assertThat(stage.isMaximized()).isFalse();
            assertThat(stage.isIconified()).isFalse();
            assertThat(stage.isFullScreen()).isFalse();
            assertThat(stage.isResizable()).isTrue();
            assertThat(stage.getOpacity()).isEqualTo(1.0);
            assertThat(stage.getTitle()).isNotEqualTo("Left behind");
        });
    }
}
