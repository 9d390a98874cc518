package io.cosmosdesk.query;

import java.time.Duration;

/**
 * What the service reported about executing a page (summed over the partitions and pages it took): the figures of
 * the Stats pane. Zero everywhere when the server sent no metrics.
 */
public record QueryMetricsSummary(long retrievedDocumentCount, long retrievedDocumentSize, long outputDocumentCount,
        long outputDocumentSize, long indexHitDocumentCount, Duration totalExecutionTime, Duration indexLookupTime,
        Duration documentLoadTime, Duration queryEngineTime, Duration systemFunctionTime, boolean present) {

    public static final QueryMetricsSummary NONE = new QueryMetricsSummary(0, 0, 0, 0, 0, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);

    public QueryMetricsSummary plus(QueryMetricsSummary other) {
        if (!other.present) {
            return this;
        }
        if (!present) {
            return other;
        }
        return new QueryMetricsSummary(retrievedDocumentCount + other.retrievedDocumentCount,
                retrievedDocumentSize + other.retrievedDocumentSize, outputDocumentCount + other.outputDocumentCount,
                outputDocumentSize + other.outputDocumentSize, indexHitDocumentCount + other.indexHitDocumentCount,
                totalExecutionTime.plus(other.totalExecutionTime), indexLookupTime.plus(other.indexLookupTime),
                documentLoadTime.plus(other.documentLoadTime), queryEngineTime.plus(other.queryEngineTime),
                systemFunctionTime.plus(other.systemFunctionTime), true);
    }
}
