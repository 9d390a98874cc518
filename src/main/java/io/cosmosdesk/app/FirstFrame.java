package io.cosmosdesk.app;

import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;

/**
 * The main window's first frame holds what a user reads first, the connection tree in its pane, and slots for the
 * rest: the menu bar, the tree's toolbar and filter, the tab pane and the status bar join in the frame after it, the
 * tooltips in the one after that ({@link MainWindowView}). On two cores a start's wall time follows its CPU, and the
 * first CSS pass and skins of those controls were most of the UI thread's work before the window showed
 * (packaging/README.md, "Start-up").
 * Each slot has the height its control will have (in px, in cosmosdesk.css; FirstFrameGuiTest checks them in the
 * light theme), so nothing moves when the control takes its place; the menus' keyboard shortcuts work from the
 * first frame (see {@link #acceleratorsFromTheStart}).
 */
final class FirstFrame {

    /** Set in the root's properties once every part has joined the window (tests wait for it). */
    static final String WHOLE = "cosmosdesk.wholeWindow";

    /** The trace's step as each step joins, the last for any later (fixed strings: no concatenation at start). */
    private static final String[] JOINING = {"frame 2 joining", "frame 3 joining", "frame 4+ joining"};

    private FirstFrame() {
    }

    /** An empty region with the style classes of the part it holds the place of (their background, no skin). */
    static Region slot(String id, String... styleClasses) {
        Region slot = new Region();
        slot.setId(id);
        slot.getStyleClass().addAll(styleClasses);
        return slot;
    }

    /**
     * Runs each step in a frame of its own, the first in the frame after the first frame (so that frame is drawn
     * without them), then marks {@code root} {@link #WHOLE} and the start's trace {@value StartupTrace#WHOLE}.
     */
    static void join(TaskRunner tasks, Node root, List<Runnable> steps) {
        join(tasks, root, steps, 0);
    }

    private static void join(TaskRunner tasks, Node root, List<Runnable> steps, int joined) {
        if (steps.isEmpty()) {
            // beside "main window shown" (the first frame, the smoke test's finish line); the training run of the
            // AOT cache (finish-runtime.sh) waits for this line
            StartupTrace.mark(StartupTrace.WHOLE);
            root.getProperties().put(WHOLE, Boolean.TRUE);
            return;
        }
        tasks.inNextFrame(() -> {
            StartupTrace.mark(JOINING[Math.min(JOINING.length - 1, joined)]);
            steps.get(0).run();
            join(tasks, root, steps.subList(1, steps.size()), joined + 1);
        });
    }

    /**
     * Runs {@code action} once every part of the main window whose root is {@code root} has joined it, at once when
     * they have. FX thread.
     */
    static void whenWhole(Node root, Runnable action) {
        if (isWhole(root)) {
            action.run();
            return;
        }
        root.getProperties().addListener(new MapChangeListener<Object, Object>() {
            @Override
            public void onChanged(Change<?, ?> change) {
                if (change.wasAdded() && WHOLE.equals(change.getKey())) {
                    root.getProperties().removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Whether every part of the main window whose root is {@code root} has joined it. */
    static boolean isWhole(Node root) {
        return Boolean.TRUE.equals(root.getProperties().get(WHOLE));
    }

    /**
     * The menus' accelerators on {@code scene} before the menu bar is in it: a menu bar puts them there itself when
     * its skin is made (JavaFX's {@code ControlAcceleratorSupport}, keyed by the same key combinations, with the
     * same rule: an enabled, visible item fires), which replaces these. Items added to the menus before this call
     * are covered (the controller adds the features' items in {@code initialize()}).
     */
    static void acceleratorsFromTheStart(Scene scene, List<Menu> menus) {
        for (Menu menu : menus) {
            register(scene, menu);
        }
    }

    private static void register(Scene scene, Menu menu) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                register(scene, sub);
                continue;
            }
            KeyCombination accelerator = item.getAccelerator();
            if (accelerator != null) {
                scene.getAccelerators().putIfAbsent(accelerator, () -> {
                    if (!item.isDisable() && item.isVisible()) {
                        item.fire();
                    }
                });
            }
        }
    }
}
