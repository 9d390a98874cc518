package io.cosmosdesk.transfer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a running import or copy stands, sent after every batch.
 *
 * @param rows rows settled so far (any outcome)
 * @param byOutcome rows per outcome
 * @param bytesRead bytes of the file read so far; {@code totalBytes} its size
 * @param status a line about waits (throttled, server unavailable), or null
 * @param expectedRows how many rows there are in all when that was counted (a copy counts its source), else -1
 */
public record ImportProgress(long rows, Map<RowOutcome, Long> byOutcome, long bytesRead, long totalBytes,
        Duration elapsed, String status, long expectedRows) {

    /** Without a count of the rows (an import reading a file knows its size instead). */
    public ImportProgress(long rows, Map<RowOutcome, Long> byOutcome, long bytesRead, long totalBytes,
            Duration elapsed, String status) {
        this(rows, byOutcome, bytesRead, totalBytes, elapsed, status, -1);
    }

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

    /**
     * The counted total while it still holds: empty when nothing was counted, or when more rows were settled than
     * counted (items written to the source after the count), so no figure past 100 % is ever shown.
     */
    public OptionalLong expected() {
        return expectedRows < 0 || rows > expectedRows ? OptionalLong.empty() : OptionalLong.of(expectedRows);
    }

    /** Share of the counted rows settled, 0..1, or -1 without a (still valid) count. */
    public double countedFraction() {
        OptionalLong expected = expected();
        if (expected.isEmpty()) {
            return -1;
        }
        return expected.getAsLong() == 0 ? 1 : (double) rows / expected.getAsLong();
    }

    /** Time left at the rate so far, for the counted rows; empty without a count or before a rate. */
    public Optional<Duration> eta() {
        double rate = rate();
        OptionalLong expected = expected();
        if (expected.isEmpty() || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((expected.getAsLong() - rows) / rate * 1000)));
    }

    /**
     * With a count: {@code 1,200 of 5,000 items (24 %), about 13 s left} (the time once there is a rate). Empty
     * without a count.
     */
    public Optional<String> ofTotal() {
        OptionalLong expected = expected();
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d items (%d %%)", rows,
                expected.getAsLong(), (long) Math.floor(countedFraction() * 100)));
        eta().ifPresent(left -> text.append(", about ").append(TransferText.duration(left)).append(" left"));
        return Optional.of(text.toString());
    }

    /** e.g. "12,000 rows: 11,990 created, 10 conflicts". */
    public String summary() {
        String outcomes = outcomes();
        return String.format("%,d rows", rows) + (outcomes.isEmpty() ? "" : ": " + outcomes);
    }

    /** e.g. "11,990 created, 10 conflicts"; empty before the first row settles. */
    public String outcomes() {
        StringBuilder text = new StringBuilder();
        for (RowOutcome outcome : RowOutcome.values()) {
            long n = count(outcome);
            if (n > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format("%,d ", n))
                        .append(outcome.name().toLowerCase());
            }
        }
        return text.toString();
    }
}
