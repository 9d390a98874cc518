package io.cosmosdesk.transfer;

/**
 * How a CSV file is read.
 *
 * @param delimiter the cell separator, or null to detect it from the header row ({@code , ; tab |})
 * @param inferTypes true: numbers, {@code true}/{@code false}, {@code null} and JSON arrays/objects become typed
 *        values; false: every cell is text
 */
public record CsvOptions(Character delimiter, boolean inferTypes) {

    public static CsvOptions defaults() {
        return new CsvOptions(null, true);
    }

    public CsvOptions withDelimiter(Character value) {
        return new CsvOptions(value, inferTypes);
    }

    public CsvOptions withInferTypes(boolean value) {
        return new CsvOptions(delimiter, value);
    }
}
