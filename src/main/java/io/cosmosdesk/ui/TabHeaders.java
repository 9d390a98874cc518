package io.cosmosdesk.ui;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Keeps the selected tab's header whole in a tab strip that is wider than its pane. JavaFX's TabPane scrolls its
 * strip to the selected header only when a tab is added, removed or moved, or the pane is resized, measuring the
 * headers as they are at that moment: a header that grows afterwards ("Jobs" becoming "Jobs (1)"), or headers
 * measured before their CSS arrived (the tabs restored at start), leave the selected one cut at the strip's end or
 * under the tabs menu button. After each layout of the strip this checks the selected header against the strip's
 * visible part and, when it sticks out, scrolls by the difference through the strip's own scroll handling (the
 * mouse wheel's), the only public way to move it. A header already whole costs a few bounds and nothing else.
 */
public final class TabHeaders {

    private TabHeaders() {
    }

    /** FX thread: keeps {@code pane}'s selected header in view from now on (its skin may come later). */
    public static void keepSelectedInView(TabPane pane) {
        InvalidationListener withSkin = observable -> attach(pane);
        pane.skinProperty().addListener(withSkin);
        attach(pane);
    }

    private static void attach(TabPane pane) {
        if (pane.getSkin() == null) {
            return;
        }
        Node headers = pane.lookup(".headers-region");
        if (headers instanceof Parent region && !region.getProperties().containsKey(TabHeaders.class)) {
            region.getProperties().put(TabHeaders.class, Boolean.TRUE);
            region.needsLayoutProperty().addListener((obs, was, needs) -> {
                if (!needs) {
                    scrollSelectedIntoView(pane, region);
                }
            });
            pane.getSelectionModel().selectedItemProperty().addListener(obs -> region.requestLayout());
            // a header that grows is resized after the strip's own layout pass: heard through its bounds
            region.getChildrenUnmodifiable().forEach(header -> watch(pane, region, header));
            region.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(header -> watch(pane, region, header));
                }
            });
        }
    }

    private static void watch(TabPane pane, Parent headers, Node header) {
        header.boundsInParentProperty().addListener((obs, old, bounds) -> {
            if (header.getProperties().get(Tab.class) == pane.getSelectionModel().getSelectedItem()) {
                scrollSelectedIntoView(pane, headers);
            }
        });
    }

    /** How far the selected header sticks out of the strip's visible part: negative to the left, 0 when whole. */
    static double overhang(TabPane pane) {
        Node headers = pane.lookup(".headers-region");
        Node selected = selectedHeader(pane);
        if (!(headers instanceof Parent) || selected == null || pane.getWidth() <= 0) {
            return 0;
        }
        Node area = headers.getParent();
        Bounds strip = area.localToScene(area.getLayoutBounds());
        double visibleStart = strip.getMinX() + ((Region) area).snappedLeftInset();
        double visibleEnd = strip.getMaxX() - ((Region) area).snappedRightInset();
        Node menu = area.lookup(".control-buttons-tab");
        if (menu != null && menu.isVisible() && menu.getLayoutBounds().getWidth() > 0) {
            visibleEnd = Math.min(visibleEnd, menu.localToScene(menu.getLayoutBounds()).getMinX());
        }
        Bounds header = selected.localToScene(selected.getLayoutBounds());
        if (header.getWidth() > visibleEnd - visibleStart) {
            return header.getMinX() - visibleStart; // wider than the strip: its start in view
        }
        if (header.getMaxX() > visibleEnd + 0.5) {
            return header.getMaxX() - visibleEnd;
        }
        return header.getMinX() < visibleStart - 0.5 ? header.getMinX() - visibleStart : 0;
    }

    private static void scrollSelectedIntoView(TabPane pane, Parent headers) {
        double overhang = overhang(pane);
        if (overhang == 0 || pane.getSide().isVertical()) {
            return;
        }
        // the strip scrolls by the wheel's delta (negative: its tabs move left)
        Node area = headers.getParent();
        Event.fireEvent(area, new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false, false,
                false, 0, -overhang, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(area, 0, 0)));
    }

    /** The header of the selected tab (each header keeps its tab under the key Tab.class, as JavaFX's skin does). */
    private static Node selectedHeader(TabPane pane) {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        Node headers = pane.lookup(".headers-region");
        if (tab == null || !(headers instanceof Parent region)) {
            return null;
        }
        return region.getChildrenUnmodifiable().stream()
                .filter(node -> node.getProperties().get(Tab.class) == tab)
                .findFirst().orElse(null);
    }
}
