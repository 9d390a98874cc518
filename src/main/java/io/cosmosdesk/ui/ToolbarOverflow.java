package io.cosmosdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A one-row toolbar that fits a narrow pane: its least used buttons (listed left to right) leave the row from the
 * end of the list, as many as the width needs, and wait in a "more" menu (each as a menu item with the button's
 * text or accessible name and icon, disabled when the button is).
 * <ul>
 * <li>{@link #install}: an {@link HBox} bar gets a "⋯" button of its own; the bar's minimum width is the width with
 * every such button in the menu, so a split pane can narrow the pane to that and the row never sticks out of it
 * (the item editor's toolbar beside the grid at a first start on a 1280 px screen).</li>
 * <li>{@link #installInto}: the bar already has a menu of its own (the Items toolbar's More): the buttons' items
 * stand at its top, shown while their buttons are off the row; a wrapping bar ({@link FlowPane}) keeps wrapping as
 * the last resort, so no minimum is set.</li>
 * </ul>
 * It fits again when the bar's width changes, and when its children or the menu's other items change (a feature's
 * button added later). The buttons' widths arrive with CSS after the first fit (at a first start the width never
 * changes again), so after each of these it also fits after each layout of the bar until two passes in a row,
 * with every control styled, measure the same row; then it stops fitting after layout passes (a toolbar is laid
 * out on every hover and text change) and only checks, with one sum, that the shown buttons still fit the bar.
 */
public final class ToolbarOverflow {

    /** The style class of the "more" button. */
    public static final String STYLE_CLASS = "toolbar-overflow";

    private static final String KEY = ToolbarOverflow.class.getName();

    private final Pane bar;
    private final List<Button> collapsible;
    private final MenuButton more;
    private final boolean ownMenu;
    private final List<MenuItem> items = new ArrayList<>();
    private final SeparatorMenuItem divider = new SeparatorMenuItem();
    // one listener for the bar's whole life, heard after each layout pass (a change listener: an invalidation
    // listener on needsLayout hears only its first change, as nothing reads it). While a fit settles it fits after
    // every pass; once settled it is a guard, cheap when nothing is wrong: a row that no longer fits (a button or
    // label on it grew or showed after the fit settled: the editor's toolbar as an item loads, at 1152 px the last
    // icon ended at 433 in a 409.5 px bar in clean-clone CI runs) is fitted again; a pass whose row still fits (a
    // hover, the state label's text) costs one sum and fits nothing
    private final ChangeListener<Boolean> afterLayout = (obs, was, needs) -> {
        if (!needs) {
            afterLayout();
        }
    };
    private boolean listeningToLayout;
    private double lastMeasure = -1;
    private int fits;

    private ToolbarOverflow(Pane bar, MenuButton more, boolean ownMenu, List<Button> collapsible) {
        this.bar = bar;
        this.more = more;
        this.ownMenu = ownMenu;
        this.collapsible = List.copyOf(collapsible);
        for (Button button : this.collapsible) {
            String name = button.getAccessibleText() != null ? button.getAccessibleText() : button.getText();
            MenuItem item = new MenuItem(name);
            if (button.getGraphic() instanceof FontIcon icon) {
                item.setGraphic(new FontIcon(icon.getIconCode()));
            }
            item.disableProperty().bind(button.disabledProperty());
            item.setOnAction(event -> button.fire());
            item.visibleProperty().bind(button.visibleProperty().not()); // in the menu while off the row
            items.add(item);
        }
    }

    /**
     * FX thread, once the buttons are in the bar (after {@link TooltipHolder}, whose holders follow their button's
     * visibility): adds the "more" button after the last of {@code collapsible} and keeps the row fitting the bar's
     * width from then on. Returns the "more" button.
     */
    public static MenuButton install(HBox bar, Button... collapsible) {
        MenuButton more = new MenuButton();
        more.getStyleClass().addAll("flat", "no-arrow", STYLE_CLASS); // AtlantaFX's Tweaks.NO_ARROW
        more.setGraphic(new FontIcon("fth-more-horizontal"));
        more.setAccessibleText("More actions");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setTooltip(new Tooltip("More actions: the buttons that do not fit the toolbar's width"));
        ToolbarOverflow overflow = new ToolbarOverflow(bar, more, true, List.of(collapsible));
        more.getItems().addAll(overflow.items);
        ObservableList<Node> children = bar.getChildren();
        children.add(children.indexOf(overflow.inBar(collapsible[collapsible.length - 1])) + 1, more);
        overflow.start();
        return more;
    }

    /**
     * FX thread, once the buttons and {@code more} are in the bar: the buttons that do not fit leave the row (the
     * last of {@code collapsible} first) and show at the top of {@code more}'s menu, above its own items (added
     * later ones go after them), until the row has room for them again. {@code more}'s own visibility is left to
     * its owner.
     */
    public static void installInto(Pane bar, MenuButton more, Button... collapsible) {
        ToolbarOverflow overflow = new ToolbarOverflow(bar, more, false, List.of(collapsible));
        more.getItems().addAll(0, overflow.items);
        more.getItems().add(overflow.items.size(), overflow.divider);
        overflow.start();
    }

    /** How many times the bar's row was fitted (tests: a settled bar stops fitting on every layout pass). */
    static int fitsOf(Pane bar) {
        return bar.getProperties().get(KEY) instanceof ToolbarOverflow overflow ? overflow.fits : -1;
    }

    private void start() {
        bar.getProperties().put(KEY, this);
        // a new width is fitted at once and again after the layout passes that follow, until they measure the
        // same row twice (in the pass that changes the width, the buttons' sizes may not be current yet)
        bar.widthProperty().addListener((obs, old, width) -> {
            listenToLayout();
            fit(width.doubleValue());
        });
        // a button added later (a feature's) or the menu's own items (its width on the row) change the sums:
        // fitted again, and measured again after the new nodes' CSS
        InvalidationListener changed = observable -> {
            listenToLayout();
            fit(bar.getWidth());
        };
        bar.getChildren().addListener(changed);
        if (!ownMenu) {
            more.visibleProperty().addListener((obs, was, visible) -> changed.invalidated(obs));
        }
        listenToLayout();
        fit(bar.getWidth());
        bar.needsLayoutProperty().addListener(afterLayout);
    }

    /** The buttons on the row now need more than the bar's width. */
    private boolean rowOverflows() {
        int shown = 0;
        while (shown < collapsible.size() && collapsible.get(shown).isVisible()) {
            shown++;
        }
        return needed(shown) > bar.getWidth() + 0.5;
    }

    /** Fits after every layout pass from now on, until two passes measure the same row. */
    private void listenToLayout() {
        if (!listeningToLayout) {
            listeningToLayout = true;
            lastMeasure = -1;
        }
    }

    private void afterLayout() {
        if (!listeningToLayout) {
            if (bar.getWidth() > 0 && rowOverflows()) {
                listenToLayout();
                fit(bar.getWidth());
            }
            return;
        }
        fit(bar.getWidth());
        // settled once a pass in a shown window, with CSS applied to every control on the row (each has its skin:
        // its font and padding are known), measures what the last one did
        double measure = needed(collapsible.size());
        if (styled() && bar.getWidth() > 0 && measure == lastMeasure) {
            listeningToLayout = false;
        }
        lastMeasure = measure;
    }

    /** The bar is in a shown window and every control in it (held ones too) has its skin. */
    private boolean styled() {
        if (!Nodes.inShowingWindow(bar)) {
            return false;
        }
        java.util.Deque<Node> nodes = new java.util.ArrayDeque<>(bar.getChildrenUnmodifiable());
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            if (node instanceof Control control) {
                if (control.getSkin() == null) {
                    return false;
                }
            } else if (node instanceof Parent parent) {
                nodes.addAll(parent.getChildrenUnmodifiable());
            }
        }
        return true;
    }

    /** Shows as many of the buttons as {@code width} holds, the rest in the menu; sets the bar's minimum. */
    private void fit(double width) {
        fits++;
        if (more.getSkin() == null && more.getScene() != null) {
            more.applyCss(); // never shown yet: without its skin it would measure 0 px wide and stick out
        }
        if (ownMenu) {
            bar.setMinWidth(needed(0));
        }
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
        if (ownMenu) {
            more.setVisible(shown < collapsible.size());
            more.setManaged(more.isVisible());
        } else {
            joinMenu(shown);
        }
    }

    /** The joined menu: a divider between the items of the buttons off the row and the menu's own items. */
    private void joinMenu(int shown) {
        divider.setVisible(shown < collapsible.size()
                && more.getItems().stream().anyMatch(item -> item != divider && !items.contains(item)));
    }

    /** The row's width with the first {@code shown} buttons on it (and the "more" button if it shows). */
    private double needed(int shown) {
        double total = bar.snappedLeftInset() + bar.snappedRightInset();
        int count = 0;
        List<Node> inBar = collapsible.stream().map(this::inBar).toList();
        for (Node child : bar.getChildren()) {
            if (child == more || inBar.contains(child) || !child.isVisible() || !child.isManaged()) {
                continue;
            }
            // a wrapping bar lays its children out at their preferred widths; in a row the state label gives way
            // (minimum 0) and the buttons keep their width
            total += bar instanceof FlowPane ? child.prefWidth(-1) : child.minWidth(-1);
            count++;
        }
        for (int i = 0; i < shown; i++) {
            total += inBar.get(i).prefWidth(-1);
            count++;
        }
        // a joined menu is on the row as its owner decides (for its own items)
        boolean moreShows = shown < collapsible.size() || !ownMenu && more.isVisible() && more.isManaged();
        if (moreShows) {
            total += more.prefWidth(-1);
            count++;
        }
        return total + gap() * Math.max(0, count - 1);
    }

    private double gap() {
        if (bar instanceof HBox row) {
            return row.getSpacing();
        }
        return bar instanceof FlowPane flow ? flow.getHgap() : 0;
    }

    /** The bar's child that is {@code button} or holds it ({@link TooltipHolder}). */
    private Node inBar(Button button) {
        return button.getParent() == bar ? button : button.getParent();
    }
}
