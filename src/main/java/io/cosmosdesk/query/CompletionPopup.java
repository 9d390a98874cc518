package io.cosmosdesk.query;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * The completion list's window, kept alive between uses. Showing a popup window is what made completion slow:
 * JavaFX copies the owner scene's stylesheets into the popup's scene on every show, which restyles the whole list
 * (about 20-30 ms, more than the rest of a keystroke). So the window is shown once, off the critical path (a moment
 * after its owner gets the focus), and then stays showing: "closed" parks it off screen with its content
 * invisible, "open" moves it to the caret. It is really hidden only when its owner leaves the screen (another tab
 * in front, window closed), and warmed again on the owner's next focus.
 */
final class CompletionPopup {

    /** Far outside every screen: where the closed list waits. */
    private static final double PARKED = -32_000;
    private static final Duration WARM_AFTER = Duration.millis(200);

    private final Node owner;
    private final Region content;
    private final Runnable onClosed;
    private final Popup popup = new Popup();
    private final PauseTransition warmLater = new PauseTransition(WARM_AFTER);
    /** A press anywhere else in the owner's window closes the list (autoHide would also swallow that click). */
    private final EventHandler<MouseEvent> pressElsewhere = this::pressed;
    private Scene listeningOn;
    private boolean open;

    CompletionPopup(Node owner, Region content, Runnable onClosed) {
        this.owner = owner;
        this.content = content;
        this.onClosed = onClosed;
        popup.getContent().add(content);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false); // the owner's Esc would hide (and swallow) even while parked: SqlCompletion handles it
        popup.setAutoFix(false);
        content.setVisible(false);
        popup.setOnHidden(event -> close());
        warmLater.setOnFinished(event -> warm());
    }

    boolean isOpen() {
        return open;
    }

    /** The window is up (open or parked): opening it then only moves it. */
    boolean isWarm() {
        return popup.isShowing();
    }

    /** Shows the window parked, a moment from now, unless it is up already. */
    void warmSoon() {
        if (!popup.isShowing()) {
            warmLater.playFromStart();
        }
    }

    /** Shows the list with its top left corner at this point on screen; false if the owner is not on screen. */
    boolean openAt(double screenX, double screenY) {
        warmLater.stop();
        if (!popup.isShowing()) {
            if (!ownerShowing()) {
                return false;
            }
            popup.show(owner, screenX, screenY);
        } else {
            popup.setAnchorX(screenX);
            popup.setAnchorY(screenY);
        }
        content.setVisible(true);
        popup.setAutoFix(true); // keeps it on screen near an edge
        open = true;
        listen(owner.getScene());
        return true;
    }

    /** Closes the list (the window stays up, parked) and tells the owner of the list. */
    void close() {
        if (open) {
            park();
            onClosed.run();
        }
    }

    private void warm() {
        if (!popup.isShowing() && !open && ownerShowing() && owner.isFocused()) {
            popup.show(owner, PARKED, PARKED);
        }
    }

    private void park() {
        open = false;
        listen(null);
        content.setVisible(false);
        popup.setAutoFix(false);
        if (popup.isShowing()) {
            popup.setAnchorX(PARKED);
            popup.setAnchorY(PARKED);
        }
    }

    private boolean ownerShowing() {
        Scene scene = owner.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    private void listen(Scene scene) {
        if (listeningOn == scene) {
            return;
        }
        if (listeningOn != null) {
            listeningOn.removeEventFilter(MouseEvent.MOUSE_PRESSED, pressElsewhere);
        }
        listeningOn = scene;
        if (scene != null) {
            scene.addEventFilter(MouseEvent.MOUSE_PRESSED, pressElsewhere);
        }
    }

    private void pressed(MouseEvent event) {
        for (Object at = event.getTarget(); at instanceof Node node; at = node.getParent()) {
            if (node == owner) {
                return; // a click in the editor moves the caret; the list follows it
            }
        }
        close();
    }
}
