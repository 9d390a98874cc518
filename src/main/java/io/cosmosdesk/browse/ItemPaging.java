package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.browse.ItemsViewModel.State;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Runs the applied query of one container page by page, and tells what the grid area shows: the rows, the
 * state, the failure, the status strip. Each query gets a new generation and each page load an identity of its
 * own; a reply for an older one is dropped, so a slow answer can never add rows (or a token) to the wrong query.
 *
 * <p>A query generation reads its pages from one {@link ItemPageStream} (one page pulled per load). Once the user
 * pages on (Load more, scrolling to the end) the stream reads ahead (up to two pages), so the next page loads while
 * this one is shown; the first screen never costs more than its own page (pages read ahead are billed whether or not
 * they are shown). The stream is closed when the query changes, the tab closes or the user stops loading, which also
 * cancels a page still loading; after a stop or a failure the next page comes from a new stream started at the
 * last page's continuation token.
 */
final class ItemPaging {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = ItemQueryService.MAX_PAGE_SIZE;
    private static final int PARSED_CACHE_SIZE = 256;
    /**
     * A query's first page goes into an empty grid this many rows per frame until a screen is full, then the
     * rest: creating and styling a whole screen of fresh cells (on a cold JVM) in one frame stalls the UI thread.
     */
    static final int ROWS_PER_FIRST_FRAMES = 12;
    private static final int STAGED_FRAMES = 3;

    private final ContainerHandle handle;
    private final TaskRunner tasks;
    private final Consumer<String> notice;

    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly (see FilterHistory)
    private final ObservableList<ItemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final LoadedRows loadedRows = new LoadedRows(rows);
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", DEFAULT_PAGE_SIZE);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** The state, messages and status strip the grid area shows. */
    private final GridStatus status = new GridStatus();

    private String continuation;
    /** The applied query's open page stream. */
    private final PageStreams stream;
    /** What was shown before the query now loading: a filter the server refuses puts it back. */
    private Shown before;
    private long queryGeneration;
    /** The load in flight; its replies count only while it is still this object. */
    private Object currentLoad;
    private TaskHandle loadTask = TaskHandle.NONE;
    /** Adds what is left of a page being shown over several frames; null when none is. */
    private StagedPage pageRest;
    private boolean lastFailureWasLoadMore;
    private double totalCharge;
    private final RecentlyParsed parsed = new RecentlyParsed(PARSED_CACHE_SIZE);

    /** @param notice where an informational line goes (null clears it) */
    ItemPaging(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, Consumer<String> notice) {
        this.handle = Objects.requireNonNull(handle);
        this.tasks = Objects.requireNonNull(tasks);
        this.notice = Objects.requireNonNull(notice);
        this.stream = new PageStreams(Objects.requireNonNull(service), handle);
        // rows also change outside a page load (a delete here or in the editor, a save, a move): the strip and
        // the state follow the rows shown, whoever changed them
        rows.addListener((ListChangeListener<ItemRow>) change -> {
            if (currentLoad == null && pageRest == null && status.state() != State.LOADING) {
                rowsChangedOutsideALoad();
            }
        });
        pageSize.addListener((obs, old, size) -> {
            int clamped = Math.max(1, Math.min(MAX_PAGE_SIZE, size.intValue()));
            if (clamped != size.intValue()) {
                pageSize.set(clamped);
            }
        });
    }

    // Properties

    ObservableList<ItemRow> rows() {
        return rowsView;
    }

    ItemQuery appliedQuery() {
        return status.appliedQuery();
    }

    IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The state, messages and status strip of the grid area. */
    GridStatus status() {
        return status;
    }

    /** Told from outside (a delete made here, another tab's 404): stop loading and show the gone sentence. */
    void markContainerGone() {
        if (status.containerGone()) {
            return;
        }
        queryGeneration++;
        loadTask.cancel();
        closeStream();
        status.markContainerGone();
        updateStatus(null);
    }

    /** Changes with every query run (and on close); work started for an older generation is stale. */
    long generation() {
        return queryGeneration;
    }

    /** The row's JSON, parsed at most once while the row stays among the recently shown. */
    JsonNode parsedJson(ItemRow row) {
        return parsed.of(row);
    }

