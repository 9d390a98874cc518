package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Items tab of one container, bound to its {@link ContainerHandle} for life: pages of rows with
 * continuation tokens, a typed filter with history, server-side sort, columns by JSON path, counting,
 * and deleting a selection. A reply that belongs to an older query (the user re-filtered, sorted,
 * refreshed or cancelled meanwhile) is dropped, never shown.
 *
 * <p>This class is the tab's one face (the view and the workspace bind to it) and the host's door for actions on
 * the selection; the paging, the filter box (what to query: filter, sort, find by id), the selection, the columns,
 * the filter history, counting and deleting each live in a part of their own.
 */
public class ItemsViewModel extends ItemsGridState implements AutoCloseable {

    public static final int DEFAULT_PAGE_SIZE = ItemPaging.DEFAULT_PAGE_SIZE;
    public static final int MAX_PAGE_SIZE = ItemPaging.MAX_PAGE_SIZE;
    public static final int HISTORY_LIMIT = FilterHistory.LIMIT;

    /** What the grid area shows. */
    public enum State {
        LOADING, ROWS, EMPTY_CONTAINER, NO_MATCHES,
        /** No rows under a server-side sort: Cosmos leaves out items that lack the sorted path. */
        SORT_LEFT_OUT,
        FILTER_ERROR, ERROR, STOPPED
    }

    private final ItemColumns columns;
    private final FilterHistory history;
    private final FilterBox filterBox;
    private final ItemCounter counter;
    private final ItemDeletion deletion;

    // Properties
    private final GridSelection selection = new GridSelection();
    private final ReadOnlyIntegerWrapper queriesRun = new ReadOnlyIntegerWrapper(this, "queriesRun");
    private Host host = new Host() { };

    /**
     * Where the grid's requests that reach beyond it go: the workspace that shows the grid beside the item
     * editor and the move dialog (see {@code ContainerWorkspaceViewModel}). Without one they do nothing.
     */
    public interface Host {
        /** Enter or double-click on one row. */
        default void openItem(ItemRow row) { }

        /** New item (toolbar, Ctrl+N). */
        default void newItem() { }

        /** Move to partition: the selected rows, or none for every item the applied query matches. */
        default void moveRows(List<ItemRow> rows) { }

        /** Items deleted from the grid (or found already gone); their rows have been removed. */
        default void itemsGone(Set<ItemRef> gone) { }
    }

    public ItemsViewModel(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, DialogService dialogs,
            ColumnSettingsStore settings) {
        super(handle, service, tasks);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(settings);
        this.columns = new ItemColumns(handle, settings);
        this.history = new FilterHistory(handle, settings);
        this.counter = new ItemCounter(handle, service, tasks, pages::generation);
        // the rows being deleted must not stay selected: the grid would move through them and open one going away
        this.deletion = new ItemDeletion(handle, service, tasks, dialogs, notice::set, gone -> {
            pages.removeGone(gone);
            host.itemsGone(gone);
        }, () -> selectOnly(null));
        this.filterBox = new FilterBox(handle, pages, history, this::runQuery, notice::set);
        // a first visit's columns come from the whole first page, not the few rows of its first frame
        // (parsed only then: every other query's first page would parse up to 1,000 rows on the UI thread for nothing)
        pages.onFirstPage(page -> {
            if (columns.proposesDefaults()) {
                columns.proposeDefaults(page.stream().map(pages::parsedJson).toList());
            }
        });
    }

    // Properties

    /** Where the filter box's completion reads the container's field paths (the Schema tab's catalog). */
    public record FieldCompletion(TaskRunner tasks, io.cosmosdesk.query.FieldPathSource source) {
    }

    private FieldCompletion fieldCompletion;

    /** Before the view is built: the filter box completes field paths from {@code completion}. */
    public void useFieldCompletion(FieldCompletion completion) {
        this.fieldCompletion = completion;
    }

    public java.util.Optional<FieldCompletion> fieldCompletion() {
        return java.util.Optional.ofNullable(fieldCompletion);
    }

    public ObservableList<ItemColumn> columns() {
        return columns.list();
    }

    /** What the user is typing after {@code SELECT * FROM c}. */
    public StringProperty filterTextProperty() {
        return filterBox.filterTextProperty();
    }

