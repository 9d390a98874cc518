package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemQuery;
import java.util.List;

/** Which items a bulk patch works on: the grid's selection (as the grid read them) or every item a query selects. */
public sealed interface PatchScope {

    /** The selected items with their bodies and the ETags the grid read them with. */
    record Selection(List<ObjectNode> items) implements PatchScope {
        public Selection {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return items.size() == 1 ? "1 selected item" : items.size() + " selected items";
        }
    }

    /** Every item the query selects, read a page at a time when the patch runs (never all held at once). */
    record Matching(ItemQuery query) implements PatchScope {
        @Override
        public String describe() {
            String where = query.describe();
            return where == null || where.isBlank() ? "every item" : "every item " + where;
        }
    }

    /** "2 selected items", "every item WHERE c.status = 'open'". */
    String describe();
}
