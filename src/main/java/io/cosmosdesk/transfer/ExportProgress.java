package io.cosmosdesk.transfer;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Where a running export stands; published through {@code TaskContext.publish} a few times a second.
 *
 * @param items written so far
 * @param expectedItems how many the source holds, when it could be counted; -1 when unknown
 * @param bytes written to the file so far (compressed bytes when gzipped)
 * @param elapsed since the export started
 */
public record ExportProgress(long items, long expectedItems, long bytes, Duration elapsed) {

    public OptionalLong expected() {
        return expectedItems < 0 ? OptionalLong.empty() : OptionalLong.of(expectedItems);
    }

    public double itemsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : items / seconds;
    }

    /** Done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        if (expectedItems <= 0) {
            return expectedItems == 0 ? 1 : -1;
        }
        return Math.min(1, (double) items / expectedItems);
    }

    /** Time left at the current rate; empty while unknown. */
    public java.util.Optional<Duration> eta() {
        double rate = itemsPerSecond();
        if (expectedItems < 0 || rate <= 0) {
            return java.util.Optional.empty();
        }
        long left = Math.max(0, expectedItems - items);
        return java.util.Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }

    /** {@code 12,000 of 50,000 items · 4.2 MB · 3,100 items/s · about 13 s left}. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format("%,d", items));
        if (expectedItems >= 0) {
            text.append(String.format(" of %,d", expectedItems));
        }
        text.append(" items · ").append(TransferText.bytes(bytes));
        text.append(String.format(" · %,.0f items/s", itemsPerSecond()));
        eta().ifPresent(left -> text.append(" · about ").append(TransferText.duration(left)).append(" left"));
        return text.toString();
    }
}
