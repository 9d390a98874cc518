package io.cosmosdesk.browse;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The features' actions on the Items toolbar, as the best data tools place them: the few most used (New query) as
 * buttons after the item commands, the rest in one "More" menu, so the toolbar keeps to one row at 1280 px. All of them stay in the Container menu and the tree's menu, with their
 * accelerators (nothing here registers one). A gone container disables them all.
 */
final class ToolbarActions {

    /** The style class of every feature action, button or menu item (tests and screenshots look them up). */
    static final String STYLE_CLASS = "toolbar-action";

    private final ObservableList<Node> toolbar;
    private final Node after;
    private final MenuButton more;
    private final Tooltip moreTooltip;
    private final ObservableBooleanValue disabled;
    private final List<String> inMore = new ArrayList<>();

    ToolbarActions(ObservableList<Node> toolbar, Node after, MenuButton more, Tooltip moreTooltip,
            ObservableBooleanValue disabled) {
        this.toolbar = toolbar;
        this.after = after;
        this.more = more;
        this.moreTooltip = moreTooltip;
        this.disabled = disabled;
        more.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(more.getItems()));
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(disabled);
    }

    /** A button after the item commands and the buttons added before it. */
    Button addButton(String label, String tooltip, Runnable run) {
        Button button = new Button(label);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().add(STYLE_CLASS);
        if (tooltip != null) {
            button.setTooltip(new Tooltip(tooltip));
        }
        button.setOnAction(event -> run.run());
        button.disableProperty().bind(disabled); // a deleted container's tab offers none (Import… would write)
        int at = toolbar.indexOf(after) + 1 + (int) toolbar.stream()
                .filter(node -> node instanceof Button && node.getStyleClass().contains(STYLE_CLASS)).count();
        toolbar.add(Math.min(at, toolbar.size()), button);
        return button;
    }

    /** An entry of the More menu, in the order added; its tooltip names what the menu holds. */
    MenuItem addToMore(String label, Runnable run) {
        MenuItem item = new MenuItem(label);
        item.getStyleClass().add(STYLE_CLASS);
        item.setOnAction(event -> run.run());
        item.disableProperty().bind(disabled);
        more.getItems().add(item);
        inMore.add(label);
        moreTooltip.setText("More actions on this container: " + String.join(", ", inMore)
                + " (also in the Container menu and the tree's menu)");
        return item;
    }
}
