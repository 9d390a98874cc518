package io.cosmosdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Checks a dialog as a user sees it: its buttons on screen, inside its window, the window on the screen. */
public final class DialogAssertions {

    private DialogAssertions() {
    }

    /** {@code node} is shown, drawn inside its window's bounds, and the window fits the screen's visible area. */
    public static void assertInsideItsWindow(Node node) {
        assertThat(node.getScene()).as("%s is in a scene of a shown window", node)
                .extracting(scene -> scene.getWindow() != null && scene.getWindow().isShowing()).isEqualTo(true);
        Window window = node.getScene().getWindow();
        assertThat(node.isVisible()).as("%s is visible", node).isTrue();
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        double tolerance = 1;
        assertThat(bounds.getMinX()).as("%s left edge", node).isGreaterThanOrEqualTo(window.getX() - tolerance);
        assertThat(bounds.getMinY()).as("%s top edge", node).isGreaterThanOrEqualTo(window.getY() - tolerance);
        assertThat(bounds.getMaxX()).as("%s right edge inside the window", node)
                .isLessThanOrEqualTo(window.getX() + window.getWidth() + tolerance);
        assertThat(bounds.getMaxY()).as("%s bottom edge inside the window (window %s tall)", node, window.getHeight())
                .isLessThanOrEqualTo(window.getY() + window.getHeight() + tolerance);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(window.getHeight()).as("the window fits the screen").isLessThanOrEqualTo(screen.getHeight() + tolerance);
        assertThat(window.getY() + window.getHeight()).as("the window's bottom is on the screen")
                .isLessThanOrEqualTo(screen.getMaxY() + tolerance);
    }
}