    /** What the user typed into "Go to id"; emptied when another query replaces it (Clear, a typed filter). */
    public StringProperty goToIdTextProperty() {
        return filterBox.goToIdTextProperty();
    }

    /** The id the grid is narrowed to by "Go to id"; null while another query is applied. */
    public javafx.beans.binding.StringExpression activeIdProperty() {
        return filterBox.activeIdProperty();
    }

    /**
     * The filter box's prompt, from this container's own first partition key path (short enough to show), with
     * a real value of it once rows have come: {@code c.priority = 3} must not be written {@code "3"}.
     */
    public String filterHint() {
        return filterHintProperty().get();
    }

    public ReadOnlyStringProperty filterHintProperty() {
        return filterBox.filterHintProperty();
    }

    /** True when the text in the box differs from the filter of the rows on screen. */
    public BooleanBinding filterOutdatedBinding() {
        return filterBox.filterOutdatedBinding();
    }

    /** Filters applied before, newest first, no duplicates. */
    public ObservableList<String> filterHistory() {
        return history.history();
    }

    /** History followed by useful defaults (by id, newest first, one per partition key path). */
    public ObservableList<String> filterSuggestions() {
        return history.suggestions();
    }

    /** What a tab of a container deleted elsewhere says. */
    public static final String CONTAINER_GONE = "This container no longer exists: it was deleted, here or elsewhere."
            + " Nothing in this tab can be saved; close it, or refresh the tree.";

    /** "12,000 items match · 3.1 RU" after {@link #count()}; empty until asked. */
    public ReadOnlyStringProperty countTextProperty() {
        return counter.countTextProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counter.countingProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deletion.deletingProperty();
    }

    public ReadOnlyDoubleProperty deleteProgressProperty() {
        return deletion.deleteProgressProperty();
    }

    public ReadOnlyStringProperty deleteMessageProperty() {
        return deletion.deleteMessageProperty();
    }

    public ObservableList<ItemRow> selection() {
        return selection.rows();
    }

    /** The one selected row (id, partition key value and JSON); null when none or several are selected. */
    public ReadOnlyObjectProperty<ItemRow> selectedItemProperty() {
        return selection.selectedItemProperty();
    }

