package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * One query tab: the text and what of it runs, its parameters and scope, the run and its pages (cached for
 * Previous/Next), stats, index advice and errors. Plain Java: the view binds to it; every call to Cosmos DB goes
 * through the TaskRunner, and answers of a run that was replaced or cancelled are dropped (generation counter).
 */
public final class QueryTabViewModel {

    /** What the results are: whole items (open, delete) or anything else (read-only). */
    public enum ResultsKind { NONE, ITEMS, VALUES }

    /** What a finished run reports (for the history). */
    public record RunRecord(ContainerHandle container, String text, List<QueryParameter> parameters, QueryScope scope,
            Instant startedAt, double requestCharge, long results, java.time.Duration duration) {
    }

    private final ContainerHandle handle;
    private final QueryService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<QueryGuards> guards;
    private final BiConsumer<ContainerHandle, ItemRef> openItem;
    private final QueryResultDeletion deletion;
    private Consumer<RunRecord> history = record -> { };

    // Properties: the editor
    private final StringProperty text = new SimpleStringProperty(this, "text", "SELECT * FROM c");
    private final IntegerProperty caret = new SimpleIntegerProperty(this, "caret");
    private final IntegerProperty selectionStart = new SimpleIntegerProperty(this, "selectionStart");
    private final IntegerProperty selectionEnd = new SimpleIntegerProperty(this, "selectionEnd");
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final Map<String, ParameterRow> parametersByName = new HashMap<>();
    private final ScopeInput scope;
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 100);
    // Properties: the run
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<QuerySyntaxError> syntaxError = new ReadOnlyObjectWrapper<>(this, "syntaxError");
    private final ReadOnlyStringWrapper scopeShown = new ReadOnlyStringWrapper(this, "scopeShown", "");
    private final ReadOnlyBooleanWrapper limitReached = new ReadOnlyBooleanWrapper(this, "limitReached");
    // Properties: the results
    private final ObservableList<QueryResult> results = FXCollections.observableArrayList();
    private final ObservableList<QueryResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper rangeLabel = new ReadOnlyStringWrapper(this, "rangeLabel", "");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious");
    private final ReadOnlyObjectWrapper<ResultsKind> resultsKind = new ReadOnlyObjectWrapper<>(this, "resultsKind",
            ResultsKind.NONE);
    private final ReadOnlyObjectWrapper<QueryTotals> totals = new ReadOnlyObjectWrapper<>(this, "totals",
            QueryTotals.NONE);
    private final ReadOnlyObjectWrapper<QueryPage> lastPage = new ReadOnlyObjectWrapper<>(this, "lastPage");

    private final List<QueryPage> pages = new ArrayList<>();
    private int shownFrom = -1;
    private int shownTo = -1;
    private QueryRun run;
    private QueryText.Statement ranStatement;
    private int generation;
    private TaskHandle task = TaskHandle.NONE;

    public QueryTabViewModel(ContainerHandle handle, QueryService service, io.cosmosdesk.cosmos.ItemService items,
            TaskRunner tasks, DialogService dialogs, Supplier<QueryGuards> guards,
            BiConsumer<ContainerHandle, ItemRef> openItem) {
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.guards = Objects.requireNonNull(guards);
        this.openItem = Objects.requireNonNull(openItem);
        this.scope = new ScopeInput(handle.info().partitionKeyPaths());
        this.deletion = new QueryResultDeletion(handle, items, tasks, dialogs, this::removeResults, error::set);
        text.addListener((obs, old, now) -> refreshParameters());
        refreshParameters();
        scopeShown.set(QueryScope.crossPartition().describe(scope.keyPaths()));
    }

    /** Where each finished run is recorded (the history store). */
    public void setHistory(Consumer<RunRecord> history) {
        this.history = Objects.requireNonNull(history);
    }

    public ContainerHandle container() {
        return handle;
    }

    // ---- Properties

    public StringProperty textProperty() {
        return text;
    }

    public IntegerProperty caretProperty() {
        return caret;
    }

    /** The selection in the editor; start == end when nothing is selected. */
    public void select(int start, int end) {
        selectionStart.set(Math.min(start, end));
        selectionEnd.set(Math.max(start, end));
    }

    public ObservableList<ParameterRow> parameters() {
        return parameters;
    }

    public ScopeInput scope() {
        return scope;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Running…", "Throttled, retrying (2/9)", "100 results · 12.5 RU · 45 ms". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The sentence of the last failure or refusal; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the last syntax error is, in the editor's whole text (not only the statement that ran); or null. */
    public ReadOnlyObjectProperty<QuerySyntaxError> syntaxErrorProperty() {
        return syntaxError.getReadOnlyProperty();
    }

    /** The scope of the results shown ("All partitions", "Partition "cust-1""), above them. */
    public ReadOnlyStringProperty scopeShownProperty() {
        return scopeShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty limitReachedProperty() {
        return limitReached.getReadOnlyProperty();
    }

    public ObservableList<QueryResult> results() {
        return readOnlyResults;
    }

    /** "1–100, more available". */
    public ReadOnlyStringProperty rangeLabelProperty() {
        return rangeLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResultsKind> resultsKindProperty() {
        return resultsKind.getReadOnlyProperty();
    }

    /** Said above read-only results. */
    public String readOnlyNote() {
        return resultsKind.get() == ResultsKind.VALUES
                ? "Projections and aggregates are read-only: run SELECT * FROM c to open or delete items." : "";
    }

    public ReadOnlyObjectProperty<QueryTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueryPage> lastPageProperty() {
        return lastPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deletion.deletingProperty();
    }

    // ---- Commands

    /** Runs the selection, or the statement under the caret (Ctrl+Enter, F5, Shift+Enter). */
    public void run() {
        cancelRun();
        error.set("");
        syntaxError.set(null);
        limitReached.set(false);
        QueryText.Statement statement = QueryText.toRun(text.get(), caret.get(), selectionStart.get(),
                selectionEnd.get());
        QueryRun opened;
        QueryRequest request;
        try {
            if (statement.isBlank()) {
                throw new QueryInputException("There is no query to run: type one, or put the cursor in one.");
            }
            List<String> used = QueryText.parameterNames(statement.text());
            List<QueryParameter> values = new ArrayList<>();
            for (String name : used) {
                values.add(parametersByName.get(name).toParameter());
            }
            request = new QueryRequest(handle, statement.text(), values, scope.toScope(), pageSize.get(), true);
            opened = service.open(request, guards.get());
        } catch (QueryInputException refused) {
            error.set(refused.userMessage());
            return;
        }
        int current = ++generation;
        run = opened;
        ranStatement = statement;
        pages.clear();
        showPages(-1, -1);
        totals.set(QueryTotals.NONE);
        lastPage.set(null);
        resultsKind.set(QueryText.returnsWholeItems(statement.text()) ? ResultsKind.ITEMS : ResultsKind.VALUES);
        scopeShown.set(request.scope().describe(scope.keyPaths()));
        Instant startedAt = Instant.now();
        fetch(current, "Running…", () -> {
            QueryTotals t = run.totals();
            history.accept(new RunRecord(handle, request.text(), request.parameters(), request.scope(), startedAt,
                    t.requestCharge(), t.results(), t.elapsed()));
        });
    }

    /** Esc: stops the run; pages read so far stay. */
    public void cancel() {
        if (running.get()) {
            cancelRun();
            status.set("Cancelled: " + describeTotals(totals.get()) + ".");
        }
    }

    private void cancelRun() {
        generation++;
        task.cancel();
        if (run != null) {
            run.close();
        }
        running.set(false);
        updateNavigation();
    }

    public void next() {
        if (shownTo + 1 < pages.size()) {
            showPages(shownTo + 1, shownTo + 1);
        } else if (run != null && run.hasMore() && !running.get()) {
            fetch(generation, "Reading page " + (pages.size() + 1) + "…", () -> { });
        }
    }

    public void previous() {
        if (shownFrom > 0) {
            showPages(shownFrom - 1, shownFrom - 1);
        }
    }

    /** After the request-unit limit stopped the run: allows another limit's worth and reads the next page. */
    public void goOn() {
        if (run != null && limitReached.get()) {
            run.extendLimit();
            limitReached.set(false);
            error.set("");
            next();
        }
    }

    /** Reads every remaining page (after a request-unit warning) and shows all results. */
    public void loadAll() {
        if (run == null || !run.hasMore() || running.get()) {
            if (!pages.isEmpty()) {
                showPages(0, pages.size() - 1);
            }
            return;
        }
        QueryTotals so = totals.get();
        String message = String.format(Locale.ROOT, "The pages read so far cost %,.2f RU for %,d results. Reading "
                + "the rest may cost much more on a large container. The run stops at the request-unit limit of "
                + "%,.0f RU.", so.requestCharge(), so.results(), guards.get().requestUnitLimit());
        if (!dialogs.confirm("Load all results", message, "Load all")) {
            return;
        }
        int current = generation;
        QueryRun reading = run;
        running.set(true);
        updateNavigation();
        status.set("Loading all results…");
        task = tasks.start(BackgroundTask.<Void>of("Loading all results of a query on " + handle.ref(), context -> {
            reading.readAhead(true);
            try {
                while (reading.hasMore() && !context.isCancelled()) {
                    context.publish(reading.next());
                }
            } finally {
                reading.readAhead(false);
            }
            return null;
        }).onUpdate(update -> {
            if (current == generation && update instanceof QueryPage page) {
                accept(page);
                status.set("Loading all results… " + describeTotals(totals.get()));
                showPages(0, pages.size() - 1);
            }
        }).onSuccess(done -> {
            if (current == generation) {
                status.set(describeTotals(totals.get()));
            }
        }).onFailure(failure -> failed(current, failure)).onFinally(() -> finished(current)));
    }

    /** Opens a whole item in the container's editor; projections say they cannot be opened. */
    public void open(QueryResult result) {
        if (resultsKind.get() != ResultsKind.ITEMS || result.itemRef().isEmpty()) {
            error.set(resultsKind.get() == ResultsKind.ITEMS ? "This result has no id: it cannot be opened."
                    : readOnlyNote());
            return;
        }
        openItem.accept(handle, result.itemRef().get());
    }

    /** Deletes whole items, each only if unchanged since the query read it (its ETag). */
    public void delete(List<QueryResult> chosen) {
        if (resultsKind.get() != ResultsKind.ITEMS) {
            error.set(readOnlyNote());
            return;
        }
        deletion.delete(chosen);
    }

    /** Called once the tab is gone. */
    public void close() {
        cancelRun();
    }

    // ---- Internals

    private void fetch(int current, String message, Runnable afterFirst) {
        QueryRun reading = run;
        boolean first = pages.isEmpty();
        running.set(true);
        updateNavigation();
        status.set(message);
        task = tasks.start(BackgroundTask.of("Running a query on " + handle.ref(), context -> reading.next())
                .onSuccess(page -> {
                    if (current != generation) {
                        return;
                    }
                    accept(page);
                    showPages(pages.size() - 1, pages.size() - 1);
                    status.set(statusAfter(page));
                    if (first) {
                        afterFirst.run();
                    }
                })
                .onFailure(failure -> failed(current, failure))
                .onFinally(() -> finished(current)));
    }

    private void accept(QueryPage page) {
        pages.add(page);
        totals.set(run.totals());
        lastPage.set(page);
    }

    private String statusAfter(QueryPage page) {
        if (page.retries() > 0) {
            return String.format(Locale.ROOT, "Throttled, retrying (%d/%d) · %s", Math.min(page.retries(),
                    guards.get().retryAttempts()), guards.get().retryAttempts(), describeTotals(totals.get()));
        }
        return describeTotals(totals.get());
    }

    static String describeTotals(QueryTotals t) {
        return String.format(Locale.ROOT, "%,d result%s · %,.2f RU · %,d ms", t.results(), t.results() == 1 ? "" : "s",
                t.requestCharge(), t.elapsed().toMillis());
    }

    private void failed(int current, Throwable failure) {
        if (current != generation) {
            return;
        }
        if (failure instanceof QueryException stopped) {
            error.set(stopped.userMessage());
            limitReached.set(stopped.reason() == QueryException.Reason.REQUEST_UNIT_LIMIT);
            stopped.syntaxError().ifPresent(where -> {
                int offset = ranStatement == null ? 0 : ranStatement.offset();
                syntaxError.set(new QuerySyntaxError(where.start() + offset, where.end() + offset, where.line(),
                        where.column(), where.message()));
            });
        } else if (failure instanceof QueryInputException refused) {
            error.set(refused.userMessage());
        } else {
            error.set(CosmosErrors.classify(failure).userMessage());
        }
        status.set(pages.isEmpty() ? "" : describeTotals(totals.get()));
    }

    private void finished(int current) {
        if (current == generation) {
            running.set(false);
            updateNavigation();
        }
    }

    private void showPages(int from, int to) {
        shownFrom = from;
        shownTo = to;
        List<QueryResult> shown = new ArrayList<>();
        for (int i = Math.max(0, from); i <= to && i < pages.size(); i++) {
            shown.addAll(pages.get(i).results());
        }
        if (from < 0 || pages.isEmpty()) {
            rangeLabel.set("");
        } else if (from == to) {
            rangeLabel.set(pages.get(to).rangeLabel());
        } else {
            QueryPage last = pages.get(to);
            rangeLabel.set(new QueryPage(from + 1, pages.get(from).firstIndex(), shown, last.hasMore(), 0, 0, 0,
                    java.time.Duration.ZERO, null, QueryMetricsSummary.NONE, IndexAdvice.NONE).rangeLabel());
        }
        results.setAll(shown); // last: a view reacting to the rows finds the label and the rest already set
        updateNavigation();
    }

    private void updateNavigation() {
        boolean idle = !running.get();
        canPrevious.set(idle && shownFrom > 0);
        canNext.set(idle && (shownTo + 1 < pages.size() || (run != null && run.hasMore() && !pages.isEmpty())));
    }

    private void removeResults(java.util.Set<ItemRef> gone) {
        for (int i = 0; i < pages.size(); i++) {
            QueryPage p = pages.get(i);
            List<QueryResult> kept = p.results().stream()
                    .filter(r -> r.itemRef().map(ref -> !gone.contains(ref)).orElse(true)).toList();
            pages.set(i, new QueryPage(p.number(), p.firstIndex(), kept, p.hasMore(), p.requestCharge(),
                    p.roundTrips(), p.retries(), p.duration(), p.activityId(), p.metrics(), p.indexAdvice()));
        }
        showPages(shownFrom, shownTo);
    }

    private void refreshParameters() {
        List<String> names = QueryText.parameterNames(text.get() == null ? "" : text.get());
        List<ParameterRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(parametersByName.computeIfAbsent(name, ParameterRow::new));
        }
        if (!rows.equals(parameters)) {
            parameters.setAll(rows);
        }
    }
}
