package io.cosmosdesk.browse;

import io.cosmosdesk.browse.ItemsViewModel.State;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the grid area says about the applied query: the status strip, the sort label, which empty state. */
final class PagingText {

    private PagingText() {
    }

    /** "1–100 · more available · 12.4 RU page / 87.1 RU total · 143 ms"; {@code latest} null after no new page. */
    static String statusLine(int loaded, boolean more, ItemPage latest, double totalCharge) {
        List<String> parts = new ArrayList<>();
        parts.add(loaded == 0 ? "0 items" : String.format(Locale.ROOT, "1–%,d", loaded));
        parts.add(more ? "more available" : loaded == 0 ? "none loaded" : "all loaded");
        if (latest != null) {
            parts.add(String.format(Locale.ROOT, "%.1f RU page / %.1f RU total", latest.requestCharge(), totalCharge));
            parts.add(latest.duration().toMillis() + " ms");
        } else if (totalCharge > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f RU total", totalCharge));
        }
        return String.join(" · ", parts);
    }

    static String sortLabelOf(ItemQuery query) {
        ItemQuery.Sort sort = query.effectiveSort();
        return sort == null ? "" : "Sorted on the server by " + sort.path() + (sort.descending() ? " ↓" : " ↑");
    }

    /** Why a query shows no rows: nothing matched, a sort left items out, or the container is empty. */
    static State emptyState(ItemQuery query) {
        if (!query.filter().isEmpty() || !query.conditions().isEmpty()) {
            return State.NO_MATCHES; // the grid also tells of a sort, which leaves out more
        }
        // never "the container is empty" under a sort: Cosmos leaves out the items without the sorted path
        return query.effectiveSort() != null ? State.SORT_LEFT_OUT : State.EMPTY_CONTAINER;
    }
}
