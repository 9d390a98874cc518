package io.cosmosdesk.transfer;

import java.nio.file.Path;

/** Opens the reader for a file's format. */
public final class ItemReaders {

    private ItemReaders() {
    }

    /**
     * @throws ImportInputException with a sentence when the file cannot be read as text at all
     */
    public static ItemReader open(Path file, ImportFormat format, CsvOptions csv) {
        TextInput input = TextInput.open(file);
        return switch (format) {
            case JSON -> new JsonItemReader(input);
            case JSONL -> new JsonLinesItemReader(input);
            case CSV -> new CsvItemReader(input, csv == null ? CsvOptions.defaults() : csv);
        };
    }
}
