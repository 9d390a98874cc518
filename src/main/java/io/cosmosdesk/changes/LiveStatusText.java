package io.cosmosdesk.changes;

import io.cosmosdesk.changes.LiveChangesViewModel.State;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;

/** The words of a Live changes tab: its status line and its title, each following what they describe. */
final class LiveStatusText {

    private LiveStatusText() {
    }

    /** One line: live or paused, how many captured, waiting and dropped, and whether the position was saved. */
    static StringBinding status(ObservableObjectValue<State> state, CapturedRows captured, PositionKeeper position,
            Duration idleCeiling) {
        return Bindings.createStringBinding(() -> {
            String counts = captured.describeCounts();
            return switch (state.get()) {
                case STARTING -> "Starting… · " + counts;
                case LIVE -> "Live, checking every " + String.format("%.1f", idleCeiling.toMillis() / 1000.0)
                        + " s at most · " + counts;
                case PAUSED -> String.format("Paused: %,d new waiting, shown on Resume · ",
                        captured.waitingProperty().get()) + counts;
                case STOPPED -> "Stopped" + (position.savedAtProperty().get() == null ? "" : ", position saved")
                        + " · " + counts;
                case FAILED -> "Stopped by an error · " + counts;
            };
        }, state, captured.totalProperty(), captured.droppedProperty(), captured.waitingProperty(),
                position.savedAtProperty());
    }

    /** "Changes · orders", with "(paused)" or "(stopped)". */
    static StringBinding title(ObservableObjectValue<State> state, String containerId) {
        return Bindings.createStringBinding(() -> "Changes · " + containerId + switch (state.get()) {
            case PAUSED -> " (paused)";
            case STOPPED, FAILED -> " (stopped)";
            default -> "";
        }, state);
    }
}
