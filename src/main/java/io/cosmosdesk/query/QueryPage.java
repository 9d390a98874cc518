package io.cosmosdesk.query;

import java.time.Duration;
import java.util.List;

/**
 * One page of a query run as the tab shows it, with what it cost.
 *
 * @param number 1 for the first page of the run
 * @param firstIndex the 0-based position of the page's first result in the run
 * @param hasMore whether the query has more pages after this one
 * @param requestCharge RU of this page (empty pages skipped to reach it included)
 * @param roundTrips requests sent for this page (query plan and empty pages included)
 * @param retries requests the SDK retried for this page (throttling mostly)
 */
public record QueryPage(int number, long firstIndex, List<QueryResult> results, boolean hasMore,
        double requestCharge, int roundTrips, int retries, Duration duration, String activityId,
        QueryMetricsSummary metrics, IndexAdvice indexAdvice) {

    public QueryPage {
        results = List.copyOf(results);
    }

    /** e.g. "1–100, more available" or "101–142". */
    public String rangeLabel() {
        return rangeLabel(firstIndex, results.size(), hasMore);
    }

    /** The label of {@code count} results from 0-based {@code firstIndex} on (one page or several shown at once). */
    static String rangeLabel(long firstIndex, int count, boolean hasMore) {
        if (count == 0) {
            return firstIndex == 0 ? "No results" : "No more results";
        }
        String range = String.format(java.util.Locale.ROOT, "%,d–%,d", firstIndex + 1, firstIndex + count);
        return hasMore ? range + ", more available" : range;
    }
}
