package io.cosmosdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps the main window maximized across the app's modal dialogs, and gives it a normal size when the user
 * un-maximizes it. JavaFX 21 on Linux disables a modal dialog's owner by pinning its size hints (minimum = maximum =
 * its normal, restore size), and a window manager that cannot resize a window cannot keep it maximized: under
 * openbox the main window went back to its normal size whenever a confirm or any modal dialog opened, and stayed
 * there. JDK-8332222 (openjdk/jfx 304704da, August 2024) pins only floating windows; it is in JavaFX 24 and later,
 * not backported to 21u, 22u or 23u, and JavaFX 24 needs JDK 22. Installed once on the main window:
 * <ul>
 * <li>when a modal window comes to block the maximized window, its normal size is first set to the size it has
 * (Linux only: the size the pinned hints take), so the window manager's un-maximize leaves it as large as it was
 * instead of shrinking it behind the dialog (under Xvfb + openbox at 1600x1000: 1600x1000 while Settings or a
 * confirm shows, 802x625 before);</li>
 * <li>a maximized window that lost its maximized state while a modal window blocked it is maximized again as soon
 * as nothing blocks it; one that loses it within {@link #GRACE_NANOS} after, too (the window manager's late answer),
 * unless the pointer is on its title bar then: that un-maximize is the user's (a double click, the title bar's
 * button) and stays;</li>
 * <li>a window that the user un-maximized and that still covers its screen is given its normal place (the last one
 * it had, or 80 % of the screen, centred): under openbox JavaFX 21 gave the window its normal size and, a few
 * milliseconds later, the screen's size again, so un-maximizing seemed to do nothing (s19).</li>
 * </ul>
 */
public final class KeepMaximized {

    private KeepMaximized() {
    }

