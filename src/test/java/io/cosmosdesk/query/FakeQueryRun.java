package io.cosmosdesk.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** A {@link QueryRun} over prepared pages (or failures), for view-model tests. */
final class FakeQueryRun implements QueryRun {

    private final List<Object> answers;
    private int next;
    private boolean closed;
    private boolean readAhead;
    private boolean metricsForEveryPage;
    private int limitExtensions;
    private QueryTotals totals = QueryTotals.NONE;
    /** The answer index after each page delivered. */
    private final List<Integer> afterPage = new ArrayList<>();
    private int stops;
    private final java.util.Map<Integer, Runnable> whileReading = new java.util.HashMap<>();

    private java.util.function.Consumer<QueryThrottle> throttled = t -> { };

    /**
     * @param answers each a page, a RuntimeException to throw for that pull, or a {@link QueryThrottle} told to the
     *        listener before the next answer (a wait while throttled)
     */
    FakeQueryRun(List<Object> answers) {
        this.answers = new ArrayList<>(answers);
    }

    static QueryPage page(int number, long firstIndex, List<QueryResult> results, boolean hasMore, double charge,
            int retries) {
        return new QueryPage(number, firstIndex, results, hasMore, charge, 1, retries, Duration.ofMillis(10), "act-"
                + number, QueryMetricsSummary.NONE, IndexAdvice.NONE);
    }

    @Override
    public QueryPage next() {
        if (closed) {
            throw new CancellationException();
        }
        if (next >= answers.size()) {
            throw new IllegalStateException("no more pages");
        }
        Runnable hook = whileReading.remove(next);
        if (hook != null) { // e.g. Esc while this page is being read: a stopped real run throws, as here
            int before = stops;
            hook.run();
            if (stops != before || closed) {
                throw new CancellationException("stopped while reading");
            }
        }
        Object answer = answers.get(next);
        while (answer instanceof QueryThrottle throttle) {
            throttled.accept(throttle);
            answer = answers.get(++next);
        }
        if (answer instanceof RuntimeException failure) {
            if (!(failure instanceof QueryException q && q.reason() == QueryException.Reason.REQUEST_UNIT_LIMIT)) {
                next = answers.size();
            } else {
                answers.remove(next);
            }
            throw failure;
        }
        next++;
        QueryPage page = (QueryPage) answer;
        totals = totals.plus(page);
        afterPage.add(next);
        return page;
    }

    @Override
    public boolean hasMore() {
        return !closed && next < answers.size();
    }

    @Override
    public QueryTotals totals() {
        return totals;
    }

    @Override
    public void onThrottled(java.util.function.Consumer<QueryThrottle> listener) {
        throttled = listener;
    }

    @Override
    public void metricsForEveryPage(boolean on) {
        metricsForEveryPage = on;
    }

    boolean metricsForEveryPage() {
        return metricsForEveryPage;
    }

    @Override
    public void readAhead(boolean on) {
        readAhead = on;
    }

    boolean readAhead() {
        return readAhead;
    }

    @Override
    public void extendLimit() {
        limitExtensions++;
    }

    int limitExtensions() {
        return limitExtensions;
    }

    boolean closed() {
        return closed;
    }

    /** Goes back to the answer after the {@code kept.pages()}-th page delivered, as a stopped real run does. */
    @Override
    public void stop(QueryTotals kept) {
        stops++;
        int pages = Math.min(kept.pages(), afterPage.size());
        next = pages == 0 ? 0 : afterPage.get(pages - 1);
        afterPage.subList(pages, afterPage.size()).clear();
        totals = kept;
    }

    /** Runs {@code action} while the answer at {@code index} is being read (once). */
    FakeQueryRun whileReading(int index, Runnable action) {
        whileReading.put(index, action);
        return this;
    }

    int stops() {
        return stops;
    }

    @Override
    public void close() {
        closed = true;
    }
}
