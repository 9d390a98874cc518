package io.cosmosdesk.schema;

/** How many items a schema analysis reads. */
public enum SampleSize {
    HUNDRED(100, "100 items"), THOUSAND(1_000, "1,000 items"), TEN_THOUSAND(10_000, "10,000 items"),
    ALL(Long.MAX_VALUE, "All items");

    public static final SampleSize DEFAULT = THOUSAND;

    private final long limit;
    private final String label;

    SampleSize(long limit, String label) {
        this.limit = limit;
        this.label = label;
    }

    /** Items to read at most; {@link Long#MAX_VALUE} for all. */
    public long limit() {
        return limit;
    }

    public String label() {
        return label;
    }

    /** The size for {@code n} items from the command line: the nearest choice at or above it, or all. */
    public static long limitOf(long n) {
        return n <= 0 ? Long.MAX_VALUE : n;
    }

    @Override
    public String toString() {
        return label;
    }
}
