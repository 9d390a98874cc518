package io.cosmosdesk.schema;

import java.util.List;

/**
 * Counts of values per range, in order.
 *
 * @param estimated true when the counts are scaled up from a random sample of the values
 */
public record Histogram(List<Bin> bins, boolean estimated) {

    public static final Histogram EMPTY = new Histogram(List.of(), false);

    /** Values from {@code from} up to {@code to} (inclusive for the last bin; from == to for a one-value bin). */
    public record Bin(double from, double to, long count) {
    }

    public Histogram {
        bins = List.copyOf(bins);
    }

    public long maxCount() {
        return bins.stream().mapToLong(Bin::count).max().orElse(0);
    }
}
