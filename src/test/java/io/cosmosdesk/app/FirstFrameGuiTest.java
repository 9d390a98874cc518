package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The main window's first frame (FirstFrame): the connection tree in its place, slots for the rest, the menus'
 * shortcuts already working; the rest joins within a few frames without moving the tree.
 */
class FirstFrameGuiTest {

    private static final String[] LATER = {"#menuBar", "#treeFilter", "#openConnectionButton", "#tabs", "#statusBar"};

    private AppContext context;
    private final List<String> inFirstFrame = new ArrayList<>();
    private Bounds treeInFirstFrame;
    private final double[] slotHeights = new double[4];
    private Theme afterShortcutInFirstFrame;
    private String placeholderInFirstFrame;
    /** Whether the window was whole each time the action waiting for it ran (as CosmosDeskApp starts the probe). */
    private final List<Boolean> wholeWhenTheWaitingActionRan = new ArrayList<>();
    private double placeholderYInFirstFrame;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown)
            .afterShow(this::firstFrame);

    /** On the FX thread, right after {@code stage.show()}: before any later frame could add anything. */
    private void firstFrame(Stage stage) {
        Scene scene = stage.getScene();
        Parent root = scene.getRoot();
        for (String id : LATER) {
            if (root.lookup(id) != null) {
                inFirstFrame.add(id);
            }
        }
        placeholderInFirstFrame = placeholderShown(root);
        if (root.lookup("#resourceTree") != null) {
            inFirstFrame.add("#resourceTree");
        }
        // the scene as the first frame draws it (show() styles and lays it out; this repeats it only if not)
        root.applyCss();
        root.layout();
        Node tree = root.lookup("#resourceTree");
        treeInFirstFrame = tree.localToScene(tree.getLayoutBounds());
        Node placeholder = root.lookup("#treePlaceholder");
        placeholderYInFirstFrame = placeholder.localToScene(placeholder.getLayoutBounds()).getMinY();
        String[] slots = {"#menuBarSlot", "#treeToolbarSlot", "#treeFilterSlot", "#statusBarSlot"};
        for (int i = 0; i < slots.length; i++) {
            slotHeights[i] = ((javafx.scene.layout.Region) root.lookup(slots[i])).getHeight();
        }
        // Ctrl+Shift+T (View > Toggle dark theme) before the menu bar is in the window
        Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner() : root, new KeyEvent(
                KeyEvent.KEY_PRESSED, "", "", KeyCode.T, true, true, false, false));
        afterShortcutInFirstFrame = context == null ? null : context.mainViewModel().themeProperty().get();
        FirstFrame.whenWhole(root, () -> wholeWhenTheWaitingActionRan.add(FirstFrame.isWhole(root)));
    }

    @Test
    void theFirstFrameHoldsTheTreeAndTheRestJoinsWithoutMovingIt(FxRobot robot) throws Exception {
        assertThat(inFirstFrame).as("parts in the first frame").containsExactly("#resourceTree");
        assertThat(FirstFrame.isWhole(robot.lookup("#root").query())).isTrue();
        for (String id : LATER) {
            assertThat(robot.lookup(id).tryQuery()).as(id + " joined").isPresent();
        }

        Node tree = robot.lookup("#resourceTree").query();
        Bounds now = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> tree.localToScene(tree.getLayoutBounds())).get();
        double[] heights = {
                robot.lookup("#menuBar").queryAs(javafx.scene.layout.Region.class).getHeight(),
                ((javafx.scene.layout.Region) robot.lookup("#openConnectionButton").query().getParent()).getHeight(),
                robot.lookup("#treeFilter").queryAs(javafx.scene.layout.Region.class).getHeight(),
                robot.lookup("#statusBar").queryAs(javafx.scene.layout.Region.class).getHeight()};
        String[] names = {"the menu bar", "the tree's toolbar", "the filter", "the status bar"};
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (int i = 0; i < heights.length; i++) {
            soft.assertThat(heights[i]).as(names[i] + "'s height, its slot's").isCloseTo(slotHeights[i], within());
        }
        soft.assertThat(now.getMinY()).as("the tree's top").isCloseTo(treeInFirstFrame.getMinY(), within());
        soft.assertThat(now.getHeight()).as("the tree's height").isCloseTo(treeInFirstFrame.getHeight(), within());
        soft.assertThat(now.getMinX()).as("the tree's left").isCloseTo(treeInFirstFrame.getMinX(), within());
        soft.assertThat(now.getWidth()).as("the tree's width").isCloseTo(treeInFirstFrame.getWidth(), within());
        soft.assertAll();
    }

    @Test
    void theMenusShortcutsWorkFromTheFirstFrameAndOnceTheMenuBarJoined(FxRobot robot) {
        assertThat(afterShortcutInFirstFrame).as("Ctrl+Shift+T in the first frame").isEqualTo(Theme.DARK);

        Node root = robot.lookup("#root").query();
        robot.interact(() -> Event.fireEvent(root, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.T, true, true,
                false, false)));
        assertThat(context.mainViewModel().themeProperty().get()).as("Ctrl+Shift+T with the menu bar")
                .isEqualTo(Theme.LIGHT);
    }

    /**
     * What waits for the whole window (the keychain probe: its threads took the CPU the joining parts needed, s17)
     * runs once, when every part has joined, not in the frames before; asked once whole, it runs at once.
     */
    @Test
    void whatWaitsForTheWholeWindowRunsOnceWhenEveryPartJoined(FxRobot robot) throws Exception {
        assertThat(wholeWhenTheWaitingActionRan).as("registered in the first frame: whole when it ran")
                .containsExactly(true);

        Node root = robot.lookup("#root").query();
        boolean ranAtOnce = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            boolean[] ran = {false};
            FirstFrame.whenWhole(root, () -> ran[0] = true);
            return ran[0];
        }).get();
        assertThat(ranAtOnce).as("registered once whole").isTrue();
    }

    /**
     * The empty tree's placeholder names Connect… only once the button is in the window: in the first frame (no
     * tree toolbar yet) it said "Choose Connect…" for a few pulses with no such control to choose (s15 review).
     */
    @Test
    void theTreesPlaceholderNamesConnectOnlyOnceTheButtonJoined(FxRobot robot) {
        assertThat(placeholderInFirstFrame).as("the placeholder in the first frame").isNotNull()
                .startsWith("No connections yet").doesNotContain("Connect…");
        assertThat(robot.lookup("#openConnectionButton").tryQuery()).isPresent();
        Parent root = robot.lookup("#treePlaceholder").query().getScene().getRoot();
        assertThat(placeholderShown(root)).as("once the tree's toolbar joined")
                .contains("No connections yet", "Choose Connect…");
        // laid out whole from the first frame: the sentence joining later grew the centred label and moved it up
        Node placeholder = root.lookup("#treePlaceholder");
        assertThat(placeholder.localToScene(placeholder.getLayoutBounds()).getMinY())
                .as("the placeholder's first line, where the first frame drew it").isCloseTo(placeholderYInFirstFrame,
                        within());
    }

    /** The empty tree's placeholder as shown: its first line, and the sentence naming Connect… once it shows. */
    private static String placeholderShown(Parent root) {
        String shown = ((javafx.scene.control.Label) root.lookup("#treePlaceholder")).getText();
        Node hint = root.lookup("#treeConnectHint");
        return hint != null && hint.isVisible() ? shown + "\n" + ((javafx.scene.control.Label) hint).getText()
                : shown;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.5);
    }
}
