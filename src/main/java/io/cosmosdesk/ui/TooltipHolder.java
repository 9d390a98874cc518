package io.cosmosdesk.ui;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * JavaFX shows no tooltip on a disabled control, so a greyed-out icon button would not even say what it is. A
 * holder around the control carries its tooltip instead: the holder stays enabled, and the mouse over the control
 * (enabled or not) is over the holder too.
 */
public final class TooltipHolder {

    /** The style class of every holder (no look of its own). */
    public static final String STYLE_CLASS = "tooltip-holder";

    private TooltipHolder() {
    }

    /**
     * FX thread, once the controls are in their parent (e.g. from a controller's initialize): puts each control
     * with a tooltip into a holder in its place and moves the tooltip onto the holder. Controls without a tooltip
     * are left as they are.
     */
    public static void holdTooltipsOf(Control... controls) {
        for (Control control : controls) {
            hold(control);
        }
    }

    /** The holder now carrying {@code control}'s tooltip, or null when it had none or is not in a pane. */
    public static StackPane hold(Control control) {
        Tooltip tooltip = control.getTooltip();
        Parent parent = control.getParent();
        if (tooltip == null || !(parent instanceof Pane pane)) {
            return null;
        }
        ObservableList<Node> children = pane.getChildren();
        int index = children.indexOf(control);
        StackPane holder = new StackPane();
        holder.getStyleClass().add(STYLE_CLASS);
        holder.setMinWidth(Region.USE_PREF_SIZE);
        holder.setMaxWidth(Region.USE_PREF_SIZE);
        holder.visibleProperty().bind(control.visibleProperty());
        holder.managedProperty().bind(control.managedProperty());
        HBox.setHgrow(holder, HBox.getHgrow(control));
        HBox.setMargin(holder, HBox.getMargin(control));
        FlowPane.setMargin(holder, FlowPane.getMargin(control));
        control.setTooltip(null);
        children.set(index, holder);
        holder.getChildren().add(control);
        Tooltip.install(holder, tooltip);
        return holder;
    }
}
