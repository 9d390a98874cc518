package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads the items of a container one feed range at a time; see {@link CosmosRangeReader}. */
interface RangeReader {

    /** One page of a range's items. */
    record Page(List<ObjectNode> items, String continuationToken, double requestCharge) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** How many feed ranges there are (at least one). */
    int rangeCount();

    /**
     * The next page of range {@code range} from {@code continuationToken} (null: its start), at most {@code max}
     * items; a null token in the answer means the range has no more. Throws {@link java.util.concurrent.CancellationException}
     * when cancelled while waiting.
     */
    Page read(int range, String continuationToken, int max);
}
