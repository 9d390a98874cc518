package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of one feed range: the changed items (their latest versions, oldest change first), the cursor to read
 * on from, and whether the page was full (more changes are likely waiting).
 */
public record ChangePage(List<ObjectNode> items, FeedCursor next, boolean full) {

    public ChangePage {
        items = List.copyOf(items);
    }
}
