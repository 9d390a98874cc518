package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemCount;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Items tab of one container, bound to its {@link ContainerHandle} for life: pages of rows with
 * continuation tokens, a typed filter with history, server-side sort, columns by JSON path, counting,
 * and deleting a selection. A reply that belongs to an older query (the user re-filtered, sorted,
 * refreshed or cancelled meanwhile) is dropped, never shown.
 */
public class ItemsViewModel implements AutoCloseable {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = ItemQueryService.MAX_PAGE_SIZE;
    public static final int HISTORY_LIMIT = 50;
    private static final int PARSED_CACHE_SIZE = 256;

    /** What the grid area shows. */
    public enum State { LOADING, ROWS, EMPTY_CONTAINER, NO_MATCHES, FILTER_ERROR, ERROR, STOPPED }

    private final ContainerHandle handle;
    private final ItemQueryService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ColumnSettingsStore settings;
    private final String settingsKey;

    // Properties
    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ItemColumn> columns = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyObjectWrapper<ItemQuery> appliedQuery = new ReadOnlyObjectWrapper<>(this, "appliedQuery",
            ItemQuery.all());
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper(this, "appliedFilter", "");
    private final ObservableList<String> filterHistory = FXCollections.observableArrayList();
    private final ObservableList<String> filterSuggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyStringWrapper sortLabel = new ReadOnlyStringWrapper(this, "sortLabel", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", DEFAULT_PAGE_SIZE);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper activityId = new ReadOnlyStringWrapper(this, "activityId");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting");
    private final ReadOnlyDoubleWrapper deleteProgress = new ReadOnlyDoubleWrapper(this, "deleteProgress");
    private final ReadOnlyStringWrapper deleteMessage = new ReadOnlyStringWrapper(this, "deleteMessage", "");
    private final ObservableList<ItemRow> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ItemRow> selectedItem = new ReadOnlyObjectWrapper<>(this, "selectedItem");
    private Consumer<List<ItemRow>> moveHandler = rows -> { };
    private Runnable newItemHandler = () -> { };
    private final BooleanBinding filterOutdated;
    // read-only views made once: an unmodifiable wrapper listens to its source weakly, so a wrapper made
    // per call could be collected together with the listeners a view added to it
    private final ObservableList<ItemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ItemColumn> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> filterHistoryView = FXCollections.unmodifiableObservableList(filterHistory);
    private final ObservableList<String> filterSuggestionsView =
            FXCollections.unmodifiableObservableList(filterSuggestions);
    private final ObservableList<ItemRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    private Consumer<ItemRow> onOpenItem = row -> { };

