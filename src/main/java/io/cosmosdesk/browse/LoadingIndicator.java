package io.cosmosdesk.browse;

import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Whether the grid's loading bar shows: only once a load has lasted {@link #SHOW_AFTER}, and off as soon as it ends.
 * Pages that come quickly (paging on at the service's speed, one every 50-150 ms) then never start the bar's
 * indeterminate animation, which otherwise repaints the window every frame for as long as pages keep coming and
 * takes the UI thread and the renderer from the work of showing the rows.
 */
final class LoadingIndicator {

    static final Duration SHOW_AFTER = Duration.ofMillis(300);

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    /** Counts the loads; a delayed "show" counts only for the load it was started for. */
    private long load;

    LoadingIndicator(ObservableBooleanValue busy, TaskRunner tasks) {
        Objects.requireNonNull(tasks);
        busy.addListener((obs, was, now) -> {
            long thisLoad = ++load;
            if (!now) {
                shown.set(false);
            } else {
                tasks.inFrameAfter(SHOW_AFTER, () -> {
                    if (thisLoad == load && busy.get()) {
                        shown.set(true);
                    }
                });
            }
        });
    }

    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
