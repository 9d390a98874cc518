package io.cosmosdesk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * How every dialog grows with its messages: its content scrolls, its buttons stay outside the scrolling part,
 * and the window is never taller (or wider) than most of the screen it is on, so the buttons stay visible.
 */
public final class DialogSizing {

    /** The share of the screen's visible height (and width) a dialog may take. */
    static final double SCREEN_SHARE = 0.9;

    private DialogSizing() {
    }

    /** The visual bounds of the screen {@code window} is on (the primary screen without one). */
    public static Rectangle2D screenOf(Window window) {
        if (window == null || Double.isNaN(window.getX())) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()),
                Math.max(1, window.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** The tallest a dialog may be on {@code window}'s screen. */
    public static double maxHeight(Window window) {
        return SCREEN_SHARE * screenOf(window).getHeight();
    }

    public static double maxWidth(Window window) {
        return SCREEN_SHARE * screenOf(window).getWidth();
    }

    /** Caps a dialog stage at most of its owner's screen; call before showing it. */
    public static void capToScreen(Stage stage, Window owner) {
        stage.setMaxHeight(maxHeight(owner));
        stage.setMaxWidth(maxWidth(owner));
    }

    /**
     * Resizes a shown dialog's height to its content (grown messages), never past its maximum, and moves it up
     * when its bottom (the buttons) would leave the screen. The height is set once, already capped: growing to
     * the full content first and shrinking after left the scene at the first size on some window systems.
     */
    public static void fitToScene(Stage stage) {
        javafx.scene.Scene scene = stage.getScene();
        if (!stage.isShowing() || scene == null || scene.getRoot() == null) {
            return;
        }
        double chrome = Double.isNaN(stage.getHeight()) ? 0 : Math.max(0, stage.getHeight() - scene.getHeight());
        double wanted = Math.ceil(scene.getRoot().prefHeight(scene.getWidth())) + chrome;
        if (wanted <= stage.getMaxHeight()) {
            // the window system takes the content size (sizeToScene) where it ignored a plain height under X11
            if (Math.abs(wanted - stage.getHeight()) > 0.5) {
                stage.sizeToScene();
            }
        } else if (Math.abs(stage.getMaxHeight() - stage.getHeight()) > 0.5) {
            stage.setHeight(stage.getMaxHeight());
        }
        Rectangle2D screen = screenOf(stage);
        if (stage.getY() + stage.getHeight() > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        }
    }

    /**
     * Once {@code dialog} shows (styled and laid out by then), sizes its window to its content: a message wrapped
     * onto more lines than guessed before CSS would otherwise sit in a window of the first guess's height, its
     * question cut to a line with a scroll bar (seen under Xvfb + openbox). Capped at most of the screen.
     */
    public static void fitWhenShown(javafx.scene.control.Dialog<?> dialog, Window owner) {
        dialog.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, event -> {
            javafx.scene.control.DialogPane pane = dialog.getDialogPane();
            if (pane.getScene() == null || !(pane.getScene().getWindow() instanceof Stage stage)) {
                return;
            }
            capToScreen(stage, owner);
            pane.applyCss();
            pane.layout();
            fitToScene(stage);
            keepContentSize(stage);
        });
    }

    /** More than any window decoration: a window this much larger than its scene has a scene that lags it. */
    static final double MAX_DECORATION = 120;

    /**
     * The window is far larger than its scene: more than a title bar and borders. Under openbox a dialog's window
     * went 200 px tall and straight back to its size while JavaFX's scene kept the 200 px (stage 605, scene 200).
     */
    static boolean sceneLagsItsWindow(Stage stage) {
        javafx.scene.Scene scene = stage.getScene();
        return scene != null && sceneLags(stage.getWidth(), stage.getHeight(), scene.getWidth(), scene.getHeight());
    }

    /** {@link #sceneLagsItsWindow} on sizes: a window (decorations included) and its scene. */
    static boolean sceneLags(double windowWidth, double windowHeight, double sceneWidth, double sceneHeight) {
        return windowHeight - sceneHeight > MAX_DECORATION || windowWidth - sceneWidth > MAX_DECORATION;
    }

