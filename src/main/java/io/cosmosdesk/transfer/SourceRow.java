package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of an input file: the item read from it, or why it could not be read.
 *
 * @param row 1-based position among the file's records (array element, non-blank line, CSV data row)
 * @param line 1-based line of the file where the record starts
 * @param item the item as read; null when {@code problem} is set
 * @param problem a sentence saying what is wrong with this record, or null
 * @param lastReadable true when nothing after this record can be read (malformed JSON cannot be resynchronised)
 * @param text a JSON Lines record that could not be read as an item, as it stands in the file (so the rows not
 *        imported can be fixed where they are listed and imported again); null otherwise
 */
public record SourceRow(long row, long line, ObjectNode item, String problem, boolean lastReadable, String text) {

    public SourceRow(long row, long line, ObjectNode item, String problem, boolean lastReadable) {
        this(row, line, item, problem, lastReadable, null);
    }

    public static SourceRow item(long row, long line, ObjectNode item) {
        return new SourceRow(row, line, item, null, false);
    }

    public static SourceRow problem(long row, long line, String problem) {
        return new SourceRow(row, line, null, problem, false);
    }

    /** A JSON Lines line that is not an item, kept as written. */
    public static SourceRow unreadableLine(long row, long line, String problem, String text) {
        return new SourceRow(row, line, null, problem, false, text);
    }

    public static SourceRow fatal(long row, long line, String problem) {
        return new SourceRow(row, line, null, problem, true);
    }

    public boolean ok() {
        return problem == null;
    }

    /** e.g. "Row 12 (line 14): the JSON ends too early." */
    public String describe() {
        return "Row " + row + " (line " + line + "): " + problem;
    }
}
