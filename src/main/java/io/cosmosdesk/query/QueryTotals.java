package io.cosmosdesk.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run has read so far: the Stats pane's figures.
 *
 * @param chargePerPage RU of each page, in order
 * @param elapsed time spent waiting for pages (not the time the user spent reading them)
 * @param metricsPages how many of the pages brought query metrics: {@code metrics} sums those pages only
 */
public record QueryTotals(int pages, long results, double requestCharge, List<Double> chargePerPage, int roundTrips,
        int retries, Duration elapsed, String lastActivityId, QueryMetricsSummary metrics, int metricsPages, IndexAdvice indexAdvice) {

    public static final QueryTotals NONE = new QueryTotals(0, 0, 0, List.of(), 0, 0, Duration.ZERO, null,
            QueryMetricsSummary.NONE, 0, IndexAdvice.NONE);

    public QueryTotals {
        chargePerPage = List.copyOf(chargePerPage);
    }

    QueryTotals plus(QueryPage page) {
        List<Double> charges = new ArrayList<>(chargePerPage);
        charges.add(page.requestCharge());
        return new QueryTotals(pages + 1, results + page.results().size(), requestCharge + page.requestCharge(),
                charges, roundTrips + page.roundTrips(), retries + page.retries(), elapsed.plus(page.duration()),
                page.activityId() == null ? lastActivityId : page.activityId(), metrics.plus(page.metrics()),
                metricsPages + (page.metrics().present() ? 1 : 0), indexAdvice.plus(page.indexAdvice()));
    }
}
