package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Instant;
import java.util.List;
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
import javafx.collections.ObservableList;

/**
 * One query tab: the text and what of it runs, its parameters and scope, the run and its pages (cached for
 * Previous/Next), stats, index advice and errors. Plain Java: the view binds to it; every call to Cosmos DB goes
 * through the TaskRunner; the run shown and its paging are {@link QueryRunning}.
 */
public final class QueryTabViewModel {

    /** What a new query tab starts with. */
    public static final String NEW_QUERY_TEXT = "SELECT * FROM c";

    /** What the results are: whole items (open, delete) or anything else (read-only). */
    public enum ResultsKind { NONE, ITEMS, VALUES }

    /**
     * What a run has read (for the history): reported at its first page, then again, with the same {@code startedAt},
     * whenever it has read more and stops reading.
     */
    public record RunRecord(ContainerHandle container, String text, List<QueryParameter> parameters, QueryScope scope,
            Instant startedAt, double requestCharge, long results, java.time.Duration duration, int pages) {

        /** This run as the history lists it. */
        public QueryHistory.Entry toHistoryEntry() {
            return new QueryHistory.Entry(new QueryDraft(text, parameters, scope), startedAt, requestCharge, results,
                    duration, pages);
        }
    }

    private final ContainerHandle handle;
    private final QueryService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<QueryGuards> guards;
    private final BiConsumer<ContainerHandle, ItemRef> openItem;
    private final QueryResultDeletion deletion;