    /** Who takes the grid's requests that reach beyond it (open, new, move, deleted items). */
    public void setHost(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /** Counts the queries run (refresh, filter, sort, go to id...): each replaces the rows on screen. */
    public ReadOnlyIntegerProperty queriesRunProperty() {
        return queriesRun.getReadOnlyProperty();
    }

    /** Who shows a selection the view-model chose (the grid), see {@link #selectOnly}. */
    public void setOnSelectionChosen(Consumer<List<ItemRow>> view) {
        selection.showChosenIn(view);
    }

    // Commands

    /** Runs the applied query again from its first page. */
    public void refresh() {
        runQuery(pages.appliedQuery());
    }

    /** Runs the typed filter (F5, Shift+Enter); it joins the history once the server has run it. */
    public void applyFilter() {
        filterBox.applyFilter();
    }

    /**
     * Puts a filter handed over by another tool (the Schema tab's "Filter on this value") into the box, its values
     * as parameters the box shows beside the text, and applies it.
     */
    public void applyFilter(io.cosmosdesk.cosmos.GridFilter filter) {
        filterBox.applyFilter(filter);
    }

    /** The values of the {@code @names} the text in the box uses, handed over with a filter (shown as chips). */
    public ObservableList<io.cosmosdesk.cosmos.GridFilter.Parameter> filterParameters() {
        return filterBox.shownParameters();
    }

    /** Writes parameter {@code name}'s value into the filter text, where the user can edit it (nothing is run). */
    public void inlineFilterParameter(String name) {
        filterBox.inlineParameter(name);
    }

    /** Shows every item again, keeping the sort; empties the filter and "Go to id" boxes. */
    public void clearFilter() {
        filterBox.clearFilter();
    }

    /** Finds the item whose id is in the "Go to id" box. */
    public void goToId() {
        findById(goToIdTextProperty().get());
    }

    /** Finds an item by id with a parameterized query (the id is never put into the query text). */
    public void findById(String id) {
        filterBox.findById(id);
    }

    /**
     * Sorts on the server by {@code column}: ascending, then descending, then unsorted. Not possible
     * while the typed filter has its own ORDER BY (the notice says so).
     */
    public void sortBy(ItemColumn column) {
        filterBox.sortBy(column);
    }

    /** Retries what failed last: the next page, or the whole query. */
    public void retry() {
        if (!pages.retryNextPage()) {
            refresh();
        }
    }

    /** Stops the running query (Esc) and keeps the rows already loaded; asks a running delete to stop. */
    public void cancel() {
        pages.stop();
        if (counter.countingProperty().get()) {
            counter.cancel();
        }
        deletion.stop();
    }

    /** Counts the items the applied query selects. */
    public void count() {
        counter.count(pages.appliedQuery());
    }

    /**
     * Adds a column showing {@code pathText} (e.g. {@code /customer/name} or {@code customer.name}), remembered
     * for this container; the notice says so when no loaded item has that path.
     *
     * @return the reason when the path is not usable or already shown
     */
    public Optional<String> addColumn(String pathText) {
        Optional<String> problem = columns.add(pathText);
        if (problem.isEmpty()) {
            ItemColumns.noValueNotice(JsonPath.parse(pathText), rows(), pages::parsedJson).ifPresent(notice::set);
        }
        return problem;
    }

    /**
     * The user dragged the grid's columns into this order (their headers); id and the partition key stay first.
     * Remembered for the container.
     */
    public void reorderColumns(List<String> headers) {
        columns.reorder(headers);
    }

    /** The width the user gave the column with this header on this container, if any. */
    public java.util.OptionalDouble columnWidth(String header) {
        return columns.width(header);
    }

    /** The user resized a column: remembered for the container. */
    public void rememberColumnWidth(String header, double width) {
        columns.rememberWidth(header, width);
    }

    /** Removes a user column; when the grid is sorted by it, the sort goes too (it could not be undone otherwise). */
    public void removeColumn(ItemColumn column) {
        if (!columns.remove(column)) {
            return;
        }
        ItemQuery.Sort sort = pages.appliedQuery().sort();
        if (sort != null && sort.path().equals(column.path())
                && columns().stream().noneMatch(shown -> shown.path().equals(sort.path()))) {
            removeSort();
        }
    }

    /** Drops the server-side sort ("Unsort") and runs the query again unsorted; nothing when unsorted. */
    public void removeSort() {
        filterBox.removeSort();
    }

    /** The rows the user selected in the grid. */
    public void setSelection(List<ItemRow> selected) {
        selection.set(selected);
    }

    /**
     * Selects only the loaded row of {@code item}, or nothing when it is null or not loaded; e.g. to put the
     * grid back on the item the editor kept, so the toolbar's actions cannot hit another row.
     */
    public void selectOnly(ItemRef item) {
        selection.selectOnly(item, rows());
    }

    /** Opens the selected item (Enter, double-click). */
    public void openSelected() {
        ItemRow row = selection.selectedItemProperty().get();
        if (row != null) {
            host.openItem(row);
        }
    }

    /**
     * What "every item shown" means, in words for a confirmation: {@code every item in retail/orders},
     * {@code every item in retail/orders whose id is "INV-1"}, {@code every item in retail/orders where c.x = 1}.
     * It describes the applied query, the one a move of everything would run.
     */
    public String describeEverythingShown() {
        return filterBox.describeEverythingShown();
    }

    /** "Move to partition…": the selected rows, or with nothing selected every item the filter matches. */
    public void moveSelected() {
        host.moveRows(List.copyOf(selection()));
    }

    public void newItem() {
        host.newItem();
    }

    /** Bulk deletes started from now on also appear in the Jobs panel. */
    public void reportJobsTo(io.cosmosdesk.jobs.JobTracker tracker) {
        deletion.reportTo(tracker);
    }

    /** Deletes the selected items after confirmation, with progress, Cancel, and a summary of failures. */
    public void deleteSelected() {
        deletion.delete(List.copyOf(selection()));
    }

    /** Stops everything this tab runs; its late replies are dropped. */
    @Override
    public void close() {
        pages.close();
        counter.cancel();
        deletion.close();
    }

    // Internals

    private void runQuery(ItemQuery query) {
        // the count described the previous query; a late one is also dropped by the generation check
        counter.reset();
        queriesRun.set(queriesRun.get() + 1);
        // the rows go, and with them whatever was selected among them
        setSelection(List.of());
        pages.run(query);
    }
}
