package io.cosmosdesk.ui;

import javafx.scene.Node;
import javafx.scene.Scene;

/** Small questions and changes about a node that several views share. FX thread. */
public final class Nodes {

    private Nodes() {
    }

    /** The node is in a scene whose window shows (a hidden window keeps its scene). */
    public static boolean inShowingWindow(Node node) {
        Scene scene = node.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    /** Gives {@code node} the style class {@code styleClass} once, or takes it away. */
    public static void toggleStyleClass(Node node, String styleClass, boolean on) {
        if (!on) {
            node.getStyleClass().removeAll(styleClass);
        } else if (!node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        }
    }
}
