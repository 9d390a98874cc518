package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The run shown in a query tab and its paging: the first page, Next, Load all, Esc, Go on after the request-unit
 * limit, the pages read (cached for Previous/Next), their totals, and the run's history record kept in line with what
 * it read. One run at a time: answers of a run that was replaced are dropped (generation counter). Esc stops without
 * ending the run, so Next and Load all go on from the last page kept. Part of {@link QueryTabViewModel}; plain Java.
 */
final class QueryRunning {

    /** What the run needs from the tab: where it reports failures, and where the statement that ran is. */
    interface Tab {
        void failed(Throwable failure);

        String wholeText();

        int statementOffset();
    }

    private final ContainerHandle handle;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final QueryRunState said;
    private final Tab tab;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final QueryPages pages = new QueryPages(() -> !running.get(), () -> this.run != null && this.run.hasMore());
    private final ReadOnlyObjectWrapper<QueryTotals> totals = new ReadOnlyObjectWrapper<>(this, "totals",
            QueryTotals.NONE);
    private final ReadOnlyObjectWrapper<QueryPage> lastPage = new ReadOnlyObjectWrapper<>(this, "lastPage");

    private QueryRun run;
    /** The guards the run shown was opened with. */
    private QueryGuards runGuards = QueryGuards.DEFAULTS;
    private int generation;
    private TaskHandle task = TaskHandle.NONE;
    private Consumer<QueryTabViewModel.RunRecord> history = record -> { };
    private QueryRequest recorded;
    private Instant startedAt;
    private int recordedPages;

    QueryRunning(ContainerHandle handle, TaskRunner tasks, DialogService dialogs, QueryRunState said, Tab tab) {
        this.handle = handle;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.said = said;
        this.tab = tab;
    }

    void setHistory(Consumer<QueryTabViewModel.RunRecord> history) {
        this.history = history;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    QueryPages pages() {
        return pages;
    }

    ReadOnlyObjectProperty<QueryTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<QueryPage> lastPageProperty() {
        return lastPage.getReadOnlyProperty();
    }

    void metricsForEveryPage(boolean on) {
        if (run != null) {
            run.metricsForEveryPage(on);
        }
    }

    /** Shows {@code opened} instead of the run shown (which ends) and reads its first page. */
    void start(QueryRun opened, QueryGuards openedWith, QueryRequest request) {
        end();
        int current = ++generation;
        run = opened;
        runGuards = openedWith;
        recorded = request;
        startedAt = Instant.now();
        recordedPages = 0;
        pages.clear();
        totals.set(QueryTotals.NONE);
        lastPage.set(null);
        fetch(current, "Running…");
    }

    /** Esc: stops reading; the pages read so far stay, and Next or Load all go on from the last of them. */
    void cancel() {
        if (!running.get()) {
            return;
        }
        if (run != null) {
            run.stop(totals.get()); // before the task is cancelled, which interrupts its thread
        }
        stopTask();
        record();
        if (pages.isEmpty()) {
            said.say("Cancelled before the first page: run the query again to read it.");
        } else {
            // what to do next first: at 1280 px the status has ~290 px, and the figures are in the range and Stats
            said.say(run != null && run.hasMore()
                    ? "Cancelled: Next or Load all goes on · " + QueryRunState.describe(totals.get())
                    : "Cancelled: " + QueryRunState.describe(totals.get()) + ".");
        }
    }

    /** The run shown ends (a new run, the tab closed, the container gone): nothing more is read. */
    void end() {
        record();
        stopTask();
        if (run != null) {
            run.close();
        }
        updateNavigation();
    }

    private void stopTask() {
        generation++;
        task.cancel();
        running.set(false);
        updateNavigation();
    }

    void next() {
        if (pages.showNextCached()) {
            return;
        }
        if (run != null && !pages.isEmpty() && run.hasMore() && !running.get()) {
            fetch(generation, "Reading page " + (pages.size() + 1) + "…");
        }
    }

    void previous() {
        pages.showPrevious();
    }

    /** After the request-unit limit stopped the run: allows another limit's worth and reads the next page. */
    void goOn() {
        if (run != null && said.limitReached()) {
            run.extendLimit();
            said.clear();
            next();
        }
    }

    /** Reads every remaining page (after a request-unit warning) and shows all results. */
    void loadAll() {
        if (run == null || !run.hasMore() || running.get()) {
            if (!pages.isEmpty()) {
                pages.showAll();
            }
            return;
        }
        // the limit this run stops at: the one in Settings when it started (a change applies to the next run)
        if (!dialogs.confirm("Load all results", QueryRunState.loadAllWarning(totals.get(),
                runGuards.requestUnitLimit()), "Load all")) {
            return;
        }
        int current = generation;
        QueryRun reading = run;
        running.set(true);
        updateNavigation();
        said.say("Loading all results…");
        task = tasks.start(BackgroundTask.<Void>of("Loading all results of a query on " + handle.ref(), context -> {
            reading.readRest(context::publish, context::isCancelled);
            return null;
        }).onUpdate(update -> {
            if (current == generation && update instanceof QueryPage page) {
                accept(page);
                said.say("Loading all results… " + QueryRunState.describe(totals.get()));
                pages.showAll();
            } else if (current == generation && update instanceof QueryThrottle throttle) {
                said.say("Loading all results… " + throttle.describe());
            }
        }).onSuccess(done -> {
            if (current == generation) {
                said.say(QueryRunState.describe(totals.get()));
            }
        }).onFailure(failure -> failed(current, failure)).onFinally(() -> finished(current)));
    }

    private void fetch(int current, String message) {
        QueryRun reading = run;
        running.set(true);
        updateNavigation();
        said.say(message);
        task = tasks.start(BackgroundTask.of("Running a query on " + handle.ref(), context -> {
            reading.onThrottled(context::publish); // "Throttled, retrying (2/9)…" while it waits
            return reading.next();
        })
                .onUpdate(update -> {
                    if (current == generation && update instanceof QueryThrottle throttle) {
                        said.say(throttle.describe());
                    }
                })
                .onSuccess(page -> {
                    if (current != generation) {
                        return;
                    }
                    accept(page);
                    pages.showLast();
                    said.afterPage(page, totals.get());
                })
                .onFailure(failure -> failed(current, failure))
                .onFinally(() -> finished(current)));
    }

    /** A page taken: cached, counted (the totals are those of the pages taken, not of pages the run read since). */
    private void accept(QueryPage page) {
        pages.add(page);
        totals.set(totals.get().plus(page));
        lastPage.set(page);
    }

    private void failed(int current, Throwable failure) {
        tab.failed(failure); // a 404 may be the container's: checked there, and all its tabs follow
        if (current == generation) {
            said.failed(failure, tab.wholeText(), tab.statementOffset(), !pages.isEmpty(), totals.get());
        }
    }

    private void finished(int current) {
        if (current == generation) {
            running.set(false);
            updateNavigation();
            record();
        }
    }

    /**
     * The run in the history: added once its first page is in, then its record updated in place (rows, RU, time,
     * pages) whenever it has read more and stops reading (after Next, Load all, Esc, a failure, the next run).
     */
    private void record() {
        QueryTotals t = totals.get();
        if (recorded == null || t.pages() <= recordedPages) {
            return;
        }
        recordedPages = t.pages();
        history.accept(new QueryTabViewModel.RunRecord(handle, recorded.text(), recorded.parameters(),
                recorded.scope(), startedAt, t.requestCharge(), t.results(), t.elapsed(), t.pages()));
    }

    private void updateNavigation() {
        pages.updateNavigation();
    }
}
