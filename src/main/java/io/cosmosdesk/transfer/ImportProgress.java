package io.cosmosdesk.transfer;

import java.time.Duration;
import java.util.Map;

/**
 * Where a running import stands, sent after every batch.
 *
 * @param rows rows settled so far (any outcome)
 * @param byOutcome rows per outcome
 * @param bytesRead bytes of the file read so far; {@code totalBytes} its size
 * @param status a line about waits (throttled, server unavailable), or null
 */
public record ImportProgress(long rows, Map<RowOutcome, Long> byOutcome, long bytesRead, long totalBytes,
        Duration elapsed, String status) {

    public long count(RowOutcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    /** Rows per second since the start. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /** Share of the file read, 0..1, or -1 when the size is not known. */
    public double fraction() {
        return totalBytes <= 0 ? -1 : Math.min(1.0, (double) bytesRead / totalBytes);
    }

    /** e.g. "12,000 rows: 11,990 created, 10 conflicts". */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format("%,d rows", rows));
        String separator = ": ";
        for (RowOutcome outcome : RowOutcome.values()) {
            long n = count(outcome);
            if (n > 0) {
                text.append(separator).append(String.format("%,d ", n)).append(outcome.name().toLowerCase());
                separator = ", ";
            }
        }
        return text.toString();
    }
}
