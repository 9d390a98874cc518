package io.cosmosdesk.transfer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads. */
public enum ImportFormat {
    /** One JSON object, or an array of objects (read as a stream, never whole). */
    JSON("JSON"),
    /** One JSON object per line. */
    JSONL("JSON Lines"),
    /** A header row of field paths, then one item per row. */
    CSV("CSV");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The format a file name suggests ({@code .json}, {@code .jsonl}/{@code .ndjson}, {@code .csv}/{@code .tsv}),
     * also gzipped ({@code orders.jsonl.gz}, as an export with gzip writes it).
     */
    public static Optional<ImportFormat> fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** Reads {@code json}, {@code jsonl} or {@code csv} as typed on a command line. */
    public static Optional<ImportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson", "jsonlines" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }
}
