package io.cosmosdesk.transfer;

import java.nio.file.Path;
import java.time.Duration;

/** A finished export: the complete file and what went into it. */
public record ExportResult(Path file, long items, long bytes, Duration elapsed, double requestCharge) {

    /** {@code 12,000 items (4.2 MB) to /home/ana/orders.jsonl in 3.1 s}. */
    public String summary() {
        return String.format("%,d items (%s) to %s in %s", items, TransferText.bytes(bytes), file,
                TransferText.duration(elapsed));
    }
}
