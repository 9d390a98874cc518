package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Opens the writer for an export's options over a stream (compressed when asked). */
public final class ItemWriters {

    private ItemWriters() {
    }

    /**
     * @param csvFields the columns, for CSV only (ignored otherwise)
     */
    public static ItemWriter open(ExportOptions options, List<JsonPath> csvFields, OutputStream out)
            throws IOException {
        OutputStream target = options.gzip() ? new GZIPOutputStream(out, 1 << 16) : out;
        try {
            return switch (options.format()) {
                case JSON -> new JsonItemWriter(target, true, options.systemProperties());
                case JSONL -> new JsonItemWriter(target, false, options.systemProperties());
                case CSV -> new CsvItemWriter(target, csvFields);
            };
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }
}
