package io.cosmosdesk.browse;

import io.cosmosdesk.browse.ItemsViewModel.State;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The applied query and what the grid area tells about it while {@link ItemPaging} loads it: the filter in words,
 * the sort label, the state (loading, rows, empty, error…), the failure sentence and its details, a refused filter's
 * sentence, the status strip, the last page's activity id, and whether the container is gone. ItemPaging decides when; this class holds the wording.
 */
final class GridStatus {

    private final ReadOnlyObjectWrapper<ItemQuery> appliedQuery = new ReadOnlyObjectWrapper<>(this, "appliedQuery",
            ItemQuery.all());
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper(this, "appliedFilter", "");
    private final ReadOnlyStringWrapper sortLabel = new ReadOnlyStringWrapper(this, "sortLabel", "");

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper activityId = new ReadOnlyStringWrapper(this, "activityId");
    /** The container answered 404: it was deleted (elsewhere); the tab offers nothing that would write. */
    private final ReadOnlyBooleanWrapper containerGone = new ReadOnlyBooleanWrapper(this, "containerGone");

    // Properties

    ItemQuery appliedQuery() {
        return appliedQuery.get();
    }

    ReadOnlyObjectProperty<ItemQuery> appliedQueryProperty() {
        return appliedQuery.getReadOnlyProperty();
    }

    /** The applied filter in words. */
    ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    ReadOnlyStringProperty sortLabelProperty() {
        return sortLabel.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty activityIdProperty() {
        return activityId.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty containerGoneProperty() {
        return containerGone.getReadOnlyProperty();
    }

    State state() {
        return state.get();
    }

    boolean containerGone() {
        return containerGone.get();
    }

    // Changes (ItemPaging's)

    /** {@code query} is the one shown (run, or put back after a refused filter). */
    void applied(ItemQuery query) {
        appliedQuery.set(query);
        appliedFilter.set(query.describe());
        sortLabel.set(PagingText.sortLabelOf(query));
    }

    void setState(State now) {
        state.set(now);
    }

    /** A query starts: no error, no refused filter, state LOADING. */
    void queryStarted() {
        errorMessage.set(null);
        errorDetails.set(null);
        filterError.set(null);
        state.set(State.LOADING);
    }

    void loading(boolean append) {
        statusText.set(append ? "Loading more…" : "Loading…");
    }

    /** A page came: no error; its activity id is the one to quote. */
    void pageShown(ItemPage page) {
        activityId.set(page.activityId());
        errorMessage.set(null);
        errorDetails.set(null);
    }

    void clearError() {
        errorMessage.set(null);
    }

    void markContainerGone() {
        containerGone.set(true);
        errorMessage.set(ItemsViewModel.CONTAINER_GONE);
        errorDetails.set(null);
        state.set(State.ERROR);
    }

    /** The server refused the filter: its sentence beside the box. */
    void filterRefused(CosmosDeskException mapped) {
        filterError.set(FilterErrors.sentence(mapped.userMessage()));
    }

    /** The filter could not run and no earlier rows are put back. */
    void filterFailed() {
        state.set(State.FILTER_ERROR);
        statusText.set("The filter could not run");
    }

    /** A load failed (not a refused filter): the sentence, its details, and ERROR unless rows stay shown. */
    void loadFailed(CosmosDeskException mapped, boolean append) {
        if (mapped.kind() == ErrorKind.NOT_FOUND) {
            containerGone.set(true);
            errorMessage.set(ItemsViewModel.CONTAINER_GONE);
        } else {
            errorMessage.set((append ? "Could not load more items: " : "Could not load items: ")
                    + mapped.userMessage());
        }
        errorDetails.set(mapped.details());
        if (!append) {
            state.set(State.ERROR);
        }
    }

    /** @param latest the page just shown; null when the rows changed otherwise (the page's cost is then history) */
    void update(int loaded, boolean more, ItemPage latest, double totalCharge) {
        statusText.set(PagingText.statusLine(loaded, more, latest, totalCharge));
    }
}
