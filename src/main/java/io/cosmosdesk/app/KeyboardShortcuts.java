package io.cosmosdesk.app;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The F1 cheat sheet: every key the app answers to, grouped by where it works. Kept next to the
 * accelerators it lists (MainWindowView, ItemsTabController, ItemEditorController, FindBar); a key
 * added there belongs here too.
 */
final class KeyboardShortcuts {

    record Shortcut(String keys, String action) {
    }

    record Group(String area, List<Shortcut> shortcuts) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("Window", List.of(
                    new Shortcut("Ctrl+O", "New connection"),
                    new Shortcut("Ctrl+W", "Close the current tab (asks about unsaved changes)"),
                    new Shortcut("Ctrl+Shift+T", "Toggle dark theme"),
                    new Shortcut("Ctrl+Shift+J", "The Jobs panel (exports and other long jobs)"),
                    new Shortcut("Ctrl+,", "Settings"),
                    new Shortcut("F1", "This list"),
                    new Shortcut("Ctrl+Q", "Quit (asks about unsaved changes)"))),
            new Group("Resource tree", List.of(
                    new Shortcut("Ctrl+R", "Refresh the selected connection or database"),
                    new Shortcut("Enter", "Open the selected container; retry a failed load"))),
            new Group("Items tab", List.of(
                    new Shortcut("Ctrl+N", "New item, from anywhere in the tab"),
                    new Shortcut("Ctrl+L", "Go to the filter box"),
                    new Shortcut("Ctrl+F", "Go to the filter box (outside the editor)"),
                    new Shortcut("F5, Shift+Enter", "Apply the filter (Enter too, in the filter box)"),
                    new Shortcut("Esc", "Stop loading or deleting (keeps the rows)"),
                    new Shortcut("Enter", "Open the selected item in the editor"),
                    new Shortcut("Delete", "Delete the selected items"),
                    new Shortcut("Ctrl+Shift+E", "Export the grid's items (its filter) or the whole container"))),
            new Group("Query tab", List.of(
                    new Shortcut("Ctrl+J", "New query on the selected container"),
                    new Shortcut("Ctrl+Enter, F5, Shift+Enter", "Run the selection, or the statement under the cursor"),
                    new Shortcut("Esc", "Stop the query (keeps the results read)"),
                    new Shortcut("Ctrl+S", "Save the query (to its .sql file, its saved name, or a new name)"),
                    new Shortcut("Ctrl+Shift+S", "Save the query under a new name"),
                    new Shortcut("Alt+Left, Alt+Right", "Previous / next page of results"),
                    new Shortcut("Alt+1, Alt+2", "The results table / the Stats of the run"),
                    new Shortcut("Enter", "Open the selected result in the item editor (whole items)"),
                    new Shortcut("Delete", "Delete the selected results (whole items)"))),
            new Group("Live changes tab", List.of(
                    new Shortcut("Space", "Pause / resume (in the list; nothing is lost while paused)"),
                    new Shortcut("Enter, double-click", "Open the selected change's item in the editor"),
                    new Shortcut("Enter", "Apply the filter (in the Show box); start from the typed time"))),
            new Group("Item editor", List.of(
                    new Shortcut("Ctrl+S", "Save"),
                    new Shortcut("Ctrl+F", "Find in the item"),
                    new Shortcut("Enter, Shift+Enter", "Next / previous match (in the find bar)"),
                    new Shortcut("Ctrl+Shift+F", "Format the JSON"),
                    new Shortcut("Ctrl+Z", "Undo (also undoes Format)"),
                    new Shortcut("Esc", "Close the find bar, or discard changes"),
                    new Shortcut("Delete", "Delete the item (outside the text)"))));

    private KeyboardShortcuts() {
    }

    /**
     * The F1 window: the sheet scrolls inside a window that fits the screen (at 1280 x 800 the whole sheet is 775 px
     * tall and its bottom and Close button were off the screen), sized to the sheet where the screen has room.
     */
    static javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog(javafx.stage.Window owner,
            List<String> stylesheets) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("shortcuts-dialog");
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        GridPane sheet = sheet();
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(sheet);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("shortcutsScroll");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        // no viewport size of its own: the scroll pane asks for the whole sheet, and the window (capped at most of the
        // screen when shown) leaves the rest to the scroll bar
        io.cosmosdesk.ui.DialogSizing.fitWhenShown(dialog, owner);
        return dialog;
    }

    /** Two columns, keys and what they do, with a heading per group. */
    static GridPane sheet() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-sheet");
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (Group group : GROUPS) {
            Label heading = new Label(group.area());
            heading.getStyleClass().add("shortcut-group");
            if (row > 0) {
                GridPane.setMargin(heading, new Insets(10, 0, 0, 0));
            }
            grid.add(heading, 0, row++, 2, 1);
            GridPane.setHalignment(heading, HPos.LEFT);
            for (Shortcut shortcut : group.shortcuts()) {
                Label key = new Label(shortcut.keys());
                key.getStyleClass().add("shortcut-keys");
                key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a key cap is never cut
                Label action = new Label(shortcut.action());
                action.setWrapText(true);
                action.getStyleClass().add("shortcut-action");
                grid.addRow(row++, key, action);
            }
        }
        return grid;
    }
}