    /** The row's cell in {@code column}, worked out at most once while the row stays among the recently shown. */
    ItemColumn.Cell cellOf(ItemRow row, ItemColumn column) {
        return parsed.cellOf(row, column);
    }

    // Commands

    /** Drops the rows on screen and whatever is loading, and loads the first page of {@code query}. */
    void run(ItemQuery query) {
        if (pageRest != null) {
            pageRest.finish(); // the rows shown before are whole, should a refused filter put them back
        }
        queryGeneration++;
        loadTask.cancel();
        closeStream();
        currentLoad = null;
        pageRest = null;
        if (status.state() != State.LOADING && status.state() != State.FILTER_ERROR) {
            before = new Shown(status.appliedQuery(), List.copyOf(rows), continuation, hasMore.get(), totalCharge,
                    status.state());
        }
        status.applied(query);
        rows.clear();
        parsed.clear();
        continuation = null;
        hasMore.set(false);
        totalCharge = 0;
        notice.accept(null);
        status.queryStarted();
        fetch(query, null, false);
    }

    /** Appends the next page, when there is one and nothing is loading. */
    void loadMore() {
        if (continuation == null || currentLoad != null) {
            return;
        }
        fetch(status.appliedQuery(), continuation, true);
    }

    /**
     * Loads the next page again when that is what failed last.
     *
     * @return false when the whole query should run again instead
     */
    boolean retryNextPage() {
        if (lastFailureWasLoadMore && continuation != null) {
            status.clearError();
            loadMore();
            return true;
        }
        return false;
    }

    /** Stops the page loading, keeping the rows already loaded (and the token, so "Load more" still works). */
    void stop() {
        if (pageRest != null) {
            pageRest.finish(); // the page is in: show all of it, so the next page's token fits the rows
        }
        if (currentLoad != null) {
            currentLoad = null;
            loadTask.cancel();
            closeStream();
            busy.set(false);
            status.setState(rows.isEmpty() ? State.STOPPED : State.ROWS);
            updateStatus(null);
            notice.accept("Stopped. " + (rows.isEmpty() ? "No items loaded." : "The rows already loaded are kept."));
        }
    }

    /** Stops loading for good; late replies are dropped. */
    void close() {
        queryGeneration++;
        currentLoad = null;
        pageRest = null;
        loadTask.cancel();
        closeStream();
        busy.set(false);
    }

    /** Shows a saved item's new version in its row (or as a new first row). */
    void upsertRow(ObjectNode item) {
        LoadedRows.upsert(rows, ItemRow.of(item, handle.info().partitionKeyPaths()));
    }

    void removeRow(String id, PartitionKeyValue partitionKey) {
        rows.removeIf(row -> row.id().equals(id) && row.partitionKey().equals(partitionKey));
        loadMoreWhenRunOut();
    }

    /** Drops the rows of items that no longer exist, e.g. after a delete. */
    void removeGone(Set<ItemRef> gone) {
        rows.removeIf(row -> gone.contains(row.ref()));
        parsed.forget(gone);
        loadMoreWhenRunOut();
    }

    /** Every loaded row went (e.g. deleted) while more pages exist: load the next one rather than show none. */
    private void loadMoreWhenRunOut() {
        if (rows.isEmpty() && hasMore.get() && status.state() == State.ROWS) {
            loadMore();
        }
    }

    // Internals

    private void fetch(ItemQuery query, String token, boolean append) {
        Object load = new Object();
        currentLoad = load;
        ItemPageStream pages = stream.forPage(query, token, pageSize.get());
        if (append) {
            // paging on: the pages after this one load while this one is shown. Not for the first screen: a query
            // (an expensive cross-partition filter, on a production account) costs the page the user looks at,
            // never pages read ahead that are billed whether or not anyone scrolls to them
            pages.readAhead();
        }
        busy.set(true);
        status.loading(append);
        loadTask = tasks.start(BackgroundTask.of("Loading items of " + handle.ref(), context -> pages.next())
                .onSuccess(page -> {
                    if (load == currentLoad) {
                        showPage(page, query);
                    }
                })
                .onFailure(error -> {
                    if (load == currentLoad) {
                        closeStream(); // the next try starts a new stream at the last page's token
                        showFailure(error, query, append);
                    }
                })
                .onFinally(() -> {
                    // the page is in: the load ends even while its rows still join the grid over a few frames, so
                    // the next page can be asked for (and loads) meanwhile; it lands after all of this one
                    if (load == currentLoad) {
                        currentLoad = null;
                        busy.set(false);
                    }
                }));
    }

