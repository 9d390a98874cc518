package io.cosmosdesk.schema;

/**
 * How far a schema sample is, with the figures so far.
 *
 * @param target items asked for; {@link Long#MAX_VALUE} for all
 */
public record SampleProgress(long itemsRead, long target, double requestCharge, SchemaSummary summary) {

    /** 0 to 1, or -1 when reading all items (their number is not known here). */
    public double fraction() {
        return target == Long.MAX_VALUE || target == 0 ? -1 : Math.min(1, (double) itemsRead / target);
    }
}
