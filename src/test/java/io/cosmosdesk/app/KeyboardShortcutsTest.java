package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: F1 shows every shortcut the app has, keys and actions in two aligned columns by area. */
class KeyboardShortcutsTest {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void f1ListsEveryShortcutInAGridGroupedByArea(FxRobot robot) {
        robot.type(KeyCode.F1);

        GridPane sheet = robot.lookup(".shortcuts-sheet").queryAs(GridPane.class);
        List<Label> keys = robot.from(sheet).lookup(".shortcut-keys").queryAllAs(Label.class).stream().toList();
        List<Label> actions = robot.from(sheet).lookup(".shortcut-action").queryAllAs(Label.class).stream().toList();
        assertThat(keys).extracting(Label::getText).contains("Ctrl+O", "Ctrl+W", "Ctrl+R", "Ctrl+Shift+T", "F1",
                "Ctrl+Q", "F5, Shift+Enter", "Delete", "Ctrl+S", "Ctrl+N", "Ctrl+F", "Ctrl+Shift+F", "Esc");
        assertThat(robot.from(sheet).lookup(".shortcut-group").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("Window", "Resource tree", "Items tab", "Query tab",
                        "Live changes tab", "Item editor");
        // aligned: every action starts at the same x, to the right of every key
        double actionsX = actions.get(0).localToScene(actions.get(0).getBoundsInLocal()).getMinX();
        for (int i = 0; i < actions.size(); i++) {
            Bounds action = actions.get(i).localToScene(actions.get(i).getBoundsInLocal());
            Bounds key = keys.get(i).localToScene(keys.get(i).getBoundsInLocal());
            assertThat(action.getMinX()).as(actions.get(i).getText()).isCloseTo(actionsX, within(1.0));
            assertThat(key.getMaxX()).as(keys.get(i).getText()).isLessThan(actionsX);
        }
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * The menus against the F1 sheet and the UX reference: New query is Ctrl+J (it was Ctrl+T, and Ctrl+J opened
     * Jobs), and every accelerator a menu shows is on the sheet.
     */
    @Test
    void newQueryIsCtrlJAndEveryMenuAcceleratorIsOnTheSheet(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.Map<String, String> accelerators = new java.util.LinkedHashMap<>();
        for (javafx.scene.control.Menu menu : bar.getMenus()) {
            for (javafx.scene.control.MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    accelerators.put(item.getText().replace("_", ""), keys(item.getAccelerator().getDisplayText()));
                }
            }
        }
        assertThat(accelerators).containsEntry("New query", keys("Ctrl+J")).containsEntry("Jobs",
                keys("Ctrl+Shift+J"));

        java.util.Set<String> sheet = new java.util.HashSet<>();
        for (KeyboardShortcuts.Group group : KeyboardShortcuts.GROUPS) {
            for (KeyboardShortcuts.Shortcut shortcut : group.shortcuts()) {
                for (String each : shortcut.keys().split(", ")) {
                    sheet.add(keys(each));
                }
            }
        }
        assertThat(sheet).containsAll(accelerators.values());
    }

    /** "Shift+Ctrl+J" (JavaFX's order) and "Ctrl+Shift+J" (the sheet's) as one: the modifiers sorted. */
    private static String keys(String text) {
        List<String> parts = new java.util.ArrayList<>(List.of(text.split("\\+")));
        String key = parts.remove(parts.size() - 1);
        java.util.Collections.sort(parts);
        parts.add(key);
        return String.join("+", parts);
    }
}