    // Properties: the editor
    private final StringProperty text = new SimpleStringProperty(this, "text", NEW_QUERY_TEXT);
    private final IntegerProperty caret = new SimpleIntegerProperty(this, "caret");
    private final IntegerProperty selectionStart = new SimpleIntegerProperty(this, "selectionStart");
    private final IntegerProperty selectionEnd = new SimpleIntegerProperty(this, "selectionEnd");
    private final ParameterInputs parameters = new ParameterInputs();
    private final ScopeInput scope;
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 100);
    private final javafx.beans.property.BooleanProperty metricsForEveryPage =
            new javafx.beans.property.SimpleBooleanProperty(this, "metricsForEveryPage");
    // Properties: the run and its results (the pages read, cached for Previous/Next)
    private final QueryRunState said = new QueryRunState();
    private final QueryRunning running;
    private final QueryPages pages;
    private final ReadOnlyStringWrapper scopeShown = new ReadOnlyStringWrapper(this, "scopeShown", "");
    private final ReadOnlyObjectWrapper<ResultsKind> resultsKind = new ReadOnlyObjectWrapper<>(this, "resultsKind",
            ResultsKind.NONE);

    private QueryText.Statement ranStatement;
    private QueryRequest ranRequest;
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;

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
        this.running = new QueryRunning(handle, tasks, dialogs, said, new QueryRunning.Tab() {
            @Override
            public void failed(Throwable failure) {
                failures.seen(handle, failure);
            }

            @Override
            public String wholeText() {
                return text.get();
            }

            @Override
            public int statementOffset() {
                return ranStatement == null ? 0 : ranStatement.offset();
            }
        });
        this.pages = running.pages();
        this.deletion = new QueryResultDeletion(handle, items, tasks, dialogs, pages::remove, said::refuse);
        text.addListener((obs, old, now) -> parameters.refresh(now));
        metricsForEveryPage.addListener((obs, old, on) -> running.metricsForEveryPage(on));
        parameters.refresh(text.get());
        scopeShown.set(QueryScope.crossPartition().describe(scope.keyPaths()));
    }

    /** Where a failure met here is reported, so the container's other tabs learn it is gone. */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = Objects.requireNonNull(failures);
    }

    /** True once the container is known to be gone: runs and deletes are refused with the sentence. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** The container no longer exists: the run stops, the text and results stay, nothing more is sent. */
    public void containerGone(String sentence) {
        gone.set(true);
        running.end();
        said.refuse(sentence);
    }

    /** Where each run is recorded (the history store): at its first page, then as it reads more. */
    public void setHistory(Consumer<RunRecord> history) {
        running.setHistory(Objects.requireNonNull(history));
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
        return parameters.rows();
    }

    public ScopeInput scope() {
        return scope;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    /**
     * Whether every page asks for query metrics (the Stats view's "Query metrics for every page"); off: the first
     * page only, so paging is not slowed by metrics nobody looks at. The Stats view says which pages it covers.
     */
    public javafx.beans.property.BooleanProperty metricsForEveryPageProperty() {
        return metricsForEveryPage;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.runningProperty();
    }

    /** "Running…", "Throttled, retrying (2/9)", "100 results · 12.5 RU · 45 ms". */
    public ReadOnlyStringProperty statusProperty() {
        return said.statusProperty();
    }

    /** The sentence of the last failure or refusal; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return said.errorProperty();
    }

    /** Where the last syntax error is, in the editor's whole text (not only the statement that ran); or null. */
    public ReadOnlyObjectProperty<QuerySyntaxError> syntaxErrorProperty() {
        return said.syntaxErrorProperty();
    }

    /** The scope of the results shown ("All partitions", "Partition "cust-1""), above them. */
    public ReadOnlyStringProperty scopeShownProperty() {
        return scopeShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty limitReachedProperty() {
        return said.limitReachedProperty();
    }

    public ObservableList<QueryResult> results() {
        return pages.results();
    }

    /** "1–100, more available". */
    public ReadOnlyStringProperty rangeLabelProperty() {
        return pages.rangeLabelProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return pages.canNextProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return pages.canPreviousProperty();
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
        return running.totalsProperty();
    }

    public ReadOnlyObjectProperty<QueryPage> lastPageProperty() {
        return running.lastPageProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deletion.deletingProperty();
    }

    /** The tab's query as it stands (saved with the open tabs, in saved queries and in the history). */
    public QueryDraft draft() {
        return new QueryDraft(text.get(), parameters.current(), scope.toDraftScope());
    }

    /** Puts a saved query in the editor: its text, the values of its parameters and its scope. */
    public void applyDraft(QueryDraft draft) {
        parameters.apply(draft.parameters());
        text.set(draft.text());
        scope.set(draft.scope());
    }

    // ---- Commands

    /**
     * Runs the selection, or the statement under the caret (Ctrl+Enter, F5, Shift+Enter). Not while a run reads
     * (the view disables Run): a second Run ended the first and started over; Cancel (Esc) stops it first.
     */
    public void run() {
        if (running.runningProperty().get()) {
            return;
        }
        if (gone.get()) {
            said.refuse(io.cosmosdesk.browse.ItemsViewModel.CONTAINER_GONE);
            return;
        }
        said.clear();
        QueryText.Statement statement = QueryText.toRun(text.get(), caret.get(), selectionStart.get(),
                selectionEnd.get());
        QueryRun opened;
        QueryRequest request;
        QueryGuards openedWith;
        try {
            if (statement.isBlank()) {
                throw new QueryInputException("There is no query to run: type one, or put the cursor in one.");
            }
            List<QueryParameter> values = parameters.values(QueryText.parameterNames(statement.text()));
            request = new QueryRequest(handle, statement.text(), values, scope.toScope(), pageSize.get(), true);
            openedWith = guards.get();
            opened = service.open(request, openedWith);
            opened.metricsForEveryPage(metricsForEveryPage.get());
        } catch (QueryInputException refused) {
            said.refuse(refused.userMessage()); // the run shown stays as it was: its pages still page on
            return;
        }
        ranStatement = statement;
        ranRequest = request;
        resultsKind.set(QueryText.returnsWholeItems(statement.text()) ? ResultsKind.ITEMS : ResultsKind.VALUES);
        scopeShown.set(request.scope().describe(scope.keyPaths()));
        running.start(opened, openedWith, request);
    }

    /** Esc: stops the run; pages read so far stay, and Next or Load all go on from the last of them. */
    public void cancel() {
        running.cancel();
    }

    public void next() {
        running.next();
    }

    public void previous() {
        running.previous();
    }

    /** After the request-unit limit stopped the run: allows another limit's worth and reads the next page. */
    public void goOn() {
        running.goOn();
    }

    /** Reads every remaining page (after a request-unit warning) and shows all results. */
    public void loadAll() {
        running.loadAll();
    }

    /**
     * What Export reads: the query of the last run with its parameters and scope; empty (with a sentence shown) before
     * any run.
     */
    public java.util.Optional<io.cosmosdesk.transfer.ExportSource> exportSource() {
        if (ranRequest == null) {
            said.refuse("Run the query first: Export reads every result of the query that ran.");
        }
        return java.util.Optional.ofNullable(ranRequest).map(QueryRequest::toExportSource);
    }

    /** Opens a whole item in the container's editor; projections say they cannot be opened. */
    public void open(QueryResult result) {
        deletion.open(result, resultsKind.get() == ResultsKind.ITEMS, readOnlyNote(), openItem);
    }

    /** Deletes whole items, each only if unchanged since the query read it (its ETag). */
    public void delete(List<QueryResult> chosen) {
        if (gone.get()) {
            said.refuse(io.cosmosdesk.browse.ItemsViewModel.CONTAINER_GONE);
            return;
        }
        deletion.delete(chosen, resultsKind.get() == ResultsKind.ITEMS, readOnlyNote());
    }

    /** Called once the tab is gone. */
    public void close() {
        running.end();
    }
}
