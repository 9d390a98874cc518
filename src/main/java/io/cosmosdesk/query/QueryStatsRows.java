package io.cosmosdesk.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Stats pane's lines for a run: label and value, last page and the run so far. */
public final class QueryStatsRows {

    /** One line of the Stats pane. */
    public record Row(String label, String value) {
    }

    private QueryStatsRows() {
    }

    public static List<Row> of(QueryTotals totals, QueryPage lastPage) {
        List<Row> rows = new ArrayList<>();
        if (totals.pages() == 0) {
            return rows;
        }
        rows.add(new Row("Request charge, total", ru(totals.requestCharge())));
        rows.add(new Row("Request charge per page", perPage(totals.chargePerPage())));
        rows.add(new Row("Pages read", String.format(Locale.ROOT, "%,d", totals.pages())));
        rows.add(new Row("Results", String.format(Locale.ROOT, "%,d", totals.results())));
        rows.add(new Row("Round trips", String.format(Locale.ROOT, "%,d", totals.roundTrips())));
        rows.add(new Row("Retries (throttling)", String.format(Locale.ROOT, "%,d", totals.retries())));
        rows.add(new Row("Elapsed (waiting for pages)", millis(totals.elapsed())));
        QueryMetricsSummary m = totals.metrics();
        if (m.present()) {
            rows.add(new Row("Query metrics below cover", metricsCover(totals)));
            rows.add(new Row("Retrieved document count", String.format(Locale.ROOT, "%,d", m.retrievedDocumentCount())));
            rows.add(new Row("Retrieved document size", bytes(m.retrievedDocumentSize())));
            rows.add(new Row("Output document count", String.format(Locale.ROOT, "%,d", m.outputDocumentCount())));
            rows.add(new Row("Output document size", bytes(m.outputDocumentSize())));
            rows.add(new Row("Index hit document count", String.format(Locale.ROOT, "%,d", m.indexHitDocumentCount())));
            rows.add(new Row("Index lookup time", millis(m.indexLookupTime())));
            rows.add(new Row("Document load time", millis(m.documentLoadTime())));
            rows.add(new Row("Query engine execution time", millis(m.queryEngineTime())));
            rows.add(new Row("System function execution time", millis(m.systemFunctionTime())));
            rows.add(new Row("Total query execution time (server)", millis(m.totalExecutionTime())));
        } else {
            rows.add(new Row("Query metrics", "not sent by the server"));
        }
        if (lastPage != null) {
            rows.add(new Row("Last page", "page " + lastPage.number() + ": " + lastPage.results().size() + " results, "
                    + ru(lastPage.requestCharge()) + ", " + millis(lastPage.duration())));
        }
        rows.add(new Row("Activity id (last request)", totals.lastActivityId() == null ? "—" : totals.lastActivityId()));
        return rows;
    }

    /** Which pages the summed query metrics are of: all, or the first only while metrics for every page are off. */
    static String metricsCover(QueryTotals totals) {
        if (totals.metricsPages() >= totals.pages()) {
            return totals.pages() == 1 ? "the page read" : String.format(Locale.ROOT, "all %,d pages", totals.pages());
        }
        return String.format(Locale.ROOT, "%,d of %,d pages (%s; tick \"Query metrics for every page\" to measure "
                + "every page read from now on)", totals.metricsPages(), totals.pages(),
                totals.metricsPages() == 1 ? "the first page only" : "the first page and those read while it was ticked");
    }

    private static String perPage(List<Double> charges) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < charges.size() && i < 20; i++) {
            shown.add(String.format(Locale.ROOT, "%,.2f", charges.get(i)));
        }
        return String.join(", ", shown) + (charges.size() > 20 ? ", … (" + charges.size() + " pages)" : "");
    }

    static String ru(double charge) {
        return String.format(Locale.ROOT, "%,.2f RU", charge);
    }

    static String millis(Duration d) {
        double ms = d.toNanos() / 1_000_000.0;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    static String bytes(long size) {
        if (size < 10_000) {
            return String.format(Locale.ROOT, "%,d B", size);
        }
        return String.format(Locale.ROOT, "%,.1f KB (%,d B)", size / 1024.0, size);
    }
}
