package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The query tab's view-model with a mocked service and a synchronous task runner; no toolkit. */
class QueryTabViewModelTest {

    private final QueryService service = mock(QueryService.class);
    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final List<ItemRef> opened = new ArrayList<>();
    private final List<QueryTabViewModel.RunRecord> history = new ArrayList<>();
    private ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private ContainerHandle orders;
    private QueryTabViewModel model;

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        orders = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        model = newModel();
    }

    private QueryTabViewModel newModel() {
        QueryTabViewModel vm = new QueryTabViewModel(orders, service, items, tasks, dialogs,
                () -> new QueryGuards(5000, Duration.ofSeconds(60), 9), (handle, ref) -> opened.add(ref));
        vm.setHistory(history::add);
        return vm;
    }

    private static QueryResult item(int n) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", "o" + n).put("customerId", "c" + (n % 3))
                .put("n", n).put("_etag", "\"e" + n + "\"");
        return QueryResult.of(json, List.of("/customerId"));
    }

    private static List<QueryResult> items(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(QueryTabViewModelTest::item).toList();
    }

    private static QueryPage page(int number, int size, boolean more) {
        return FakeQueryRun.page(number, (number - 1L) * size, items((number - 1) * size, size), more, 2.5, 0);
    }

    private FakeQueryRun answer(Object... answers) {
        FakeQueryRun run = new FakeQueryRun(List.of(answers));
        when(service.open(any(), any())).thenReturn(run);
        return run;
    }

    private QueryRequest lastRequest() {
        ArgumentCaptor<QueryRequest> request = ArgumentCaptor.forClass(QueryRequest.class);
        verify(service, org.mockito.Mockito.atLeastOnce()).open(request.capture(), any());
        return request.getValue();
    }

    @Test
    void runsTheStatementUnderTheCaretOrTheSelection() {
        answer(page(1, 3, false));
        model.textProperty().set("SELECT * FROM c;\nSELECT VALUE c.n FROM c");
        model.caretProperty().set(model.textProperty().get().length());
        model.run();
        assertThat(lastRequest().text()).isEqualTo("SELECT VALUE c.n FROM c");
        assertThat(model.resultsKindProperty().get()).isEqualTo(QueryTabViewModel.ResultsKind.VALUES);

        answer(page(1, 3, false));
        model.select(0, 15);
        model.run();
        assertThat(lastRequest().text()).isEqualTo("SELECT * FROM c");
        assertThat(model.resultsKindProperty().get()).isEqualTo(QueryTabViewModel.ResultsKind.ITEMS);
        assertThat(model.results()).hasSize(3);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–3");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).text()).isEqualTo("SELECT * FROM c");
        assertThat(history.get(1).results()).isEqualTo(3);
    }

    @Test
    void parameterRowsFollowTheTextAndKeepWhatWasTyped() {
        model.textProperty().set("SELECT * FROM c WHERE c.city = @city");
        assertThat(model.parameters()).extracting(ParameterRow::name).containsExactly("@city");
        model.parameters().get(0).valueProperty().set("Lyon");
        model.textProperty().set("SELECT * FROM c WHERE c.city = @city AND c.n > @min");
        assertThat(model.parameters()).extracting(ParameterRow::name).containsExactly("@city", "@min");
        assertThat(model.parameters().get(0).valueProperty().get()).isEqualTo("Lyon");

        model.parameters().get(1).typeProperty().set(ParameterType.NUMBER);
        model.parameters().get(1).valueProperty().set("5");
        answer(page(1, 2, false));
        model.run();
        assertThat(lastRequest().parameters()).containsExactly(
                new QueryParameter("@city", ParameterType.TEXT, "Lyon"),
                new QueryParameter("@min", ParameterType.NUMBER, "5"));
    }

    @Test
    void aParameterComparedOrCountedAsANumberIsANumberAndOneComparedWithTrueIsTrueFalse() {
        model.textProperty().set("SELECT TOP @top * FROM c WHERE c.n > @min AND c.city = @city\n"
                + "  AND c.total BETWEEN @low AND @high AND c.qty * @factor < 10 AND c.age >= @age\n"
                + "  AND @active = true AND c.x <> @other AND c.rank = 3 OR 5 = @five -- @comment > 1\n"
                + "  OFFSET @skip LIMIT @take");
        assertThat(model.parameters()).extracting(row -> row.name() + " " + row.typeProperty().get().name()).containsExactly(
                "@top NUMBER", "@min NUMBER", "@city TEXT", "@low NUMBER", "@high NUMBER", "@factor NUMBER",
                "@age NUMBER", "@active BOOLEAN", "@other TEXT", "@five NUMBER", "@skip NUMBER", "@take NUMBER");
    }

    @Test
    void aSuggestedTypeFollowsTheTextUntilATypeIsChosen() {
        model.textProperty().set("SELECT * FROM c WHERE @min");
        ParameterRow min = model.parameters().get(0);
        assertThat(min.typeProperty().get()).isEqualTo(ParameterType.TEXT);
        model.textProperty().set("SELECT * FROM c WHERE @min < c.n");
        assertThat(min.typeProperty().get()).as("the comparison typed after the name").isEqualTo(ParameterType.NUMBER);

        min.typeProperty().set(ParameterType.JSON); // the user's choice stays
        model.textProperty().set("SELECT * FROM c WHERE @min <= c.n + 1");
        assertThat(min.typeProperty().get()).isEqualTo(ParameterType.JSON);

        model.applyDraft(new QueryDraft("SELECT * FROM c WHERE c.n > @n", List.of(
                new QueryParameter("@n", ParameterType.TEXT, "5")), null));
        assertThat(model.parameters().get(0).typeProperty().get()).as("a saved query's type is kept")
                .isEqualTo(ParameterType.TEXT);
    }

    @Test
    void aParameterWithoutAValueIsRefusedWithASentenceAndNothingRuns() {
        model.textProperty().set("SELECT * FROM c WHERE c.n > @min");
        model.parameters().get(0).typeProperty().set(ParameterType.NUMBER);
        when(service.open(any(), any())).thenAnswer(call -> {
            call.<QueryRequest>getArgument(0).toSqlQuerySpec();
            return new FakeQueryRun(List.of());
        });
        model.run();
        assertThat(model.errorProperty().get()).isEqualTo("Parameter @min has no value: type one, or set its type to "
                + "null.");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.textProperty().get()).isEqualTo("SELECT * FROM c WHERE c.n > @min");
    }

    @Test
    void aTextParameterLeftEmptyIsRefusedByTheRealServiceBeforeAnyRequest() {
        QueryTabViewModel real = new QueryTabViewModel(orders, new QueryService(), items, tasks, dialogs,
                () -> QueryGuards.DEFAULTS, (handle, ref) -> opened.add(ref));
        real.textProperty().set("SELECT c.id FROM c WHERE c.status = @status");
        real.caretProperty().set(10);
        real.run();
        assertThat(real.errorProperty().get()).isEqualTo("Parameter @status has no value: type one, or set its type "
                + "to null.");
    }

    @Test
    void onlyTheParametersOfTheStatementThatRunsAreSent() {
        model.textProperty().set("SELECT * FROM c WHERE c.a = @a;\nSELECT * FROM c WHERE c.b = @b");
        model.parameters().get(1).valueProperty().set("x");
        model.caretProperty().set(model.textProperty().get().length());
        answer(page(1, 1, false));
        model.run();
        assertThat(lastRequest().parameters()).extracting(QueryParameter::name).containsExactly("@b");
    }

    @Test
    void aRefusedRunLeavesTheRunShownWorking() {
        answer(page(1, 100, true), page(2, 100, false));
        model.run();
        model.textProperty().set("SELECT * FROM c WHERE c.n > @min");
        model.parameters().get(0).typeProperty().set(ParameterType.NUMBER);
        when(service.open(any(), any())).thenAnswer(call -> {
            call.<QueryRequest>getArgument(0).toSqlQuerySpec(); // as the service: a missing value is refused here
            return new FakeQueryRun(List.of());
        });
        model.run(); // refused: @min has no value
        assertThat(model.errorProperty().get()).startsWith("Parameter @min has no value");
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–100, more available");
        assertThat(model.canNextProperty().get()).as("the results shown still page on").isTrue();
        model.next();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("101–200");
    }

    @Test
    void pagesAreCachedForPreviousAndNext() {
        FakeQueryRun run = answer(page(1, 100, true), page(2, 100, true),
                FakeQueryRun.page(3, 200, items(200, 50), false, 2.5, 0));
        model.run();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–100, more available");
        assertThat(model.canPreviousProperty().get()).isFalse();
        assertThat(model.canNextProperty().get()).isTrue();
        model.next();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("101–200, more available");
        model.previous();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–100, more available");
        assertThat(model.results().get(0).itemRef().orElseThrow().id()).isEqualTo("o0");
        model.next(); // cached: no pull
        assertThat(run.totals().pages()).isEqualTo(2);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("101–200, more available");
        model.next();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("201–250");
        assertThat(model.canNextProperty().get()).isFalse();
        assertThat(model.totalsProperty().get().requestCharge()).isEqualTo(7.5);
    }

    @Test
    void loadAllWarnsAboutRequestUnitsThenShowsEveryResult() {
        FakeQueryRun run = answer(page(1, 10, true), page(2, 10, true), page(3, 10, false));
        model.run();
        when(dialogs.confirm(eq("Load all results"), anyString(), eq("Load all"))).thenReturn(false);
        model.loadAll();
        assertThat(run.totals().pages()).isEqualTo(1);

        when(dialogs.confirm(eq("Load all results"), anyString(), eq("Load all"))).thenReturn(true);
        model.loadAll();
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs, org.mockito.Mockito.times(2)).confirm(eq("Load all results"), message.capture(),
                eq("Load all"));
        assertThat(message.getValue()).startsWith("The pages read so far cost 2.50 RU for 10 results.")
                .contains("request-unit limit of 5,000 RU");
        assertThat(model.results()).hasSize(30);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–30");
        assertThat(run.readAhead()).as("read-ahead only while loading all").isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("30 results · 7.50 RU · 30 ms");
    }

    /**
     * Walk: the limit lowered to 10 RU in Settings while a run was shown; Load all's warning said it would stop at
     * 10 RU, and it read on to the 5,000 RU the run was opened with. The warning names the run's own limit.
     */
    @Test
    void loadAllWarnsWithTheLimitOfTheRunNotOneChangedInSettingsSince() {
        java.util.concurrent.atomic.AtomicReference<QueryGuards> settings = new java.util.concurrent.atomic
                .AtomicReference<>(new QueryGuards(5000, Duration.ofSeconds(60), 9));
        model = new QueryTabViewModel(orders, service, items, tasks, dialogs, settings::get, (handle, ref) -> { });
        answer(page(1, 10, true), page(2, 10, false));
        model.run();
        settings.set(new QueryGuards(10, Duration.ofSeconds(60), 9));
        when(dialogs.confirm(eq("Load all results"), anyString(), eq("Load all"))).thenReturn(false);
        model.loadAll();
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs).confirm(eq("Load all results"), message.capture(), eq("Load all"));
        assertThat(message.getValue()).contains("request-unit limit of 5,000 RU");
    }

    @Test
    void loadAllAppendsEachPageInsteadOfResettingEveryRow() {
        answer(page(1, 10, true), page(2, 10, true), page(3, 10, true), page(4, 10, false));
        when(dialogs.confirm(eq("Load all results"), anyString(), eq("Load all"))).thenReturn(true);
        model.run();
        List<String> changes = new ArrayList<>();
        model.results().addListener((javafx.collections.ListChangeListener<QueryResult>) change -> {
            while (change.next()) {
                changes.add((change.wasRemoved() ? "removed " + change.getRemovedSize() + " " : "")
                        + (change.wasAdded() ? "added " + change.getAddedSize() + " at " + change.getFrom() : ""));
            }
        });
        List<String> labels = new ArrayList<>();
        model.rangeLabelProperty().addListener((obs, old, now) -> labels.add(now));
        model.loadAll();
        assertThat(changes).containsExactly("added 10 at 10", "added 10 at 20", "added 10 at 30");
        assertThat(labels).containsExactly("1–20, more available", "1–30, more available", "1–40");
        assertThat(model.results()).extracting(r -> r.json().get("n").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void queryMetricsForEveryPageIsAskedOfTheRunOnlyWhenTicked() {
        FakeQueryRun first = answer(page(1, 10, true), page(2, 10, false));
        model.run();
        assertThat(first.metricsForEveryPage()).isFalse();
        model.metricsForEveryPageProperty().set(true);
        assertThat(first.metricsForEveryPage()).as("applies to the run under way").isTrue();
        FakeQueryRun second = answer(page(1, 10, false));
        model.run();
        assertThat(second.metricsForEveryPage()).as("and to the next runs of the tab").isTrue();
    }

    @Test
    void theRequestUnitLimitSaysHowFarItGotAndGoOnContinues() {
        QueryException limit = new QueryException(QueryException.Reason.REQUEST_UNIT_LIMIT, ErrorKind.UNKNOWN,
                "Stopped at the request-unit limit of 5,000 RU for one run: 10 results in 1 pages read for 2.50 RU.",
                null, null);
        FakeQueryRun run = answer(page(1, 10, true), limit, page(2, 10, false));
        model.run();
        model.next();
        assertThat(model.errorProperty().get()).startsWith("Stopped at the request-unit limit");
        assertThat(model.limitReachedProperty().get()).isTrue();
        assertThat(model.results()).hasSize(10);
        model.goOn();
        assertThat(run.limitExtensions()).isEqualTo(1);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("11–20");
    }

    @Test
    void aSyntaxErrorIsPlacedInTheWholeTextAndTheTextStays() {
        String text = "SELECT 1;\nSELECT * FROM c WHERE";
        model.textProperty().set(text);
        model.caretProperty().set(text.length());
        answer(new QueryException(QueryException.Reason.SYNTAX_ERROR, ErrorKind.BAD_REQUEST,
                "Line 1, column 22: Syntax error, unexpected end of the query.",
                new QuerySyntaxError(21, 21, 1, 22, "Syntax error, unexpected end of the query."), null));
        model.run();
        // the sentence and the mark name the place as the editor numbers it: the statement ran from line 2
        assertThat(model.errorProperty().get()).isEqualTo("Line 2, column 22: Syntax error, unexpected end of the "
                + "query.");
        assertThat(model.syntaxErrorProperty().get().start()).isEqualTo(text.length());
        assertThat(model.syntaxErrorProperty().get().line()).isEqualTo(2);
        assertThat(model.syntaxErrorProperty().get().column()).isEqualTo(22);
        assertThat(model.textProperty().get()).isEqualTo(text);
    }

    @Test
    void aSlowAnswerOfAReplacedRunIsDropped() {
        tasks = ImmediateTaskRunner.deferred();
        model = newModel();
        answer(FakeQueryRun.page(1, 0, items(0, 5), false, 1, 0));
        model.run();
        model.cancel(); // Run waits while a run reads: a run is replaced after Cancel
        answer(FakeQueryRun.page(1, 0, items(100, 2), false, 1, 0));
        model.run();
        tasks.runPending(1);
        tasks.runPending(0);
        assertThat(model.results()).extracting(r -> r.itemRef().orElseThrow().id()).containsExactly("o100", "o101");
        assertThat(model.runningProperty().get()).isFalse();
    }

    /** Walk fault (session 17): a second Run (F5, Ctrl+Enter) while a run read started the query over. */
    @Test
    void aSecondRunWhileOneReadsStartsNoSecondQuery() {
        tasks = ImmediateTaskRunner.deferred();
        model = newModel();
        answer(FakeQueryRun.page(1, 0, items(0, 5), false, 1, 0));
        model.run();
        model.run();
        org.mockito.Mockito.verify(service, org.mockito.Mockito.times(1)).open(any(), any());
        tasks.runAllPending();
        assertThat(model.results()).hasSize(5);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void cancelStopsTheRunKeepsThePagesReadAndNextGoesOnFromThere() {
        tasks = ImmediateTaskRunner.deferred();
        model = newModel();
        FakeQueryRun run = answer(page(1, 10, true), page(2, 10, true), page(3, 10, false));
        model.run();
        tasks.runPending(0);
        model.next();
        assertThat(model.runningProperty().get()).isTrue();
        model.cancel();
        tasks.runAllPending();
        assertThat(run.closed()).isFalse();
        assertThat(run.stops()).isEqualTo(1);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get())
                .isEqualTo("Cancelled: Next or Load all goes on · 10 results · 2.50 RU · 10 ms");
        assertThat(model.results()).hasSize(10);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–10, more available");
        assertThat(model.canNextProperty().get()).isTrue();

        model.next();
        tasks.runAllPending();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("11–20, more available");
        assertThat(model.results()).extracting(r -> r.itemRef().orElseThrow().id()).startsWith("o10", "o11");
        model.previous();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–10, more available");
        model.next(); // cached
        model.next();
        tasks.runAllPending();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("21–30");
        assertThat(model.totalsProperty().get().pages()).isEqualTo(3);
        assertThat(model.totalsProperty().get().results()).isEqualTo(30);
        assertThat(history).last().satisfies(record -> {
            assertThat(record.pages()).isEqualTo(3);
            assertThat(record.results()).isEqualTo(30);
        });
    }

    @Test
    void loadAllStoppedByEscKeepsWhatItReadAndNextAndLoadAllGoOn() {
        FakeQueryRun run = answer(page(1, 10, true), page(2, 10, true), page(3, 10, true), page(4, 10, true),
                page(5, 10, false));
        run.whileReading(3, () -> model.cancel()); // Esc while Load all reads page 4
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        model.run();
        model.loadAll();
        assertThat(run.closed()).isFalse();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.results()).hasSize(30);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–30, more available");
        assertThat(model.statusProperty().get())
                .isEqualTo("Cancelled: Next or Load all goes on · 30 results · 7.50 RU · 30 ms");
        assertThat(model.canNextProperty().get()).isTrue();
        assertThat(history).hasSize(2).last().satisfies(record -> {
            assertThat(record.pages()).isEqualTo(3);
            assertThat(record.results()).isEqualTo(30);
            assertThat(record.requestCharge()).isEqualTo(7.5);
        });

        model.next();
        assertThat(model.rangeLabelProperty().get()).isEqualTo("31–40, more available");
        model.loadAll();
        assertThat(model.results()).hasSize(50);
        assertThat(model.rangeLabelProperty().get()).isEqualTo("1–50");
        assertThat(model.results()).extracting(r -> r.itemRef().orElseThrow().id()).doesNotHaveDuplicates();
        assertThat(history).last().satisfies(record -> assertThat(record.pages()).isEqualTo(5));
    }

    @Test
    void aStopDuringTheFirstPageSaysToRunAgain() {
        tasks = ImmediateTaskRunner.deferred();
        model = newModel();
        FakeQueryRun run = answer(page(1, 10, true), page(2, 10, false));
        model.run();
        model.cancel();
        tasks.runAllPending();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled before the first page: run the query again to read it.");
        assertThat(model.canNextProperty().get()).isFalse();
        assertThat(model.rangeLabelProperty().get()).isEmpty();
        assertThat(history).isEmpty();
        assertThat(run.stops()).isEqualTo(1);

        answer(page(1, 10, false));
        model.run();
        tasks.runAllPending();
        assertThat(model.results()).hasSize(10);
        assertThat(history).hasSize(1);
    }

    @Test
    void theHistoryRecordOfARunIsUpdatedInPlaceAsItReadsMore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        QueryHistory store = new QueryHistory(dir);
        ContainerKey key = ContainerKey.of(orders);
        store.record(key, new QueryHistory.Entry(QueryDraft.of("SELECT 1"), java.time.Instant.parse(
                "2026-01-01T00:00:00Z"), 1, 1, Duration.ofMillis(3)));
        model.setHistory(run -> store.record(key, run.toHistoryEntry()));
        answer(page(1, 10, true), page(2, 10, true), page(3, 10, true), page(4, 10, false));
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);

        model.run();
        assertThat(store.entries(key)).hasSize(2).first().satisfies(e -> {
            assertThat(e.rows()).isEqualTo(10);
            assertThat(e.pages()).isEqualTo(1);
        });
        model.next();
        assertThat(store.entries(key)).hasSize(2).first().satisfies(e -> assertThat(e.rows()).isEqualTo(20));
        model.loadAll();

        List<QueryHistory.Entry> onDisk = new QueryHistory(dir).entries(key);
        assertThat(onDisk).hasSize(2);
        assertThat(onDisk.get(0).query().text()).isEqualTo("SELECT * FROM c");
        assertThat(onDisk.get(0).rows()).isEqualTo(40);
        assertThat(onDisk.get(0).requestCharge()).isEqualTo(10.0);
        assertThat(onDisk.get(0).pages()).isEqualTo(4);
        assertThat(onDisk.get(0).duration()).isEqualTo(Duration.ofMillis(40));
        assertThat(onDisk.get(1).query().text()).isEqualTo("SELECT 1");
    }

    @Test
    void onceThePageIsInTheStatusSaysItWasThrottledNotThatItIsStillRetrying() {
        answer(FakeQueryRun.page(1, 0, items(0, 3), true, 3, 4));
        model.run();
        // the results are in: nothing is retrying any more (session 12's walk saw "Throttled, retrying (…" stay)
        assertThat(model.statusProperty().get()).isEqualTo("3 results · 3.00 RU · 10 ms · read after 4 throttled "
                + "retries").doesNotContain("retrying");
    }

    @Test
    void throttlingIsSaidWhileTheRunWaitsNotOnlyAfterThePage() {
        answer(new QueryThrottle(1, 9, Duration.ofMillis(200)), new QueryThrottle(2, 9, Duration.ofMillis(400)),
                FakeQueryRun.page(1, 0, items(0, 3), false, 3, 2));
        List<String> said = new ArrayList<>();
        model.statusProperty().addListener((obs, old, now) -> said.add(now));
        model.run();
        assertThat(said).containsSubsequence("Running…", "Throttled, retrying (1/9)…", "Throttled, retrying (2/9)…",
                "3 results · 3.00 RU · 10 ms · read after 2 throttled retries");
        assertThat(said.get(said.size() - 1)).doesNotContain("retrying");
    }

    @Test
    void wholeItemsOpenInTheEditorProjectionsSayTheyAreReadOnly() {
        answer(page(1, 3, false));
        model.run();
        model.open(model.results().get(1));
        assertThat(opened).containsExactly(new ItemRef("o1", PartitionKeyValue.of("c1")));

        model.textProperty().set("SELECT c.id, c.customerId FROM c");
        answer(page(1, 3, false));
        model.run();
        model.open(model.results().get(1));
        assertThat(opened).hasSize(1);
        assertThat(model.errorProperty().get()).startsWith("Projections and aggregates are read-only");
        model.delete(List.of(model.results().get(0)));
        verify(dialogs, never()).confirm(anyString(), anyString(), anyString());
    }

    @Test
    void deleteSendsTheEtagAndKeepsAnItemChangedMeanwhile() {
        answer(page(1, 3, false));
        model.run();
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        doThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE)).when(items)
                .deleteItem(any(), eq("o2"), any(), anyString());
        model.delete(List.of(model.results().get(0), model.results().get(2)));
        verify(items).deleteItem(orders, "o0", PartitionKeyValue.of("c0"), "\"e0\"");
        verify(items).deleteItem(orders, "o2", PartitionKeyValue.of("c2"), "\"e2\"");
        assertThat(model.results()).extracting(r -> r.itemRef().orElseThrow().id()).containsExactly("o1", "o2");
        assertThat(model.errorProperty().get()).startsWith("Deleted 1. 1 item was changed by someone else since the "
                + "query read it and kept ('o2' (\"c2\"))");
    }

    @Test
    void exportReadsTheQueryThatRanWithItsParametersAndScope() {
        assertThat(model.exportSource()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Run the query first");
        model.textProperty().set("SELECT * FROM c WHERE c.n > @min");
        model.parameters().get(0).typeProperty().set(ParameterType.NUMBER);
        model.parameters().get(0).valueProperty().set("3");
        model.scope().allPartitionsProperty().set(false);
        model.scope().levels().get(0).set("c1");
        answer(page(1, 2, false));
        model.run();
        model.textProperty().set("SELECT VALUE 1"); // edited after the run: Export still reads what ran
        io.cosmosdesk.transfer.ExportSource source = model.exportSource().orElseThrow();
        assertThat(source.query().getQueryText()).isEqualTo("SELECT * FROM c WHERE c.n > @min");
        assertThat(source.query().getParameters()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("@min");
            assertThat(p.getValue(Object.class)).isEqualTo(3L);
        });
        assertThat(source.scope()).isEqualTo(PartitionKeyValue.of("c1"));
        assertThat(source.container()).isEqualTo(orders);
    }

    @Test
    void theScopeIsSentAndShownAboveTheResults() {
        model.scope().allPartitionsProperty().set(false);
        answer(page(1, 1, false));
        model.run();
        assertThat(model.errorProperty().get()).isEqualTo("Type the partition key value (/customerId), or choose All "
                + "partitions.");
        model.scope().levels().get(0).set("c1");
        model.run();
        assertThat(lastRequest().scope()).isEqualTo(QueryScope.partition(PartitionKeyValue.of("c1")));
        assertThat(model.scopeShownProperty().get()).isEqualTo("Partition \"c1\"");
        model.scope().levels().get(0).set("42");
        model.run();
        assertThat(lastRequest().scope()).isEqualTo(QueryScope.partition(PartitionKeyValue.of(42L)));
    }
}