    // Query state
    private String continuation;
    private long queryGeneration;
    /** The load in flight; its replies count only while it is still this object. */
    private Object currentLoad;
    private TaskHandle loadTask = TaskHandle.NONE;
    private TaskHandle countTask = TaskHandle.NONE;
    private AtomicBoolean deleteStop = new AtomicBoolean();
    private boolean lastFailureWasLoadMore;
    private double totalCharge;
    private final Map<ItemRow, JsonNode> parsed = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ItemRow, JsonNode> eldest) {
            return size() > PARSED_CACHE_SIZE;
        }
    };

    public ItemsViewModel(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, DialogService dialogs,
            ColumnSettingsStore settings) {
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.settings = Objects.requireNonNull(settings);
        this.settingsKey = ColumnSettingsStore.keyOf(handle);
        this.filterOutdated = Bindings.createBooleanBinding(
                () -> !ItemQuery.filtered(filterText.get()).filter().equals(appliedQuery.get().filter())
                        && appliedQuery.get().conditions().isEmpty(),
                filterText, appliedQuery);
        pageSize.addListener((obs, old, size) -> {
            int clamped = Math.max(1, Math.min(MAX_PAGE_SIZE, size.intValue()));
            if (clamped != size.intValue()) {
                pageSize.set(clamped);
            }
        });
        columns.add(ItemColumn.id());
        List<String> keyPaths = handle.info().partitionKeyPaths();
        for (int level = 0; level < keyPaths.size(); level++) {
            columns.add(ItemColumn.partitionKey(keyPaths.get(level), level));
        }
        for (String saved : settings.columns(settingsKey)) {
            try {
                addColumnQuietly(JsonPath.parse(saved));
            } catch (IllegalArgumentException ignored) {
                // a column saved by another version that no longer parses: leave it out
            }
        }
        filterHistory.setAll(settings.filterHistory(settingsKey));
        updateSuggestions();
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    /** Loaded rows, in the order the service returned them. */
    public ObservableList<ItemRow> rows() {
        return rowsView;
    }

    public ObservableList<ItemColumn> columns() {
        return columnsView;
    }

    /** What the user is typing after {@code SELECT * FROM c}. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<ItemQuery> appliedQueryProperty() {
        return appliedQuery.getReadOnlyProperty();
    }

    /** The filter of the rows on screen, as the user reads it. */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** True when the text in the box differs from the filter of the rows on screen. */
    public BooleanBinding filterOutdatedBinding() {
        return filterOutdated;
    }

    /** Filters applied before, newest first, no duplicates. */
    public ObservableList<String> filterHistory() {
        return filterHistoryView;
    }

    /** History followed by useful defaults (by id, newest first, one per partition key path). */
    public ObservableList<String> filterSuggestions() {
        return filterSuggestionsView;
    }

    /** The service's complaint about the typed filter (e.g. a syntax error); null when none. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** e.g. "Sorted on the server by /orderDate ↓"; empty when unsorted. */
    public ReadOnlyStringProperty sortLabelProperty() {
        return sortLabel.getReadOnlyProperty();
    }

    public ItemQuery.Sort currentSort() {
        return appliedQuery.get().effectiveSort();
    }

    /** Items per page, 1 to {@value #MAX_PAGE_SIZE}; applies from the next page loaded. */
    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    /** True when the service gave a continuation token: "Load more" shows only then. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** True while a page is loading. The grid stays usable; Cancel stops it and keeps the rows. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A recoverable failure for the banner (with Retry); null when none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Status, substatus and activity id of the failure, for "Copy details". */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    /** An informational line, e.g. the summary of a delete; null when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "1–100 · more available · 12.4 RU page / 87.1 RU total · 143 ms". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Activity id of the latest page, for support requests. */
    public ReadOnlyStringProperty activityIdProperty() {
        return activityId.getReadOnlyProperty();
    }

    /** "12,000 items match · 3.1 RU" after {@link #count()}; empty until asked. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty deleteProgressProperty() {
        return deleteProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deleteMessageProperty() {
        return deleteMessage.getReadOnlyProperty();
    }

    public ObservableList<ItemRow> selection() {
        return selectionView;
    }

    /** The one selected row (id, partition key value and JSON); null when none or several are selected. */
    public ReadOnlyObjectProperty<ItemRow> selectedItemProperty() {
        return selectedItem.getReadOnlyProperty();
    }

    public boolean isReadOnly() {
        return handle.connection().profile().readOnly();
    }

    /** Who opens an item (Enter or double-click); the item editor, once wired in. */
    /** Who opens the move dialog for the given rows (empty: every item the applied filter matches). */
    public void setOnMoveRequested(Consumer<List<ItemRow>> handler) {
        this.moveHandler = java.util.Objects.requireNonNull(handler);
    }

    /** Who starts a new item (the editor beside the grid). */
    public void setOnNewItem(Runnable handler) {
        this.newItemHandler = java.util.Objects.requireNonNull(handler);
    }

    /** "Move to partition…": the selected rows, or with nothing selected every item the filter matches. */
    public void moveSelected() {
        moveHandler.accept(List.copyOf(selection()));
    }

    public void newItem() {
        newItemHandler.run();
    }

    /** Shows a saved item's new version in its row (or as a new first row), without reloading the page. */
    public void upsertRow(com.fasterxml.jackson.databind.node.ObjectNode item) {
        ItemRow updated = ItemRow.of(item, handle.info().partitionKeyPaths());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equals(updated.ref())) {
                rows.set(i, updated);
                return;
            }
        }
        rows.add(0, updated);
    }

    /** Drops a deleted item's row. */
    public void removeRow(String id, io.cosmosdesk.cosmos.PartitionKeyValue partitionKey) {
        rows.removeIf(row -> row.id().equals(id) && row.partitionKey().equals(partitionKey));
    }

    public void setOnOpenItem(Consumer<ItemRow> handler) {
        this.onOpenItem = Objects.requireNonNull(handler);
    }

    /** The cell of {@code row} in {@code column}; parses the row's JSON at most once while it stays visible. */
    public ItemColumn.Cell cellOf(ItemRow row, ItemColumn column) {
        return column.cellOf(row, this::parsedJson);
    }

    private JsonNode parsedJson(ItemRow row) {
        return parsed.computeIfAbsent(row, ItemRow::json);
    }

    // Commands

    /** Runs the applied query again from its first page. */
    public void refresh() {
        runQuery(appliedQuery.get());
    }

    /** Runs the typed filter (F5, Shift+Enter) and remembers it in the history. */
    public void applyFilter() {
        ItemQuery query = ItemQuery.filtered(filterText.get());
        if (!query.filter().isEmpty()) {
            remember(filterText.get().strip());
        }
        runQuery(query.withSort(appliedQuery.get().sort()));
    }

    /** Shows every item again, keeping the sort. */
    public void clearFilter() {
        filterText.set("");
        runQuery(ItemQuery.all().withSort(appliedQuery.get().sort()));
    }

    /** Finds an item by id with a parameterized query (the id is never put into the query text). */
    public void findById(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        filterText.set("");
        runQuery(ItemQuery.where(JsonPath.parse("/id"), id.strip()));
    }

    /**
     * Sorts on the server by {@code column}: ascending, then descending, then unsorted. Not possible
     * while the typed filter has its own ORDER BY (the notice says so).
     */
    public void sortBy(ItemColumn column) {
        ItemQuery query = appliedQuery.get();
        if (query.filterHasOrderBy()) {
            notice.set("The filter has its own ORDER BY; remove it from the filter to sort by a column.");
            return;
        }
        ItemQuery.Sort current = query.sort();
        ItemQuery.Sort next;
        if (current == null || !current.path().equals(column.path())) {
            next = new ItemQuery.Sort(column.path(), false);
        } else if (!current.descending()) {
            next = new ItemQuery.Sort(column.path(), true);
        } else {
            next = null;
        }
        runQuery(query.withSort(next));
    }

    /** Appends the next page, when there is one and nothing is loading (also driven by scrolling). */
    public void loadMore() {
        if (continuation == null || currentLoad != null) {
            return;
        }
        fetch(appliedQuery.get(), continuation, true);
    }

    /** Retries what failed last: the next page, or the whole query. */
    public void retry() {
        if (lastFailureWasLoadMore && continuation != null) {
            errorMessage.set(null);
            loadMore();
        } else {
            refresh();
        }
    }

    /** Stops the running query (Esc) and keeps the rows already loaded; asks a running delete to stop. */
    public void cancel() {
        if (currentLoad != null) {
            currentLoad = null;
            loadTask.cancel();
            busy.set(false);
            state.set(rows.isEmpty() ? State.STOPPED : State.ROWS);
            updateStatus(null);
            notice.set("Stopped. " + (rows.isEmpty() ? "No items loaded." : "The rows already loaded are kept."));
        }
        if (counting.get()) {
            countTask.cancel();
        }
        if (deleting.get()) {
            deleteStop.set(true);
            deleteMessage.set("Stopping after the deletes in flight…");
        }
    }

    /** Counts the items the applied query selects. */
    public void count() {
        if (counting.get()) {
            return;
        }
        long generation = queryGeneration;
        ItemQuery query = appliedQuery.get();
        ContainerHandle target = handle;
        counting.set(true);
        countText.set("Counting…");
        countTask = tasks.start(BackgroundTask.of("Counting items of " + target.ref(),
                        context -> service.countItems(target, query))
                .onSuccess(count -> {
                    if (generation == queryGeneration) {
                        countText.set(describeCount(count, query));
                    }
                })
                .onFailure(error -> {
                    if (generation == queryGeneration) {
                        countText.set("Count failed: " + CosmosErrors.classify(error).userMessage());
                    }
                })
                .onCancelled(() -> countText.set(""))
                .onFinally(() -> counting.set(false)));
    }

    /**
     * Adds a column showing {@code pathText} (e.g. {@code /customer/name}), remembered for this container.
     *
     * @return the reason when the path is not usable or already shown
     */
    public Optional<String> addColumn(String pathText) {
        JsonPath path;
        try {
            path = JsonPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (columns.stream().anyMatch(column -> column.path().equals(path))) {
            return Optional.of("The grid already shows " + path + ".");
        }
        addColumnQuietly(path);
        saveColumns();
        return Optional.empty();
    }

    public void removeColumn(ItemColumn column) {
        if (column.removable() && columns.remove(column)) {
            saveColumns();
        }
    }

    /** The rows the user selected in the grid. */
    public void setSelection(List<ItemRow> selected) {
        selection.setAll(selected);
        selectedItem.set(selected.size() == 1 ? selected.get(0) : null);
    }

    /** Opens the selected item (Enter, double-click). */
    public void openSelected() {
        ItemRow row = selectedItem.get();
        if (row != null) {
            onOpenItem.accept(row);
        }
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Deletes the selected items after confirmation, with progress, Cancel, and a summary of failures. */
    public void deleteSelected() {
        List<ItemRow> chosen = List.copyOf(selection);
        if (chosen.isEmpty() || deleting.get()) {
            return;
        }
        if (isReadOnly()) {
            notice.set("\"" + handle.connection().profile().name()
                    + "\" is a read-only connection: items cannot be deleted.");
            return;
        }
        String what = chosen.size() == 1 ? "item " + chosen.get(0).ref() : chosen.size() + " selected items";
        if (!dialogs.confirm("Delete " + (chosen.size() == 1 ? "item" : chosen.size() + " items"),
                "Delete " + what + " from " + handle + "?\nThis cannot be undone.", "Delete")) {
            return;
        }
        List<ItemRef> refs = chosen.stream().map(ItemRow::ref).toList();
        AtomicBoolean stop = new AtomicBoolean();
        deleteStop = stop;
        ContainerHandle target = handle;
        deleting.set(true);
        deleteProgress.set(0);
        deleteMessage.set("Deleting 0 of " + refs.size() + "…");
        notice.set(null);
        tasks.start(BackgroundTask.of("Deleting " + refs.size() + " items of " + target.ref(),
                        context -> service.deleteItems(target, refs,
                                (done, total) -> context.progress((double) done / total,
                                        "Deleting " + done + " of " + total + "…"),
                                () -> stop.get() || context.isCancelled()))
                .onProgress((fraction, message) -> {
                    deleteProgress.set(fraction);
                    if (!stop.get()) {
                        deleteMessage.set(message);
                    }
                })
                .onSuccess(this::applyDeleteResult)
                .onFailure(error -> notice.set("Nothing was deleted: " + CosmosErrors.classify(error).userMessage()))
                .onFinally(() -> {
                    deleting.set(false);
                    deleteMessage.set("");
                }));
    }

    private void applyDeleteResult(DeleteResult result) {
        Set<ItemRef> gone = new HashSet<>(result.deleted());
        gone.addAll(result.alreadyGone());
        rows.removeIf(row -> gone.contains(row.ref()));
        parsed.keySet().removeIf(row -> gone.contains(row.ref()));
        notice.set(describeDelete(result));
        if (rows.isEmpty() && !hasMore.get() && state.get() == State.ROWS) {
            state.set(emptyState(appliedQuery.get()));
        }
        updateStatus(null);
    }

    static String describeDelete(DeleteResult result) {
        int asked = result.goneCount() + result.failures().size() + result.notAttempted().size();
        StringBuilder text = new StringBuilder();
        if (result.failures().isEmpty() && !result.cancelled()) {
            text.append("Deleted ").append(plural(result.goneCount(), "item")).append('.');
        } else {
            text.append(result.cancelled() ? "Stopped: deleted " : "Deleted ")
                    .append(result.goneCount()).append(" of ").append(plural(asked, "item")).append('.');
        }
        if (!result.alreadyGone().isEmpty()) {
            text.append(' ').append(result.alreadyGone().size()).append(result.alreadyGone().size() == 1
                    ? " was" : " were").append(" already gone.");
        }
        if (result.cancelled()) {
            text.append(' ').append(result.notAttempted().size()).append(" left untouched.");
        }
        if (!result.failures().isEmpty()) {
            text.append(' ').append(result.failures().size()).append(" failed: ");
            List<String> lines = new ArrayList<>();
            for (DeleteResult.Failure failure : result.failures().subList(0, Math.min(5, result.failures().size()))) {
                lines.add(failure.item() + " — " + failure.message());
            }
            text.append(String.join("; ", lines));
            if (result.failures().size() > 5) {
                text.append("; and ").append(result.failures().size() - 5).append(" more (see the log)");
            }
        }
        return text.toString();
    }

    /** Stops everything this tab runs; its late replies are dropped. */
    @Override
    public void close() {
        queryGeneration++;
        currentLoad = null;
        loadTask.cancel();
        countTask.cancel();
        deleteStop.set(true);
        busy.set(false);
    }

    // Internals

    private void runQuery(ItemQuery query) {
        queryGeneration++;
        countTask.cancel();
        loadTask.cancel();
        currentLoad = null;
        appliedQuery.set(query);
        appliedFilter.set(query.describe());
        ItemQuery.Sort sort = query.effectiveSort();
        sortLabel.set(sort == null ? "" : "Sorted on the server by " + sort.path() + (sort.descending() ? " ↓" : " ↑"));
        rows.clear();
        parsed.clear();
        continuation = null;
        hasMore.set(false);
        totalCharge = 0;
        countText.set("");
        errorMessage.set(null);
        errorDetails.set(null);
        filterError.set(null);
        notice.set(null);
        state.set(State.LOADING);
        fetch(query, null, false);
    }

    private void fetch(ItemQuery query, String token, boolean append) {
        Object load = new Object();
        currentLoad = load;
        ContainerHandle target = handle;
        int size = pageSize.get();
        busy.set(true);
        statusText.set(append ? "Loading more…" : "Loading…");
        loadTask = tasks.start(BackgroundTask.of("Loading items of " + target.ref(),
                        context -> service.queryItemsPage(target, query, token, size))
                .onSuccess(page -> {
                    if (load == currentLoad) {
                        showPage(page, query);
                    }
                })
                .onFailure(error -> {
                    if (load == currentLoad) {
                        showFailure(error, query, append);
                    }
                })
                .onFinally(() -> {
                    if (load == currentLoad) {
                        currentLoad = null;
                        busy.set(false);
                    }
                }));
    }

    private void showPage(ItemPage page, ItemQuery query) {
        rows.addAll(page.items());
        continuation = page.continuationToken();
        hasMore.set(page.hasMore());
        totalCharge += page.requestCharge();
        activityId.set(page.activityId());
        errorMessage.set(null);
        errorDetails.set(null);
        state.set(rows.isEmpty() && !page.hasMore() ? emptyState(query) : State.ROWS);
        updateStatus(page);
    }

    private void showFailure(Throwable error, ItemQuery query, boolean append) {
        CosmosDeskException mapped = CosmosErrors.classify(error);
        if (mapped.kind() == ErrorKind.CANCELLED) {
            return;
        }
        lastFailureWasLoadMore = append;
        if (!append && mapped.kind() == ErrorKind.BAD_REQUEST && !query.filter().isEmpty()) {
            filterError.set(mapped.userMessage());
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

    private static State emptyState(ItemQuery query) {
        return query.filter().isEmpty() && query.conditions().isEmpty() ? State.EMPTY_CONTAINER : State.NO_MATCHES;
    }

    private void updateStatus(ItemPage latest) {
        List<String> parts = new ArrayList<>();
        parts.add(rows.isEmpty() ? "0 items" : String.format(Locale.ROOT, "1–%,d", rows.size()));
        parts.add(hasMore.get() ? "more available" : rows.isEmpty() ? "none loaded" : "all loaded");
        if (latest != null) {
            parts.add(String.format(Locale.ROOT, "%.1f RU page / %.1f RU total", latest.requestCharge(), totalCharge));
            parts.add(latest.duration().toMillis() + " ms");
        } else if (totalCharge > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f RU total", totalCharge));
        }
        statusText.set(String.join(" · ", parts));
    }

    private static String describeCount(ItemCount count, ItemQuery query) {
        String matching = query.filter().isEmpty() && query.conditions().isEmpty() ? " in the container" : " match";
        return String.format(Locale.ROOT, "%,d %s%s · %.1f RU", count.count(), count.count() == 1 ? "item" : "items",
                matching, count.requestCharge());
    }

    private static String plural(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }

    private void remember(String filter) {
        filterHistory.remove(filter);
        filterHistory.add(0, filter);
        if (filterHistory.size() > HISTORY_LIMIT) {
            filterHistory.remove(HISTORY_LIMIT, filterHistory.size());
        }
        settings.saveFilterHistory(settingsKey, List.copyOf(filterHistory));
        updateSuggestions();
    }

    private void updateSuggestions() {
        List<String> suggestions = new ArrayList<>(filterHistory);
        List<String> defaults = new ArrayList<>();
        defaults.add("WHERE c.id = \"\"");
        for (String path : handle.info().partitionKeyPaths()) {
            defaults.add("WHERE " + JsonPath.parse(path).toSqlExpression() + " = \"\"");
        }
        defaults.add("ORDER BY c._ts DESC");
        for (String suggestion : defaults) {
            if (!suggestions.contains(suggestion)) {
                suggestions.add(suggestion);
            }
        }
        filterSuggestions.setAll(suggestions);
    }

    private void addColumnQuietly(JsonPath path) {
        if (columns.stream().noneMatch(column -> column.path().equals(path))) {
            columns.add(ItemColumn.user(path));
        }
    }

    private void saveColumns() {
        settings.saveColumns(settingsKey, columns.stream().filter(ItemColumn::removable)
                .map(column -> column.path().toString()).toList());
    }
}
