package io.cosmosdesk.schema;

/**
 * What a finished (or stopped) schema sample found.
 *
 * @param howDrawn a sentence saying how the items were picked, for the screen and the exports
 * @param stopped true when the user stopped it before the sample was complete
 */
public record SampleResult(SchemaSummary summary, long itemsRead, double requestCharge, int feedRanges,
        String howDrawn, boolean stopped) {
}
