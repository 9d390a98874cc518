package io.cosmosdesk.ui;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A one-row toolbar that fits a narrow pane: its least used buttons (listed left to right) leave the row from the
 * right end, as many as the width needs, and wait in a "more" menu at the row's end (each as a menu item with the
 * button's accessible name and icon, disabled when the button is). The bar's minimum width is the width with every
 * such button in the menu, so a split pane can narrow the pane to that and the row never sticks out of it (the item
 * editor's toolbar beside the grid at a first start on a 1280 px screen), while a wide pane shows every button.
 */
public final class ToolbarOverflow {

    /** The style class of the "more" button. */
    public static final String STYLE_CLASS = "toolbar-overflow";

    private final HBox bar;
    private final List<Button> collapsible;
    private final MenuButton more;

    private ToolbarOverflow(HBox bar, List<Button> collapsible) {
        this.bar = bar;
        this.collapsible = List.copyOf(collapsible);
        this.more = new MenuButton();
        more.getStyleClass().addAll("flat", "no-arrow", STYLE_CLASS); // AtlantaFX's Tweaks.NO_ARROW
        more.setGraphic(new FontIcon("fth-more-horizontal"));
        more.setAccessibleText("More actions");
        more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        more.setTooltip(new Tooltip("More actions: the buttons that do not fit the toolbar's width"));
        for (Button button : this.collapsible) {
            MenuItem item = new MenuItem(button.getAccessibleText());
            if (button.getGraphic() instanceof FontIcon icon) {
                item.setGraphic(new FontIcon(icon.getIconCode()));
            }
            item.disableProperty().bind(button.disabledProperty());
            item.setOnAction(event -> button.fire());
            item.visibleProperty().bind(button.visibleProperty().not());
            more.getItems().add(item);
        }
    }

    /**
     * FX thread, once the buttons are in the bar (after {@link TooltipHolder}, whose holders follow their button's
     * visibility): adds the "more" button after the last of {@code collapsible} and keeps the row fitting the bar's
     * width from then on. Returns the "more" button.
     */
    public static MenuButton install(HBox bar, Button... collapsible) {
        ToolbarOverflow overflow = new ToolbarOverflow(bar, List.of(collapsible));
        ObservableList<Node> children = bar.getChildren();
        children.add(children.indexOf(overflow.inBar(collapsible[collapsible.length - 1])) + 1, overflow.more);
        bar.widthProperty().addListener((obs, old, width) -> overflow.fit(width.doubleValue()));
        // the buttons' widths arrive with CSS after the first fit (at a first start the width never changes again):
        // fitted again after each layout of the bar; a second pass changes nothing, so it settles
        bar.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                overflow.fit(bar.getWidth());
            }
        });
        overflow.fit(bar.getWidth());
        return overflow.more;
    }

    /** Shows as many of the buttons as {@code width} holds, the rest in the menu; sets the bar's minimum. */
    private void fit(double width) {
        if (more.getSkin() == null && more.getScene() != null) {
            more.applyCss(); // never shown yet: without its skin it would measure 0 px wide and stick out
        }
        bar.setMinWidth(needed(0));
        int shown = collapsible.size();
        while (shown > 0 && needed(shown) > width) {
            shown--;
        }
        for (int i = 0; i < collapsible.size(); i++) {
            boolean show = i < shown;
            Button button = collapsible.get(i);
            button.setVisible(show);
            button.setManaged(show);
        }
        more.setVisible(shown < collapsible.size());
        more.setManaged(more.isVisible());
    }

    /** The row's width with the first {@code shown} buttons on it (and the "more" button if any is left out). */
    private double needed(int shown) {
        double total = bar.snappedLeftInset() + bar.snappedRightInset();
        int count = 0;
        List<Node> inBar = collapsible.stream().map(this::inBar).toList();
        for (Node child : bar.getChildren()) {
            if (child == more || inBar.contains(child) || !child.isVisible() || !child.isManaged()) {
                continue;
            }
            total += child.minWidth(-1); // the state label gives way (minimum 0); the buttons keep their width
            count++;
        }
        for (int i = 0; i < shown; i++) {
            total += inBar.get(i).prefWidth(-1);
            count++;
        }
        if (shown < collapsible.size()) {
            total += more.prefWidth(-1);
            count++;
        }
        return total + bar.getSpacing() * Math.max(0, count - 1);
    }

    /** The bar's child that is {@code button} or holds it ({@link TooltipHolder}). */
    private Node inBar(Button button) {
        return button.getParent() == bar ? button : button.getParent();
    }
}
