package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ItemQuery;
import java.util.List;

/**
 * Every item a query selects, as a move's sources: never held in memory all at once. The preview and the move
 * read the query a page at a time; only the count and the first few items are kept, for the dialog.
 *
 * @param query the query the grid ran (typed filter or parameterised conditions)
 * @param count how many items it selected when counted (they may change before the move runs)
 * @param firstItems the first items it returned, with bodies (at most {@link #SAMPLE}): the dialog's preview
 *        lines and target suggestions
 */
public record MatchingItems(ItemQuery query, long count, List<MoveSource> firstItems) {

    /** Items kept as a sample. */
    public static final int SAMPLE = 200;

    public MatchingItems {
        firstItems = List.copyOf(firstItems);
    }
}
