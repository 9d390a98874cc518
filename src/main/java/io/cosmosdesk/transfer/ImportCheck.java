package io.cosmosdesk.transfer;

import java.util.List;

/**
 * What the validation pass found, before anything is written.
 *
 * @param preview the first rows exactly as they will be sent
 * @param problems the first bad rows (all of them went to the pass's problem sink)
 * @param rows records read; {@code valid} of them will be sent, {@code invalid} will not
 * @param readToEnd false when the pass was cancelled or malformed JSON ended it early
 */
public record ImportCheck(List<PreparedRow> preview, List<PreparedRow> problems, long rows, long valid,
        long invalid, boolean readToEnd) {

    public ImportCheck {
        preview = List.copyOf(preview);
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return invalid == 0 && readToEnd;
    }

    /** e.g. "1,000 rows: 998 ready, 2 with problems." */
    public String summary() {
        return String.format("%,d row%s: %,d ready, %,d with problems%s", rows, rows == 1 ? "" : "s", valid, invalid,
                readToEnd ? "." : " (the file could not be read to its end).");
    }
}
