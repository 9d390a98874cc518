package io.cosmosdesk.changes;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which feed a Live changes tab reads, and the rules of the choice: all versions and deletes only where the account
 * serves it (asked once as the tab opens), and only from now or from a saved position, since the service keeps no
 * earlier versions to start from. The tab's view-model starts the reading; this says whether it may.
 */
final class FeedChoice {

    static final String ALL_VERSIONS_START = "All versions and deletes reads from now, or from where it stopped: "
            + "the service keeps no earlier versions to start from. Choose Latest version to read from the beginning "
            + "or a point in time.";

    private final ReadOnlyObjectWrapper<AllVersionsSupport> allVersions = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeedMode> mode = new ReadOnlyObjectWrapper<>(FeedMode.LATEST_VERSION);

    /** Asks, in the background, whether the account of {@code handle} serves all versions and deletes. */
    void probe(TaskRunner taskRunner, ChangeFeedService service, ContainerHandle handle) {
        taskRunner.start(BackgroundTask.of("Asking for all versions and deletes", ctx -> service.probeAllVersions(handle))
                .onSuccess(allVersions::set)
                .onFailure(error -> allVersions.set(AllVersionsSupport.unavailable(
                        "Could not find out whether all versions and deletes is available: "
                                + CosmosErrors.classify(error).userMessage()))));
    }

    /** Whether all versions and deletes is available, or null while asking. */
    ReadOnlyObjectProperty<AllVersionsSupport> allVersionsProperty() {
        return allVersions.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<FeedMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    FeedMode mode() {
        return mode.get();
    }

    void setMode(FeedMode chosen) {
        mode.set(chosen);
    }

    /** Why {@code chosen} cannot be read; null when it can. */
    String refusalOf(FeedMode chosen) {
        AllVersionsSupport support = allVersions.get();
        if (chosen == FeedMode.ALL_VERSIONS_AND_DELETES && (support == null || !support.isAvailable())) {
            return support == null ? "Still asking whether this account keeps all versions and deletes."
                    : support.reason();
        }
        return null;
    }

    /** Why the chosen feed cannot start from {@code start}; null when it can. */
    String refusalToStart(ChangeFeedStart start) {
        return mode.get() == FeedMode.ALL_VERSIONS_AND_DELETES && (start.kind() == ChangeFeedStart.Kind.BEGINNING
                || start.kind() == ChangeFeedStart.Kind.POINT_IN_TIME) ? ALL_VERSIONS_START : null;
    }
}
