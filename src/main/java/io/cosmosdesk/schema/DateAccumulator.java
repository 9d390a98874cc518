package io.cosmosdesk.schema;

/** Range and histogram of the ISO-8601 dates of one field. */
final class DateAccumulator {

    private static final int HISTOGRAM_BINS = 12;

    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private String minText;
    private String maxText;
    private final Reservoir reservoir;

    DateAccumulator(long seed) {
        reservoir = new Reservoir(seed);
    }

    void add(long millis, String text) {
        if (millis < min) {
            min = millis;
            minText = text;
        }
        if (millis > max) {
            max = millis;
            maxText = text;
        }
        reservoir.offer(millis);
    }

    TypeSummary.Dates summary() {
        return new TypeSummary.Dates(min, max, minText, maxText,
                reservoir.histogram(min, max, HISTOGRAM_BINS, false));
    }
}
