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
     * How long after a dialog shows any move the program did not ask for is the window system's, not the user's, and
     * is undone (openbox's came 100-120 ms after the dialog showed, at load 8).
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
        java.util.function.BooleanSupplier misplaced = () -> !titleBarOnScreen(stage)
                || (System.nanoTime() - settleUntil[0] < 0 && !centredOnOwner(stage));
        Runnable putBack = () -> {
            pending[0] = false;
            if (stage.isShowing() && putBacks[0] < MAX_PUT_BACKS && misplaced.getAsBoolean()) {
                putBacks[0]++;
                centreOnOwner(stage);
            }
        };
        javafx.beans.InvalidationListener check = observable -> {
            if (!pending[0] && stage.isShowing() && misplaced.getAsBoolean()) {
                pending[0] = true; // x and y change one after the other: look once both have
                FxTaskRunner.afterThisEvent(putBack);
            }
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
        stage.xProperty().addListener(check);
        stage.yProperty().addListener(check);
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
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

    /** Whether the top edge of {@code window} (its title bar) lies on one of the screens, so it can be dragged. */
    static boolean titleBarOnScreen(Window window) {
        if (Double.isNaN(window.getX()) || Double.isNaN(window.getY()) || Double.isNaN(window.getWidth())) {
            return true; // not placed yet
        }
        double middle = window.getX() + window.getWidth() / 2;
        double top = window.getY() + 1;
        return javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds)
                .anyMatch(bounds -> bounds.contains(middle, top));
    }
}
