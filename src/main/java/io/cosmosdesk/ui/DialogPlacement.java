package io.cosmosdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Where every dialog window opens: centred on the window that owns it, whole on its screen, its title bar on the
 * screen. JavaFX centres a plain {@link Stage} on the screen, not on its owner (only {@code Dialog}/{@code Alert}
 * centre on the owner), and under Xvfb + openbox a window owned by a maximized main window was moved by the window
 * system to the screen's top-left corner about 100 ms after it showed, its title bar 19 px above the screen (window
 * at 0,-19): it covered the main window's menu bar and the user could not drag it away (JavaFX 21.0.11; Settings, the
 * confirms, modal or not). Installed once on the main window, for every window owned by it or by one of its dialogs,
 * so a dialog added later is placed the same way.
 */
public final class DialogPlacement {

    /** How many times a dialog is put back after the window system moved it. */
    static final int MAX_PUT_BACKS = 5;

    /**
     * How long after a dialog shows a move to the screen's top-left corner is taken for the window system's (openbox's
     * came 100-120 ms after the dialog showed, at load 8) and undone. Any other move is the user's and stays (the
     * s18 review: undoing every move in this time made a quick drag jump back).
     */
    static final long SETTLE_NANOS = 1_500_000_000L;

    private DialogPlacement() {
    }

    /** Places every dialog {@code main} (or one of its dialogs) opens from now on. */
    public static void install(Stage main) {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    if (added instanceof Stage stage && stage != main && ownedBy(stage, main)) {
                        keepPlaced(stage);
                    }
                }
            }
        });
    }

    private static boolean ownedBy(Stage stage, Stage main) {
        for (Window owner = stage.getOwner(); owner != null;
                owner = owner instanceof Stage ownerStage ? ownerStage.getOwner() : null) {
            if (owner == main) {
                return true;
            }
        }
        return false;
    }

    /**
     * Centres {@code stage} on its owner once it shows (its size known by then), and puts it back there whenever
     * its title bar leaves the screen (a few times at most, so a window system that insists cannot make it jump for
     * ever). A window the user moves elsewhere on the screen stays where the user put it. Called once per window
     * when it first appears in the window list (or by a caller, before showing it).
     */
    static void keepPlaced(Stage stage) {
        if (stage.getProperties().put(DialogPlacement.class, Boolean.TRUE) != null) {
            return; // placed already (a window shown again is in the window list again)
        }
        int[] putBacks = {0};
        boolean[] pending = {false};
        long[] settleUntil = {0};
        boolean[] resized = {false};
        java.util.function.BooleanSupplier misplaced = () -> !titleBarOnScreen(stage)
                || (System.nanoTime() - settleUntil[0] < 0 && (resized[0] || atScreenCorner(stage))
                        && !centredOnOwner(stage));
        Runnable putBack = () -> {
            pending[0] = false;
            boolean misplacedNow = stage.isShowing() && misplaced.getAsBoolean();
            resized[0] = false;
            if (misplacedNow && putBacks[0] < MAX_PUT_BACKS) {
                putBacks[0]++;
                centreOnOwner(stage);
            }
        };
        // a size change in the settle time is the dialog's own layout (the window system's or the program's): the
        // dialog is centred again for its new size; a move is the user's unless it lands on the screen's corner
        javafx.beans.InvalidationListener moved = observable -> {
            if (!pending[0] && stage.isShowing() && misplaced.getAsBoolean()) {
                pending[0] = true; // x and y change one after the other: look once both have
                FxTaskRunner.afterThisEvent(putBack);
            }
        };
        javafx.beans.InvalidationListener sized = observable -> {
            resized[0] = true;
            moved.invalidated(observable);
        };
        Runnable shown = () -> {
            putBacks[0] = 0;
            settleUntil[0] = System.nanoTime() + SETTLE_NANOS;
            centreOnOwner(stage);
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> shown.run());
        if (stage.isShowing()) {
            shown.run();
        }
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(sized);
        stage.heightProperty().addListener(sized);
    }

    /** Whether {@code stage} is where {@link #centreOnOwner} puts it (within a pixel). */
    static boolean centredOnOwner(Stage stage) {
        Point2D place = placeFor(stage);
        return place == null || (Math.abs(stage.getX() - place.getX()) <= 1 && Math.abs(stage.getY() - place.getY()) <= 1);
    }

    private static Point2D placeFor(Stage stage) {
        Window owner = stage.getOwner();
        if (owner == null || Double.isNaN(stage.getWidth()) || Double.isNaN(stage.getHeight())
                || Double.isNaN(owner.getX())) {
            return null;
        }
        return centred(new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()),
                stage.getWidth(), stage.getHeight(), DialogSizing.screenOf(owner));
    }

    /** Moves a shown {@code stage} to the middle of its owner, kept whole on the owner's screen. */
    public static void centreOnOwner(Stage stage) {
        Point2D place = placeFor(stage);
        if (place == null) {
            return;
        }
        if (Math.abs(stage.getX() - place.getX()) > 0.5) {
            stage.setX(place.getX());
        }
        if (Math.abs(stage.getY() - place.getY()) > 0.5) {
            stage.setY(place.getY());
        }
    }

    /**
     * The top-left corner of a {@code width} x {@code height} window centred on {@code owner}, moved as little as
     * needed to lie whole on {@code screen}; a window taller or wider than the screen keeps its top-left corner (its
     * title bar) on the screen.
     */
    static Point2D centred(Rectangle2D owner, double width, double height, Rectangle2D screen) {
        double x = owner.getMinX() + (owner.getWidth() - width) / 2;
        double y = owner.getMinY() + (owner.getHeight() - height) / 2;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        return new Point2D(Math.round(x), Math.round(y));
    }

    /**
     * Whether some of the top edge of {@code window} (its title bar: its left end, middle or right end) lies on one of
     * the screens, so it can be dragged; a dialog the user parks half off a side edge stays where it is.
     */
    static boolean titleBarOnScreen(Window window) {
        if (Double.isNaN(window.getX()) || Double.isNaN(window.getY()) || Double.isNaN(window.getWidth())) {
            return true; // not placed yet
        }
        double grip = Math.min(40, window.getWidth() / 2);
        double[] xs = {window.getX() + grip, window.getX() + window.getWidth() / 2,
                window.getX() + window.getWidth() - grip};
        double top = window.getY() + 1;
        return javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds)
                .anyMatch(bounds -> java.util.Arrays.stream(xs).anyMatch(x -> bounds.contains(x, top)));
    }

    /** Whether {@code window}'s top-left corner is at (or within 24 px of) a screen's top-left corner. */
    static boolean atScreenCorner(Window window) {
        return javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getBounds)
                .anyMatch(bounds -> Math.abs(window.getX() - bounds.getMinX()) <= 24
                        && Math.abs(window.getY() - bounds.getMinY()) <= 24);
    }
}
