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
        // written out rather than String.format: it runs on the UI thread for every page, and the Formatter was the
        // dearest part of showing a page that is not JavaFX's own
        List<String> parts = new ArrayList<>();
        parts.add(loaded == 0 ? "0 items" : "1–" + grouped(loaded));
        parts.add(more ? "more available" : loaded == 0 ? "none loaded" : "all loaded");
        if (latest != null) {
            parts.add(oneDecimal(latest.requestCharge()) + " RU page / " + oneDecimal(totalCharge) + " RU total");
            parts.add(latest.duration().toMillis() + " ms");
        } else if (totalCharge > 0) {
            parts.add(oneDecimal(totalCharge) + " RU total");
        }
        return String.join(" · ", parts);
    }

    /** As {@code %,d} in the root locale: 12,345. */
    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** As {@code %.1f} in the root locale for the charges shown (never negative): 12.4. */
    static String oneDecimal(double value) {
        if (!(value >= 0) || value > 1e15) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        long tenths = java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).unscaledValue()
                .longValue();
        return (tenths / 10) + "." + (tenths % 10);
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
