package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerRef;
import java.util.List;

/**
 * A container's settings as read, for the settings pane.
 *
 * @param etag the container's ETag when read: a change is applied only if it is still this
 * @param defaultTtlSeconds null: time to live off; -1: on without a default; n: seconds
 * @param throughput the container's own throughput; {@link Throughput.None} when it has none (shared database or
 *        serverless), {@code throughputNote} then says why
 * @param indexTransformationProgress 0-100 as the service reports it, -1 when it does not
 */
public record ContainerSettings(ContainerRef ref, String etag, List<String> partitionKeyPaths, boolean hierarchical,
        List<List<String>> uniqueKeys, String conflictResolution, Integer defaultTtlSeconds, String indexingPolicyJson,
        String computedPropertiesJson, Throughput throughput, String throughputNote,
        long indexTransformationProgress) {

    public ContainerSettings {
        partitionKeyPaths = List.copyOf(partitionKeyPaths);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    }

    /** What is editable, as the change it would be to leave everything as it is. */
    public SettingsChange unchanged() {
        return new SettingsChange(defaultTtlSeconds, indexingPolicyJson, computedPropertiesJson, throughput);
    }

    /** "Off", "On (no default: items set their own ttl)", "3,600 seconds". */
    public static String describeTtl(Integer seconds) {
        if (seconds == null) {
            return "off";
        }
        if (seconds == -1) {
            return "on, no default (items expire only by their own ttl)";
        }
        return String.format("%,d seconds", seconds);
    }

    /** "manual 400 RU/s", "autoscale up to 4,000 RU/s", or the note. */
    public static String describeThroughput(Throughput throughput, String note) {
        if (throughput instanceof Throughput.Manual manual) {
            return String.format("manual %,d RU/s", manual.requestUnits());
        }
        if (throughput instanceof Throughput.Autoscale autoscale) {
            return String.format("autoscale up to %,d RU/s", autoscale.maxRequestUnits());
        }
        return note == null ? "none of its own" : note;
    }
}
