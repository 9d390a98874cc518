package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The loading bar shows only for a load that lasts, so quick pages never start its animation. */
class LoadingIndicatorTest {

    private final List<Runnable> delayed = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final TaskRunner tasks = new TaskRunner() {
        @Override
        public <T> TaskHandle start(BackgroundTask<T> task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void inFrameAfter(Duration delay, Runnable action) {
            delays.add(delay);
            delayed.add(action);
        }

        @Override
        public void shutdown() {
        }
    };
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final LoadingIndicator indicator = new LoadingIndicator(busy, tasks);

    private void timePasses() {
        List<Runnable> due = List.copyOf(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aLoadThatLastsShowsTheBarAfterTheDelayAndHidesItAtOnceWhenDone() {
        busy.set(true);
        assertThat(indicator.shownProperty().get()).as("not at once").isFalse();
        assertThat(delays).containsExactly(LoadingIndicator.SHOW_AFTER);

        timePasses();
        assertThat(indicator.shownProperty().get()).isTrue();

        busy.set(false);
        assertThat(indicator.shownProperty().get()).isFalse();
    }

    @Test
    void quickPagesNeverShowTheBar() {
        for (int page = 0; page < 5; page++) {
            busy.set(true);
            busy.set(false); // the page came before the delay was over
        }
        busy.set(true); // the next page is loading when the earlier delays run out
        List<Runnable> earlier = List.copyOf(delayed.subList(0, delayed.size() - 1));
        earlier.forEach(Runnable::run);
        assertThat(indicator.shownProperty().get()).as("a delay counts only for its own load").isFalse();

        busy.set(false);
        timePasses();
        assertThat(indicator.shownProperty().get()).isFalse();
    }
}
