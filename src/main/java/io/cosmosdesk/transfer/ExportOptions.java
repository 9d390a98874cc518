package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;
import java.util.Objects;

/**
 * How to write an export.
 *
 * @param csvFields CSV columns; empty: chosen from a sample of the source ({@link CsvFields}). Ignored for JSON.
 * @param systemProperties keep {@code _rid}, {@code _self}, {@code _etag}, {@code _ts} … (left out by default)
 * @param gzip compress the file
 */
public record ExportOptions(ExportFormat format, List<JsonPath> csvFields, boolean systemProperties, boolean gzip) {

    public ExportOptions {
        Objects.requireNonNull(format, "format");
        csvFields = csvFields == null ? List.of() : List.copyOf(csvFields);
    }

    public static ExportOptions of(ExportFormat format) {
        return new ExportOptions(format, List.of(), false, false);
    }

    public ExportOptions withCsvFields(List<JsonPath> fields) {
        return new ExportOptions(format, fields, systemProperties, gzip);
    }

    public ExportOptions withSystemProperties(boolean keep) {
        return new ExportOptions(format, csvFields, keep, gzip);
    }

    public ExportOptions withGzip(boolean compress) {
        return new ExportOptions(format, csvFields, systemProperties, compress);
    }
}
