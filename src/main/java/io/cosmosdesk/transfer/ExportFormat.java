package io.cosmosdesk.transfer;

import java.util.Locale;
import java.util.Optional;

/** The file formats an export writes (and an import reads). */
public enum ExportFormat {
    /** One JSON array, one item per line inside it. */
    JSON("JSON array", "json"),
    /** JSON Lines: one item per line, nothing around them. */
    JSONL("JSON Lines", "jsonl"),
    /** CSV (RFC 4180), one column per chosen field path; see {@link CsvCells} for the cell rules. */
    CSV("CSV", "csv");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** Without the dot: {@code json}, {@code jsonl}, {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The file name's ending for this format: {@code .jsonl}, or {@code .jsonl.gz} when compressed. */
    public String fileSuffix(boolean gzip) {
        return "." + extension + (gzip ? ".gz" : "");
    }

    /** {@code json}, {@code jsonl} (or {@code ndjson}), {@code csv}, any case. */
    public static Optional<ExportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson", "json-lines", "jsonlines" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
