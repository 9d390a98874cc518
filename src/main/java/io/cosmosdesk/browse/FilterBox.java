package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.browse.ItemsViewModel.State;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Items tab is asked to query: the typed filter (with its hint, history and "outdated" mark), the values
 * of its {@code @names} (a filter handed over with parameters, e.g. the Schema tab's "Filter on this value"), "Go to
 * id" and the server-side sort. Each command makes a query and hands it to {@code run}; the paging shows it.
 * Part of {@link ItemsViewModel}.
 */
final class FilterBox {

    static final JsonPath ID_PATH = JsonPath.parse("/id");

    private final ContainerHandle handle;
    private final ItemPaging pages;
    private final FilterHistory history;
    private final Consumer<ItemQuery> run;
    private final Consumer<String> notice;

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    /**
     * The values handed over with the filter. Held while the text is edited (a name typed away and back keeps its
     * value); only those the text uses are shown and sent, and applying drops the rest.
     */
    private List<GridFilter.Parameter> heldParameters = List.of();
    private final ObservableList<GridFilter.Parameter> shownParameters = FXCollections.observableArrayList();
    private final ObservableList<GridFilter.Parameter> shownParametersView =
            FXCollections.unmodifiableObservableList(shownParameters);
    private final ReadOnlyStringWrapper filterHint = new ReadOnlyStringWrapper(this, "filterHint");
    /** The path the filter hint shows: the first partition key path (the id when there is none). */
    private final JsonPath hintPath;
    private boolean hintHasValue;
    private final BooleanBinding filterOutdated;
    private final StringProperty goToIdText = new SimpleStringProperty(this, "goToIdText", "");
    private final StringBinding activeId;
    /** The filter being applied: remembered in the history once its first page has come. */
    private String filterToRemember;

    FilterBox(ContainerHandle handle, ItemPaging pages, FilterHistory history, Consumer<ItemQuery> run,
            Consumer<String> notice) {
        this.handle = handle;
        this.pages = pages;
        this.history = history;
        this.run = run;
        this.notice = notice;
        ReadOnlyObjectProperty<ItemQuery> applied = pages.status().appliedQueryProperty();
        this.filterOutdated = Bindings.createBooleanBinding(
                // compared as text that runs as typed: a value written into the text (the chip's edit) is no change
                () -> !typedQuery().gridFilter().inlined().equals(applied.get().gridFilter().inlined())
                        && applied.get().conditions().isEmpty(),
                filterText, shownParameters, applied);
        filterText.addListener((obs, old, text) -> showParameters());
        this.activeId = Bindings.createStringBinding(() -> idShownBy(applied.get()), applied);
        List<String> keyPaths = handle.info().partitionKeyPaths();
        this.hintPath = keyPaths.isEmpty() ? ID_PATH : JsonPath.parse(keyPaths.get(0));
        filterHint.set(hintFor(null));
        pages.rows().addListener((javafx.collections.ListChangeListener<ItemRow>) change -> hintFromRows());
        // a filter joins the history once it has run: one the server refused would only be picked again
        pages.status().stateProperty().addListener((obs, old, state) -> {
            if (filterToRemember == null || state == State.LOADING) {
                return;
            }
            // a refused filter puts the rows before it back: that is no success of the filter
            if (pages.status().filterErrorProperty().get() == null && (state == State.ROWS || state == State.NO_MATCHES
                    || state == State.EMPTY_CONTAINER || state == State.SORT_LEFT_OUT)) {
                history.remember(filterToRemember);
            }
            filterToRemember = null;
        });
    }

    // Properties

    StringProperty filterTextProperty() {
        return filterText;
    }

    StringProperty goToIdTextProperty() {
        return goToIdText;
    }

    StringBinding activeIdProperty() {
        return activeId;
    }

    ReadOnlyStringProperty filterHintProperty() {
        return filterHint.getReadOnlyProperty();
    }

    BooleanBinding filterOutdatedBinding() {
        return filterOutdated;
    }

    /** The handed-over values the text in the box uses, in order (the box shows each, e.g. {@code @v = "S2"}). */
    ObservableList<GridFilter.Parameter> shownParameters() {
        return shownParametersView;
    }

    // Commands

    void applyFilter() {
        ItemQuery query = typedQuery();
        holdParameters(query.parameters());
        // the history keeps text that runs as typed: a value handed over is written in as a literal there
        filterToRemember = query.filter().isEmpty() ? null
                : new GridFilter(filterText.get().strip(), query.parameters()).inlined();
        goToIdText.set("");
        run.accept(query.withSort(pages.appliedQuery().sort()));
    }

    /** Puts {@code filter} (its text and values) into the box and applies it. */
    void applyFilter(GridFilter filter) {
        holdParameters(filter.parameters());
        filterText.set(filter.text());
        showParameters();
        applyFilter();
    }

    /** Writes the value of {@code name} into the text as a literal, to edit it there; applies nothing. */
    void inlineParameter(String name) {
        GridFilter inlined = new GridFilter(filterText.get(), heldParameters).inline(name);
        holdParameters(inlined.parameters());
        filterText.set(inlined.text());
        showParameters();
    }

    void clearFilter() {
        holdParameters(List.of());
        filterText.set("");
        goToIdText.set("");
        run.accept(ItemQuery.all().withSort(pages.appliedQuery().sort()));
    }

    void findById(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        goToIdText.set(id.strip());
        String setAside = filterText.get() == null ? "" : new GridFilter(filterText.get().strip(), heldParameters)
                .inlined();
        holdParameters(List.of());
        filterText.set("");
        run.accept(ItemQuery.where(ID_PATH, id.strip()));
        if (!setAside.isEmpty()) {
            // the rows would otherwise seem filtered by a text that is gone from the box without a word
            notice.accept("Go to id looks in the whole container, so the filter box was emptied (it held: "
                    + setAside + ").");
        }
    }

    void sortBy(ItemColumn column) {
        ItemQuery query = pages.appliedQuery();
        if (query.filterHasOrderBy()) {
            notice.accept("The filter has its own ORDER BY; remove it from the filter to sort by a column.");
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
        run.accept(query.withSort(next));
    }

    void removeSort() {
        ItemQuery query = pages.appliedQuery();
        if (query.sort() != null) {
            run.accept(query.withSort(null));
        }
    }

    /** See {@link ItemsViewModel#describeEverythingShown()}. */
    String describeEverythingShown() {
        ItemQuery query = pages.appliedQuery();
        String container = "every item in " + handle.ref();
        if (!query.conditions().isEmpty()) {
            return container + " " + String.join(" and ", query.conditions().stream()
                    .map(FilterBox::conditionInWords).toList());
        }
        String filter = query.gridFilter().inlined();
        int orderBy = filter.toUpperCase(java.util.Locale.ROOT).indexOf("ORDER BY");
        String selection = (orderBy >= 0 ? filter.substring(0, orderBy) : filter).strip();
        if (selection.isEmpty()) {
            return container;
        }
        if (selection.regionMatches(true, 0, "WHERE ", 0, 6)) {
            return container + " where " + selection.substring(6).strip();
        }
        return container + " selected by the filter " + selection;
    }

    // Internals

    /** What applying would run: the text in the box with the held values it uses. */
    private ItemQuery typedQuery() {
        return ItemQuery.filtered(new GridFilter(filterText.get(), heldParameters));
    }

    private void holdParameters(List<GridFilter.Parameter> parameters) {
        heldParameters = List.copyOf(parameters);
        showParameters();
    }

    private void showParameters() {
        List<GridFilter.Parameter> used = new GridFilter(filterText.get(), heldParameters).referenced();
        if (!used.equals(shownParameters)) {
            shownParameters.setAll(used);
        }
    }

    /** The id a "Go to id" query shows; null for any other query. */
    private static String idShownBy(ItemQuery query) {
        List<ItemQuery.Condition> conditions = query.conditions();
        return conditions.size() == 1 && conditions.get(0).path().equals(ID_PATH)
                && conditions.get(0).value() instanceof String id ? id : null;
    }

    private static String conditionInWords(ItemQuery.Condition condition) {
        Object value = condition.value();
        String shown = value == null ? "null" : value instanceof String text ? "\"" + text + "\"" : value.toString();
        String what = condition.path().equals(ID_PATH) ? "id" : condition.path().toString();
        return "whose " + what + " is " + shown;
    }

    /** The hint for {@code value} of {@link #hintPath}; a placeholder when there is no usable example. */
    private String hintFor(JsonNode value) {
        boolean plain = hintPath.segments().stream().allMatch(segment -> segment.matches("[A-Za-z_][A-Za-z0-9_]*"));
        String expression = plain ? "c." + String.join(".", hintPath.segments()) : hintPath.toSqlExpression();
        boolean usable = isExample(value) && !(value.isTextual() && value.textValue().length() > 24);
        return "e.g. " + expression + " = " + (usable ? value.toString() : "\"…\"");
    }

    private static boolean isExample(JsonNode value) {
        return value != null && !value.isMissingNode() && !value.isNull() && !value.isContainerNode();
    }

    /** Takes the example value from the first of the first rows that has one. */
    private void hintFromRows() {
        if (hintHasValue) {
            return;
        }
        List<ItemRow> rows = pages.rows();
        for (ItemRow row : rows.subList(0, Math.min(rows.size(), 20))) {
            JsonNode value = hintPath.read(pages.parsedJson(row));
            if (isExample(value)) {
                filterHint.set(hintFor(value));
                hintHasValue = true;
                return;
            }
        }
    }
}
