package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads the items of a container one range (a feed range, or a slice of one) at a time; see {@link CosmosRangeReader}. */
interface RangeReader {

    /** One page of a range's items. */
    record Page(List<ObjectNode> items, String continuationToken, double requestCharge) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** How many ranges are read in turn (at least one): the feed ranges, or the slices cut from them. */
    int rangeCount();

    /** How many feed ranges (physical partitions) the container has. */
    default int feedRanges() {
        return rangeCount();
    }

    /** True when the ranges read are even slices of the partition-key hash space ({@link HashSlices}). */
    default boolean hashSlices() {
        return false;
    }

    /**
     * The next page of range {@code range} from {@code continuationToken} (null: its start), at most {@code max}
     * items; a null token in the answer means the range has no more. Throws {@link java.util.concurrent.CancellationException}
     * when cancelled while waiting.
     */
    Page read(int range, String continuationToken, int max);
}
