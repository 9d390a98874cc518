package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.browse.ItemsViewModel.State;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The Items tab's grid as it stands: the rows of the applied query page by page, what the grid area shows (state,
 * status strip, loading bar, failure, notice) and the changes that only touch the rows (paging on, a saved or
 * deleted item). {@link ItemsViewModel} adds what the user asks of the grid: what to query (filter, sort, go to id),
 * columns, selection and the actions on it, counting and deleting.
 */
public abstract class ItemsGridState {

    final ContainerHandle handle;
    final ItemPaging pages;
    private final LoadingIndicator loading;
    final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    ItemsGridState(ContainerHandle handle, ItemQueryService service, TaskRunner tasks) {
        this.handle = Objects.requireNonNull(handle);
        this.pages = new ItemPaging(handle, Objects.requireNonNull(service), Objects.requireNonNull(tasks),
                notice::set);
        this.loading = new LoadingIndicator(pages.busyProperty(), tasks);
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    /** Loaded rows, in the order the service returned them. */
    public ObservableList<ItemRow> rows() {
        return pages.rows();
    }

    public ReadOnlyObjectProperty<ItemQuery> appliedQueryProperty() {
        return pages.status().appliedQueryProperty();
    }

    /** The filter of the rows on screen, as the user reads it. */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return pages.status().appliedFilterProperty();
    }

    /** The service's complaint about the typed filter (e.g. a syntax error); null when none. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return pages.status().filterErrorProperty();
    }

    /** e.g. "Sorted on the server by /orderDate ↓"; empty when unsorted. */
    public ReadOnlyStringProperty sortLabelProperty() {
        return pages.status().sortLabelProperty();
    }

    public ItemQuery.Sort currentSort() {
        return pages.appliedQuery().effectiveSort();
    }

    /** Items per page, 1 to {@value ItemsViewModel#MAX_PAGE_SIZE}; applies from the next page loaded. */
    public IntegerProperty pageSizeProperty() {
        return pages.pageSizeProperty();
    }

    /** True when the service gave a continuation token: "Load more" shows only then. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return pages.hasMoreProperty();
    }

    /** True while a page is loading. The grid stays usable; Cancel stops it and keeps the rows. */
    public ReadOnlyBooleanProperty busyProperty() {
        return pages.busyProperty();
    }

    /** Whether the loading bar shows: a load that has lasted a moment (quick pages never flash it). */
    public ReadOnlyBooleanProperty loadingShownProperty() {
        return loading.shownProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return pages.status().stateProperty();
    }

    /** The container answered 404 (deleted elsewhere): nothing in its tab may write any more. */
    public ReadOnlyBooleanProperty containerGoneProperty() {
        return pages.status().containerGoneProperty();
    }

    /** The container is gone (deleted in CosmosDesk, or another of its tabs met the 404): nothing here writes. */
    public void markContainerGone() {
        pages.markContainerGone();
    }

    /** A recoverable failure for the banner (with Retry); null when none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return pages.status().errorMessageProperty();
    }

    /** Status, substatus and activity id of the failure, for "Copy details". */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return pages.status().errorDetailsProperty();
    }

    /** An informational line, e.g. the summary of a delete; null when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "1–100 · more available · 12.4 RU page / 87.1 RU total · 143 ms". */
    public ReadOnlyStringProperty statusTextProperty() {
        return pages.status().statusTextProperty();
    }

    /** Activity id of the latest page, for support requests. */
    public ReadOnlyStringProperty activityIdProperty() {
        return pages.status().activityIdProperty();
    }

    public boolean isReadOnly() {
        return handle.connection().profile().readOnly();
    }

    /** The cell of {@code row} in {@code column}; parses the row's JSON at most once while it stays visible. */
    public ItemColumn.Cell cellOf(ItemRow row, ItemColumn column) {
        return pages.cellOf(row, column);
    }

    /** Appends the next page, when there is one and nothing is loading (also driven by scrolling). */
    public void loadMore() {
        pages.loadMore();
    }

    /** Shows a saved item's new version in its row (or as a new first row), without reloading the page. */
    public void upsertRow(ObjectNode item) {
        pages.upsertRow(item);
    }

    /** Drops a deleted item's row. */
    public void removeRow(String id, PartitionKeyValue partitionKey) {
        pages.removeRow(id, partitionKey);
    }

    public void dismissNotice() {
        notice.set(null);
    }

}
