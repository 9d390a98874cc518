package io.cosmosdesk.ui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the mouse first enters its node, with the text of that moment. A {@link Tooltip} is a popup
 * window with its own scene, and making one styles that scene: a few milliseconds each, which a tree or a chart
 * redrawn with dozens of them turns into a stall the user feels. Made on demand, only the hovered node pays.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    /** FX thread. {@code text} is read at each entry; null or empty shows no tooltip. */
    public static void install(Node node, Supplier<String> text) {
        Tooltip[] made = new Tooltip[1];
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            String now = text.get();
            if (now == null || now.isEmpty()) {
                if (made[0] != null) {
                    Tooltip.uninstall(node, made[0]);
                    made[0] = null;
                }
                return;
            }
            if (made[0] == null) {
                made[0] = new Tooltip(now);
                Tooltip.install(node, made[0]);
            } else {
                made[0].setText(now);
            }
        });
    }
}
