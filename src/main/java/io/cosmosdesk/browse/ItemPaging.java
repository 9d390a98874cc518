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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Runs the applied query of one container page by page, and tells what the grid area shows: the rows, the
 * state, the failure, the status strip. Each query gets a new generation and each page load an identity of its
 * own; a reply for an older one is dropped, so a slow answer can never add rows (or a token) to the wrong query.
 *
 * <p>A query generation reads its pages from one {@link ItemPageStream} (one page pulled per load, none read
 * ahead). The stream is closed when the query changes, the tab closes or the user stops loading, which also
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
    private final ItemQueryService service;
    private final TaskRunner tasks;
    private final Consumer<String> notice;

    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly (see FilterHistory)
    private final ObservableList<ItemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ItemQuery> appliedQuery = new ReadOnlyObjectWrapper<>(this, "appliedQuery",
            ItemQuery.all());
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper(this, "appliedFilter", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyStringWrapper sortLabel = new ReadOnlyStringWrapper(this, "sortLabel", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", DEFAULT_PAGE_SIZE);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper activityId = new ReadOnlyStringWrapper(this, "activityId");

    private String continuation;
    /** The applied query's open page stream (null until the next load opens one), and its page size. */
    private ItemPageStream stream;
    private int streamPageSize;
    /** What was shown before the query now loading: a filter the server refuses puts it back. */
    private Shown before;
    private long queryGeneration;
    /** The load in flight; its replies count only while it is still this object. */
    private Object currentLoad;
    private TaskHandle loadTask = TaskHandle.NONE;
    /** Adds what is left of a page being shown over several frames; null when none is. */
    private PageRest pageRest;
    private boolean lastFailureWasLoadMore;
    private double totalCharge;
    private final Map<ItemRow, JsonNode> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ItemRow, JsonNode> eldest) {
            return size() > PARSED_CACHE_SIZE;
        }
    };

    /** @param notice where an informational line goes (null clears it) */
    ItemPaging(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, Consumer<String> notice) {
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.notice = Objects.requireNonNull(notice);
        // rows also change outside a page load (a delete here or in the editor, a save, a move): the strip and
        // the state follow the rows shown, whoever changed them
        rows.addListener((ListChangeListener<ItemRow>) change -> {
            if (currentLoad == null && state.get() != State.LOADING) {
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
        return appliedQuery.get();
    }

    ReadOnlyObjectProperty<ItemQuery> appliedQueryProperty() {
        return appliedQuery.getReadOnlyProperty();
    }

    ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty sortLabelProperty() {
        return sortLabel.getReadOnlyProperty();
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

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty activityIdProperty() {
        return activityId.getReadOnlyProperty();
    }

    /** Changes with every query run (and on close); work started for an older generation is stale. */
    long generation() {
        return queryGeneration;
    }

    /** The row's JSON, parsed at most once while the row stays among the recently shown. */
    JsonNode parsedJson(ItemRow row) {
        return parsed.computeIfAbsent(row, ItemRow::json);
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
        if (state.get() != State.LOADING && state.get() != State.FILTER_ERROR) {
            before = new Shown(appliedQuery.get(), List.copyOf(rows), continuation, hasMore.get(), totalCharge,
                    state.get());
        }
        appliedQuery.set(query);
        appliedFilter.set(query.describe());
        sortLabel.set(sortLabelOf(query));
        rows.clear();
        parsed.clear();
        continuation = null;
        hasMore.set(false);
        totalCharge = 0;
        errorMessage.set(null);
        errorDetails.set(null);
        filterError.set(null);
        notice.accept(null);
        state.set(State.LOADING);
        fetch(query, null, false);
    }

    /** Appends the next page, when there is one and nothing is loading. */
    void loadMore() {
        if (continuation == null || currentLoad != null) {
            return;
        }
        fetch(appliedQuery.get(), continuation, true);
    }

    /**
     * Loads the next page again when that is what failed last.
     *
     * @return false when the whole query should run again instead
     */
    boolean retryNextPage() {
        if (lastFailureWasLoadMore && continuation != null) {
            errorMessage.set(null);
            loadMore();
            return true;
        }
        return false;
    }

    /** Stops the page loading, keeping the rows already loaded (and the token, so "Load more" still works). */
    void stop() {
        if (currentLoad != null) {
            if (pageRest != null) {
                pageRest.finish(); // the page is in: show all of it, so the next page's token fits the rows
                return;
            }
            currentLoad = null;
            loadTask.cancel();
            closeStream();
            busy.set(false);
            state.set(rows.isEmpty() ? State.STOPPED : State.ROWS);
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
        ItemRow updated = ItemRow.of(item, handle.info().partitionKeyPaths());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equals(updated.ref())) {
                rows.set(i, updated);
                return;
            }
        }
        rows.add(0, updated);
    }

    void removeRow(String id, PartitionKeyValue partitionKey) {
        rows.removeIf(row -> row.id().equals(id) && row.partitionKey().equals(partitionKey));
        loadMoreWhenRunOut();
    }

    /** Drops the rows of items that no longer exist, e.g. after a delete. */
    void removeGone(Set<ItemRef> gone) {
        rows.removeIf(row -> gone.contains(row.ref()));
        parsed.keySet().removeIf(row -> gone.contains(row.ref()));
        loadMoreWhenRunOut();
    }

    /** Every loaded row went (e.g. deleted) while more pages exist: load the next one rather than show none. */
    private void loadMoreWhenRunOut() {
        if (rows.isEmpty() && hasMore.get() && state.get() == State.ROWS) {
            loadMore();
        }
    }

    // Internals

    private void fetch(ItemQuery query, String token, boolean append) {
        Object load = new Object();
        currentLoad = load;
        int size = pageSize.get();
        if (stream != null && streamPageSize != size) {
            closeStream(); // the page size changed: carry on from the token with the new size
        }
        if (stream == null) {
            // lazy: nothing is sent before the background task asks for the page
            stream = service.openItemPages(handle, query, token, size);
            streamPageSize = size;
        }
        ItemPageStream pages = stream;
        busy.set(true);
        statusText.set(append ? "Loading more…" : "Loading…");
        loadTask = tasks.start(BackgroundTask.of("Loading items of " + handle.ref(), context -> pages.next())
                .onSuccess(page -> {
                    if (load == currentLoad) {
                        showPage(page, query, load);
                    }
                })
                .onFailure(error -> {
                    if (load == currentLoad) {
                        closeStream(); // the next try starts a new stream at the last page's token
                        showFailure(error, query, append);
                    }
                })
                .onFinally(() -> {
                    if (load == currentLoad && pageRest == null) {
                        currentLoad = null;
                        busy.set(false);
                    }
                }));
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void showPage(ItemPage page, ItemQuery query, Object load) {
        List<ItemRow> items = notLoadedYet(page.items());
        boolean staged = rows.isEmpty() && items.size() > ROWS_PER_FIRST_FRAMES;
        rows.addAll(staged ? items.subList(0, ROWS_PER_FIRST_FRAMES) : items);
        before = null;
        continuation = page.continuationToken();
        if (!page.hasMore()) {
            closeStream();
        }
        hasMore.set(page.hasMore());
        totalCharge += page.requestCharge();
        activityId.set(page.activityId());
        errorMessage.set(null);
        errorDetails.set(null);
        state.set(rows.isEmpty() && !page.hasMore() ? emptyState(query) : State.ROWS);
        updateStatus(page);
        if (staged) {
            pageRest = new PageRest(page, items, load, ROWS_PER_FIRST_FRAMES);
            tasks.inNextFrame(pageRest);
        }
    }

    /**
     * The rows of a shown page not yet in the grid, added in later frames: one more part per frame for the first
     * few frames, then all the rest. The load stays current (busy, so no next page is asked for) until the last
     * row is in; a new query or a close drops it, a stop adds all of it at once.
     */
    private final class PageRest implements Runnable {
        private final ItemPage page;
        private final List<ItemRow> items;
        private final Object load;
        private int next;
        private int frame = 1;

        PageRest(ItemPage page, List<ItemRow> items, Object load, int next) {
            this.page = page;
            this.items = items;
            this.load = load;
            this.next = next;
        }

        @Override
        public void run() {
            addUpTo(frame < STAGED_FRAMES ? next + ROWS_PER_FIRST_FRAMES : Integer.MAX_VALUE);
            if (pageRest == this) {
                frame++;
                tasks.inNextFrame(this);
            }
        }

        /** Adds every row left now. */
        void finish() {
            addUpTo(Integer.MAX_VALUE);
        }

        private void addUpTo(int end) {
            if (pageRest != this || load != currentLoad) {
                return; // a new query or a close came first
            }
            int to = Math.min(items.size(), end);
            // a row the user created meanwhile is not added twice
            rows.addAll(notLoadedYet(items.subList(next, to)));
            next = to;
            if (to == items.size()) {
                pageRest = null;
                updateStatus(page);
                currentLoad = null;
                busy.set(false);
            }
        }
    }

    /**
     * The rows of {@code page} not on screen already. A row can come twice: one the user created or saved was
     * put in locally (see {@link #upsertRow}), and a later page of the same query brings it again, maybe at
     * another place under a sort. Each item shows once, where it is already, so the status counts distinct items.
     */
    private List<ItemRow> notLoadedYet(List<ItemRow> page) {
        if (rows.isEmpty() && page.size() < 2) {
            return page;
        }
        Set<ItemRef> seen = new HashSet<>(rows.size() + page.size());
        rows.forEach(row -> seen.add(row.ref()));
        return page.stream().filter(row -> seen.add(row.ref())).toList();
    }

    private void showFailure(Throwable error, ItemQuery query, boolean append) {
        CosmosDeskException mapped = CosmosErrors.classify(error);
        if (mapped.kind() == ErrorKind.CANCELLED) {
            return;
        }
        lastFailureWasLoadMore = append;
        if (!append && mapped.kind() == ErrorKind.BAD_REQUEST && !query.filter().isEmpty()) {
            filterError.set(FilterErrors.sentence(mapped.userMessage()));
            if (before != null && !before.rows().isEmpty()) {
                showAgain(before);
                return;
            }
            state.set(State.FILTER_ERROR);
            statusText.set("The filter could not run");
            return;
        }
        errorMessage.set((append ? "Could not load more items: " : "Could not load items: ") + mapped.userMessage());
        errorDetails.set(mapped.details());
        if (!append) {
            state.set(State.ERROR);
        }
        updateStatus(null);
    }

    /** Puts back the rows of the query before a refused filter: the grid keeps them until a query succeeds. */
    private void showAgain(Shown shown) {
        appliedQuery.set(shown.query());
        appliedFilter.set(shown.query().describe());
        sortLabel.set(sortLabelOf(shown.query()));
        rows.setAll(shown.rows());
        continuation = shown.continuation();
        hasMore.set(shown.hasMore());
        totalCharge = shown.totalCharge();
        state.set(shown.state());
        updateStatus(null);
    }

    private static String sortLabelOf(ItemQuery query) {
        ItemQuery.Sort sort = query.effectiveSort();
        return sort == null ? "" : "Sorted on the server by " + sort.path() + (sort.descending() ? " ↓" : " ↑");
    }

    /** The rows on screen and the query that loaded them. */
    private record Shown(ItemQuery query, List<ItemRow> rows, String continuation, boolean hasMore,
            double totalCharge, State state) {
    }

    private static State emptyState(ItemQuery query) {
        if (!query.filter().isEmpty() || !query.conditions().isEmpty()) {
            return State.NO_MATCHES; // the grid also tells of a sort, which leaves out more
        }
        // never "the container is empty" under a sort: Cosmos leaves out the items without the sorted path
        return query.effectiveSort() != null ? State.SORT_LEFT_OUT : State.EMPTY_CONTAINER;
    }

    private void rowsChangedOutsideALoad() {
        if (rows.isEmpty() && !hasMore.get() && state.get() == State.ROWS) {
            state.set(emptyState(appliedQuery.get()));
        } else if (!rows.isEmpty() && state.get() != State.ROWS) {
            state.set(State.ROWS);
        }
        updateStatus(null);
    }

    /** @param latest the page just shown; null when the rows changed otherwise (the page's cost is then history) */
    private void updateStatus(ItemPage latest) {
        statusText.set(statusLine(rows.size(), hasMore.get(), latest, totalCharge));
    }

    /** "1–100 · more available · 12.4 RU page / 87.1 RU total · 143 ms"; {@code latest} null after no new page. */
    static String statusLine(int loaded, boolean more, ItemPage latest, double totalCharge) {
        List<String> parts = new ArrayList<>();
        parts.add(loaded == 0 ? "0 items" : String.format(Locale.ROOT, "1–%,d", loaded));
        parts.add(more ? "more available" : loaded == 0 ? "none loaded" : "all loaded");
        if (latest != null) {
            parts.add(String.format(Locale.ROOT, "%.1f RU page / %.1f RU total", latest.requestCharge(), totalCharge));
            parts.add(latest.duration().toMillis() + " ms");
        } else if (totalCharge > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f RU total", totalCharge));
        }
        return String.join(" · ", parts);
    }
}
