package io.cosmosdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps the main window maximized across the app's modal dialogs. JavaFX 21 on Linux disables a modal dialog's
 * owner by pinning its size hints (minimum = maximum = its normal, restore size), and a window manager that cannot
 * resize a window cannot keep it maximized: under openbox the main window went back to its normal size whenever a
 * confirm or any modal dialog opened, and stayed there. JDK-8332222 (openjdk/jfx 304704da, August 2024) pins only
 * floating windows; it is in JavaFX 24 and later, not backported to 21u, 22u or 23u, and JavaFX 24 needs JDK 22.
 * Two rules for every dialog, installed once on the main window:
 * <ul>
 * <li>when a modal window comes to block the maximized window, its normal size is first set to the size it has
 * (Linux only: the size the pinned hints take), so the window manager's un-maximize leaves it as large as it was
 * instead of shrinking it behind the dialog (under Xvfb + openbox at 1600x1000: 1600x1000 while Settings or a
 * confirm shows, 802x625 before);</li>
 * <li>a maximized window that lost its maximized state while a modal window blocked it is maximized again as soon
 * as nothing blocks it; one that loses it within {@link #GRACE_NANOS} after, at the size it had maximized, too (the
 * window manager's late answer), but not one the user un-maximizes then (it takes its normal size).</li>
 * </ul>
 */
public final class KeepMaximized {

    private KeepMaximized() {
    }

    /** What is done to a maximized window about to be blocked by a modal one (a seam for tests). */
    @FunctionalInterface
    interface BeforeBlocked {
        void accept(Stage stage);
    }

    /**
     * GTK glass pins the hints to the size last asked of the window, and asking for the size it has leaves a
     * maximized window as it is. Checked by hand under Xvfb + openbox only (session 17; the tests use a recording
     * stand-in): on GNOME (mutter) or KDE (kwin) a resize of a maximized window might un-maximize it, which the
     * re-maximize after the dialog would then mend; check there before relying on more. Elsewhere nothing: setting
     * the bounds of a maximized window is not known to be harmless there, and their glass does not pin a modal
     * dialog's owner.
     */
    static final BeforeBlocked PIN_TO_CURRENT_SIZE = stage -> {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            double width = stage.getWidth();
            double height = stage.getHeight();
            stage.setWidth(width);
            stage.setHeight(height);
        }
    };

    /**
     * How long after the last modal dialog closed a lost maximized state is still put back: the window manager's
     * answer to the pinned hints can arrive after the dialog is gone (seen at load 35: maximized while the dialog
     * showed, normal just after it closed). Under Xvfb + openbox at load 13-16 a dialog closed within 0.3 s of opening
     * had that answer come 20 ms to 1.9 s after it closed, every time; with no grace window the main window stayed at
     * its normal size ({@code tools.MaximizedOwnerCheck service 0.05}).
     */
    static final long GRACE_NANOS = 3_000_000_000L;

    public static void install(Stage stage) {
        install(stage, PIN_TO_CURRENT_SIZE);
    }

    /**
     * How long after the window lost its maximized state in the grace window its size is watched before it is
     * maximized again: the window manager's answer keeps the pinned size, a user's un-maximize (the title bar's
     * button, a double click) gives the window its normal size, and the size can arrive a little after the state.
     */
    static final javafx.util.Duration SIZE_WAIT = javafx.util.Duration.millis(200);

    /** How far (px) from the size it had maximized a window is still taken to keep that size. */
    static final double SAME_SIZE = 2;

    static void install(Stage stage, BeforeBlocked beforeBlocked) {
        boolean[] keep = {false};
        boolean[] lateAnswer = {false};
        long[] graceUntil = {0};
        double[] maximizedSize = {Double.NaN, Double.NaN};
        stage.maximizedProperty().addListener((obs, was, now) -> {
            if (was && !now && !keep[0] && lateAnswer[0] && System.nanoTime() - graceUntil[0] < 0) {
                lateAnswer[0] = false; // once: the window manager's one late answer
                // Only the window manager's answer to the pinned hints, which leaves the window the size it had
                // maximized. A user who un-maximizes within the grace window gets the window's normal size and
                // keeps it: maximizing on every un-maximize flicked the user's window back.
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(SIZE_WAIT);
                wait.setOnFinished(event -> {
                    if (stage.isShowing() && !stage.isMaximized() && sameSize(stage, maximizedSize)) {
                        stage.setMaximized(true);
                    }
                });
                wait.play();
            }
            // While a dialog blocks the window, a lost maximized state is left alone here: maximizing a disabled
            // window does not hold. The window-list listener below puts it back once nothing blocks the window.
        });
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            boolean blocked = blocked(stage);
            if (blocked && stage.isMaximized()) {
                if (!keep[0]) {
                    maximizedSize[0] = stage.getWidth();
                    maximizedSize[1] = stage.getHeight();
                    beforeBlocked.accept(stage);
                }
                keep[0] = true;
            } else if (!blocked && keep[0]) {
                keep[0] = false;
                if (stage.isMaximized()) {
                    // still maximized: the window manager's answer to the pinned hints may yet come
                    lateAnswer[0] = true;
                    graceUntil[0] = System.nanoTime() + GRACE_NANOS;
                } else {
                    // the owner is enabled again once its dialog is hidden: maximize after that
                    FxTaskRunner.afterThisEvent(() -> {
                        if (stage.isShowing() && !stage.isMaximized()) {
                            stage.setMaximized(true);
                        }
                    });
                }
            }
        });
    }

    private static boolean sameSize(Stage stage, double[] size) {
        return Math.abs(stage.getWidth() - size[0]) <= SAME_SIZE && Math.abs(stage.getHeight() - size[1]) <= SAME_SIZE;
    }

    /** A modal window that blocks {@code stage} is showing: one of its own (window modal) or any application modal. */
    public static boolean blocked(Stage stage) {
        for (Window window : Window.getWindows()) {
            if (window != stage && window.isShowing() && window instanceof Stage other && blocks(other, stage)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blocks(Stage dialog, Stage stage) {
        if (dialog.getModality() == Modality.APPLICATION_MODAL) {
            return true;
        }
        if (dialog.getModality() != Modality.WINDOW_MODAL) {
            return false;
        }
        for (Window owner = dialog.getOwner(); owner != null;
                owner = owner instanceof Stage ownerStage ? ownerStage.getOwner() : null) {
            if (owner == stage) {
                return true;
            }
        }
        return false;
    }
}
