package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;

/**
 * A row of the file as it will be sent: the body (system properties dropped, a generated id when asked for),
 * its id and partition key value; or the sentence saying why it will not be sent.
 * {@code text}: a JSON Lines line that could not be read as an item, as written in the file (else null).
 */
public record PreparedRow(long row, long line, String id, PartitionKeyValue key, ObjectNode body, String problem,
        boolean lastReadable, String text) {

    public PreparedRow(long row, long line, String id, PartitionKeyValue key, ObjectNode body, String problem,
            boolean lastReadable) {
        this(row, line, id, key, body, problem, lastReadable, null);
    }

    public boolean ok() {
        return problem == null;
    }

    /** e.g. "Row 12 (line 14): the "id" is missing." */
    public String describe() {
        return "Row " + row + " (line " + line + "): " + problem;
    }
}
