package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;

/** Rows by outcome so far; mutable, owned by the job's thread, copied into progress records. */
final class ImportCounts {

    private final EnumMap<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);

    void add(RowOutcome outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    long get(RowOutcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<RowOutcome, Long> snapshot() {
        return Map.copyOf(counts);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        counts.forEach((k, v) -> json.put(k.name(), v));
        return json;
    }

    static ImportCounts fromJson(JsonNode json) {
        ImportCounts counts = new ImportCounts();
        if (json != null) {
            json.fields().forEachRemaining(e -> counts.counts.put(RowOutcome.valueOf(e.getKey()), e.getValue().asLong()));
        }
        return counts;
    }
}