    /** How often a shown dialog is sized back to its content after its window was made smaller. */
    static final int MAX_REFITS = 5;

    /**
     * Sizes {@code stage} back to its content whenever its window turns out shorter or narrower than the content
     * needs (and the content fits the screen). Under Xvfb + openbox the window manager answers the first size after
     * the dialog asked for its content's: a question came up one line tall with a scroll bar, the export dialog's
     * first open 200 x 200. A few times at most, so a window system that insists cannot make the dialog flicker for
     * ever.
     */
    static void keepContentSize(Stage stage) {
        int[] refits = {0};
        int[] stale = {0};
        boolean[] fitting = {false};
        javafx.beans.InvalidationListener check = observable -> {
            javafx.scene.Scene scene = stage.getScene();
            if (fitting[0] || refits[0] >= MAX_REFITS || !stage.isShowing() || scene == null
                    || scene.getRoot() == null || Double.isNaN(stage.getWidth()) || Double.isNaN(stage.getHeight())) {
                return;
            }
            if (sceneLagsItsWindow(stage) && stale[0] < MAX_REFITS) {
                // openbox: the window went 200 px tall and back to its size, the scene stayed at 200 (content
                // cut, the rest of the window blank: the settings, import and copy dialogs); asking for the
                // content's size again brings the scene along
                stale[0]++;
                fitting[0] = true;
                try {
                    stage.sizeToScene();
                } finally {
                    fitting[0] = false;
                }
                return;
            }
            double chromeWidth = Math.max(0, stage.getWidth() - scene.getWidth());
            double neededWidth = Math.ceil(scene.getRoot().prefWidth(-1));
            boolean narrow = scene.getWidth() + 1 < neededWidth && neededWidth + chromeWidth <= stage.getMaxWidth() + 0.5;
            double needed = Math.ceil(scene.getRoot().prefHeight(narrow ? neededWidth : scene.getWidth()));
            double chrome = Math.max(0, stage.getHeight() - scene.getHeight());
            boolean short_ = scene.getHeight() + 1 < needed && needed + chrome <= stage.getMaxHeight() + 0.5;
            if (narrow || short_) {
                refits[0]++;
                fitting[0] = true;
                try {
                    if (narrow) {
                        stage.sizeToScene();
                    }
                    fitToScene(stage);
                } finally {
                    fitting[0] = false;
                }
            }
        };
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
        stage.getScene().widthProperty().addListener(check);
        stage.getScene().heightProperty().addListener(check);
        check.invalidated(null);
    }

    /**
     * A message of any length: wrapped, shown whole up to {@code maxHeight}, scrolled beyond it. The scroll
     * pane asks for the wrapped text's height at its current width (a plain scroll pane would ask for one line).
     */
    public static ScrollPane scrollingMessage(Label message, double maxHeight) {
        return scrollingMessage(message, maxHeight, Region.USE_COMPUTED_SIZE);
    }

    /** As {@link #scrollingMessage(Label, double)}, {@code prefWidth} wide: the message is first measured there. */
    public static ScrollPane scrollingMessage(Label message, double maxHeight, double prefWidth) {
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        ScrollPane scroll = new ScrollPane(message);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefWidth(prefWidth);
        Runnable fit = () -> {
            double width = scroll.getViewportBounds().getWidth();
            if (width <= 0) {
                width = scroll.getPrefWidth() > 0 ? scroll.getPrefWidth() : 480;
            }
            scroll.setPrefViewportHeight(Math.min(maxHeight, Math.ceil(message.prefHeight(width))));
        };
        fit.run();
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> {
            if (old == null || Math.abs(old.getWidth() - bounds.getWidth()) > 0.5) {
                fit.run();
            }
        });
        message.textProperty().addListener((obs, old, text) -> fit.run());
        // the first fit runs before CSS: the theme's font (and so the wrapped height) arrives with it
        message.fontProperty().addListener((obs, old, font) -> fit.run());
        return scroll;
    }
}
