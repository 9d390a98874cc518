package io.cosmosdesk.cosmos;

import java.time.Duration;
import java.util.List;

/**
 * One page of a query's answer.
 *
 * @param continuationToken where the next page starts; null when there is no more
 * @param requestCharge RU of this page (including any empty pages skipped to reach it)
 * @param activityId of the last request, for support; may be null
 */
public record ItemPage(List<ItemRow> items, String continuationToken, double requestCharge, Duration duration,
        String activityId) {

    public ItemPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return continuationToken != null;
    }
}