    /** What is done to a maximized window about to be blocked by a modal one (a seam for tests). */
    @FunctionalInterface
    interface BeforeBlocked {
        /**
         * Returns whether it pinned the window's size hints: only then can the window manager's late answer to them
         * come after the dialog, and only then is an un-maximize in the grace after the dialog taken for that answer
         * (review s19 H-M1: elsewhere it is the user's, from the keyboard or a task bar as well as the title bar).
         */
        boolean accept(Stage stage);
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
            return true;
        }
        return false;
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
        install(stage, PIN_TO_CURRENT_SIZE, ROBOT_POINTER);
    }

    /**
     * How long after the window lost its maximized state it is looked at: its size comes a little after the state,
     * and under openbox more than once (902x625, then 1920x1080 within 20 ms). Also how long a normal place must
     * stay to be remembered as the window's normal one.
     */
    static final javafx.util.Duration SIZE_WAIT = javafx.util.Duration.millis(200);

    /** Where the pointer is on the screen (a seam for tests): JavaFX's robot, made on first use. */
    @FunctionalInterface
    interface Pointer {
        javafx.geometry.Point2D position();
    }

    static final Pointer ROBOT_POINTER = new Pointer() {
        private javafx.scene.robot.Robot robot;

        @Override
        public javafx.geometry.Point2D position() {
            if (robot == null) {
                robot = new javafx.scene.robot.Robot();
            }
            return robot.getMousePosition();
        }
    };

    static void install(Stage stage, BeforeBlocked beforeBlocked, Pointer pointer) {
        new Watch(stage, beforeBlocked, pointer).start();
    }

    /** The state of one watched window. */
    private static final class Watch {
        private final Stage stage;
        private final BeforeBlocked beforeBlocked;
        private final Pointer pointer;
        /** A modal window blocks the maximized window: a lost maximized state is put back once none does. */
        private boolean keep;
        /** The window manager's answer to the pinned hints may still come, until {@link #graceUntil}. */
        private boolean lateAnswer;
        /** Whether {@link #beforeBlocked} pinned the hints before the dialog that blocks (or last blocked) it. */
        private boolean pinned;
        private long graceUntil;
        /** Where the window last was un-maximized, not blocked and not covering its screen; null when never. */
        private Rectangle2D normal;

        /** The window's title bar as it last was maximized: the band above its scene, across its width. */
        private Rectangle2D maximizedTitleBar;

        Watch(Stage stage, BeforeBlocked beforeBlocked, Pointer pointer) {
            this.stage = stage;
            this.beforeBlocked = beforeBlocked;
            this.pointer = pointer;
        }

        void start() {
            // the app sets its window's normal place before showing it maximized: that place is its first normal one
            if (!stage.isShowing()) {
                normal = bounds(stage);
            } else {
                rememberNormal();
            }
            // looked at once the place has settled: the window passes through other sizes on its way to and from
            // maximized (under openbox 1920x625 between 902x625 and 1920x1080), and none of those is its normal one
            javafx.animation.PauseTransition settled = new javafx.animation.PauseTransition(SIZE_WAIT);
            settled.setOnFinished(event -> rememberNormal());
            javafx.beans.InvalidationListener remember = observable -> {
                settled.playFromStart();
                rememberTitleBar();
            };
            stage.xProperty().addListener(remember);
            stage.yProperty().addListener(remember);
            stage.widthProperty().addListener(remember);
            stage.heightProperty().addListener(remember);
            stage.maximizedProperty().addListener((obs, was, now) -> {
                if (was && !now && !keep) {
                    unMaximized();
                }
                // While a dialog blocks the window, a lost maximized state is left alone here: maximizing a
                // disabled window does not hold. The window-list listener puts it back once nothing blocks it.
            });
            Window.getWindows().addListener((ListChangeListener<Window>) change -> windowsChanged());
        }

        private void rememberTitleBar() {
            Rectangle2D now = bounds(stage);
            if (now != null && stage.isMaximized()) {
                double top = stage.getScene() == null || stage.getScene().getY() <= 0 ? UNDECORATED_TITLE_BAR
                        : stage.getScene().getY();
                maximizedTitleBar = new Rectangle2D(now.getMinX(), now.getMinY(), now.getWidth(), top);
            }
        }

        private void rememberNormal() {
            Rectangle2D now = bounds(stage);
            if (now != null && !stage.isMaximized() && !stage.isIconified() && !blocked(stage) && !coversScreen(now)) {
                normal = now;
            }
        }

        /**
         * The window lost its maximized state, no dialog blocking it. Within the grace window after a dialog, it is
         * the window manager's late answer to the pinned hints, and maximized again, unless the pointer is on the
         * title bar (the user's double click or button): sizes cannot tell them apart, under openbox the late answer
         * left the window at 902x602 as a user's un-maximize does (s19; the size rule of s17 kept it normal). A
         * window the user un-maximized that still covers its screen once its size has come is given its normal place.
         */
        private void unMaximized() {
            boolean lateAnswerNow = lateAnswer && System.nanoTime() - graceUntil < 0 && !pointerOnTitleBar();
            lateAnswer = false; // once: the window manager's one late answer, or the user's choice
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(SIZE_WAIT);
            wait.setOnFinished(event -> {
                if (!stage.isShowing() || stage.isMaximized() || stage.isIconified() || blocked(stage)) {
                    return;
                }
                if (lateAnswerNow) {
                    stage.setMaximized(true);
                } else if (bounds(stage) != null && coversScreen(bounds(stage))) {
                    Rectangle2D place = normalPlace();
                    stage.setX(place.getMinX());
                    stage.setY(place.getMinY());
                    stage.setWidth(place.getWidth());
                    stage.setHeight(place.getHeight());
                }
            });
            wait.play();
        }

        private boolean pointerOnTitleBar() {
            if (maximizedTitleBar == null) {
                return false;
            }
            javafx.geometry.Point2D at = pointer.position();
            return at != null && maximizedTitleBar.contains(at);
        }

        /** The remembered normal place when it is still on a screen; otherwise 80 % of the screen, centred. */
        private Rectangle2D normalPlace() {
            Rectangle2D screen = DialogSizing.screenOf(stage);
            if (normal != null && screen.contains(normal.getMinX() + normal.getWidth() / 2, normal.getMinY() + 10)) {
                return normal;
            }
            double width = Math.round(screen.getWidth() * NORMAL_SHARE);
            double height = Math.round(screen.getHeight() * NORMAL_SHARE);
            return new Rectangle2D(screen.getMinX() + Math.round((screen.getWidth() - width) / 2),
                    screen.getMinY() + Math.round((screen.getHeight() - height) / 2), width, height);
        }

        /** Whether a window at {@code bounds} covers (nearly) all of its screen's usable area. */
        private boolean coversScreen(Rectangle2D bounds) {
            Rectangle2D screen = DialogSizing.screenOf(stage);
            return bounds.getWidth() >= screen.getWidth() - COVER_SLACK
                    && bounds.getHeight() >= screen.getHeight() - COVER_SLACK;
        }

        private void windowsChanged() {
            boolean blocked = blocked(stage);
            if (blocked && stage.isMaximized()) {
                if (!keep) {
                    rememberTitleBar();
                    pinned = beforeBlocked.accept(stage);
                }
                keep = true;
            } else if (!blocked && keep) {
                keep = false;
                if (stage.isMaximized()) {
                    // still maximized: the window manager's answer to the pinned hints may yet come (if pinned)
                    lateAnswer = pinned;
                    graceUntil = System.nanoTime() + GRACE_NANOS;
                } else {
                    // the owner is enabled again once its dialog is hidden: maximize after that
                    FxTaskRunner.afterThisEvent(() -> {
                        if (stage.isShowing() && !stage.isMaximized()) {
                            stage.setMaximized(true);
                        }
                    });
                }
            }
        }
    }

    /** The share of its screen a window is given when un-maximizing leaves it covering the screen. */
    static final double NORMAL_SHARE = 0.8;

    /** The title bar's height taken for a window whose scene starts at its top (no decorations known). */
    static final double UNDECORATED_TITLE_BAR = 32;

    /** How far (px) short of its screen's usable size a window still counts as covering the screen. */
    static final double COVER_SLACK = 40;

    private static Rectangle2D bounds(Stage stage) {
        if (Double.isNaN(stage.getX()) || Double.isNaN(stage.getY()) || Double.isNaN(stage.getWidth())
                || Double.isNaN(stage.getHeight()) || stage.getWidth() <= 0 || stage.getHeight() <= 0) {
            return null;
        }
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
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
