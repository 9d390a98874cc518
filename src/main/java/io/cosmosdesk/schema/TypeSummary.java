package io.cosmosdesk.schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One type a field held, with its count and the figures of that type (the others are null): numbers, strings
 * (also for dates and GUIDs), dates, arrays or booleans.
 */
public record TypeSummary(ValueType type, long count, Numbers numbers, Strings strings, Dates dates,
        Arrays arrays, Booleans booleans) {

    /**
     * @param min smallest value exactly as held; null when none was representable
     * @param mean average (double precision)
     * @param integersOnly every value was a whole number
     * @param outOfRange values too large for a double that were read as infinity (not in min, max or mean)
     */
    public record Numbers(BigDecimal min, BigDecimal max, double mean, boolean integersOnly, long outOfRange,
            Histogram histogram) {
    }

    /**
     * @param minLength length in characters (code points)
     * @param distinct distinct values, exact when {@code distinctExact}, else a HyperLogLog estimate
     * @param top the most frequent values, most frequent first; counts exact when {@code distinctExact}, else
     *        lower bounds
     */
    public record Strings(int minLength, int maxLength, long distinct, boolean distinctExact, List<ValueCount> top) {
        public Strings {
            top = List.copyOf(top);
        }

        /**
         * Some value was seen more than once. When none was (dates to the minute, GUIDs, e-mails), the "most
         * frequent" values are just the first ten met, each once: they mean nothing and are not shown as such.
         */
        public boolean anyRepeats() {
            return !top.isEmpty() && top.get(0).count() > 1;
        }
    }

    /** A value and how many times it was seen; long values are cut, with "…". */
    public record ValueCount(String value, long count) {
    }

    /** Instants in epoch milliseconds, with the texts they were read from. */
    public record Dates(long minMillis, long maxMillis, String minText, String maxText, Histogram histogram) {
    }

    public record Arrays(int minLength, double meanLength, int maxLength) {
    }

    public record Booleans(long trueCount, long falseCount) {
    }
}