    private void closeStream() {
        stream.close();
    }

    /** Told the whole first page a query shows (its rows join the grid over a few frames). */
    void onFirstPage(Consumer<List<ItemRow>> listener) {
        this.firstPage = Objects.requireNonNull(listener);
    }

    private Consumer<List<ItemRow>> firstPage = page -> { };

    private void showPage(ItemPage page, ItemQuery query) {
        if (pageRest != null) {
            pageRest.finish(); // the page before is still coming in over frames: all of it goes first
        }
        List<ItemRow> items = notLoadedYet(page.items());
        if (rows.isEmpty() && !items.isEmpty()) {
            firstPage.accept(items);
        }
        boolean staged = rows.isEmpty() && items.size() > ROWS_PER_FIRST_FRAMES;
        rows.addAll(staged ? items.subList(0, ROWS_PER_FIRST_FRAMES) : items);
        before = null;
        continuation = page.continuationToken();
        if (!page.hasMore()) {
            closeStream();
        }
        hasMore.set(page.hasMore());
        totalCharge += page.requestCharge();
        status.pageShown(page);
        status.setState(rows.isEmpty() && !page.hasMore() ? PagingText.emptyState(query) : State.ROWS);
        updateStatus(page);
        if (staged) {
            pageRest = new StagedPage(this, page, items, ROWS_PER_FIRST_FRAMES, STAGED_FRAMES);
            tasks.inNextFrame(pageRest);
        }
    }

    /** True while {@code rest} is the page being shown over several frames (no new query or close came since). */
    boolean isStaging(StagedPage rest) {
        return pageRest == rest;
    }

    /** Adds rows of a page shown over several frames (those not on screen already). */
    void addStaged(List<ItemRow> staged) {
        rows.addAll(notLoadedYet(staged));
    }

    /** The last row of a page shown over several frames is in. */
    void stagedPageShown(ItemPage page) {
        pageRest = null;
        updateStatus(page);
    }

    void inNextFrame(Runnable work) {
        tasks.inNextFrame(work);
    }

    private List<ItemRow> notLoadedYet(List<ItemRow> page) {
        return loadedRows.notLoadedYet(page);
    }

    private void showFailure(Throwable error, ItemQuery query, boolean append) {
        CosmosDeskException mapped = CosmosErrors.classify(error);
        if (mapped.kind() == ErrorKind.CANCELLED) {
            return;
        }
        lastFailureWasLoadMore = append;
        if (!append && mapped.kind() == ErrorKind.BAD_REQUEST && !query.filter().isEmpty()) {
            status.filterRefused(mapped);
            if (before != null && !before.rows().isEmpty()) {
                showAgain(before);
                return;
            }
            status.filterFailed();
            return;
        }
        status.loadFailed(mapped, append);
        updateStatus(null);
    }

    /** Puts back the rows of the query before a refused filter: the grid keeps them until a query succeeds. */
    private void showAgain(Shown shown) {
        status.applied(shown.query());
        rows.setAll(shown.rows());
        continuation = shown.continuation();
        hasMore.set(shown.hasMore());
        totalCharge = shown.totalCharge();
        status.setState(shown.state());
        updateStatus(null);
    }

    /** The rows on screen and the query that loaded them. */
    private record Shown(ItemQuery query, List<ItemRow> rows, String continuation, boolean hasMore,
            double totalCharge, State state) {
    }

    private void rowsChangedOutsideALoad() {
        if (rows.isEmpty() && !hasMore.get() && status.state() == State.ROWS) {
            status.setState(PagingText.emptyState(status.appliedQuery()));
        } else if (!rows.isEmpty() && status.state() != State.ROWS) {
            status.setState(State.ROWS);
        }
        updateStatus(null);
    }

    /** @param latest the page just shown; null when the rows changed otherwise (the page's cost is then history) */
    private void updateStatus(ItemPage latest) {
        status.update(rows.size(), hasMore.get(), latest, totalCharge);
    }

}
