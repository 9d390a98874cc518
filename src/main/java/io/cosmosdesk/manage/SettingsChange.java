package io.cosmosdesk.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the settings pane would apply: the editable settings as the user left them.
 *
 * @param defaultTtlSeconds null: off; -1: on without a default; n > 0: seconds
 * @param indexingPolicyJson the policy as JSON (see {@link IndexingPolicyJson})
 * @param computedPropertiesJson the computed properties as a JSON list (blank: none)
 * @param throughput the container's own throughput ({@link Throughput.None}: it has none, nothing to change)
 */
public record SettingsChange(Integer defaultTtlSeconds, String indexingPolicyJson, String computedPropertiesJson,
        Throughput throughput) {

    /** Every problem, as sentences (the same ones as when creating a container); empty when it can be applied. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        throughput.problem().ifPresent(problems::add);
        if (defaultTtlSeconds != null && defaultTtlSeconds != -1 && defaultTtlSeconds <= 0) {
            problems.add("Time to live is off, on without a default, or a number of seconds above 0.");
        }
        IndexingPolicyJson.problem(indexingPolicyJson).ifPresent(problems::add);
        ComputedPropertiesJson.problem(computedPropertiesJson).ifPresent(problems::add);
        return problems;
    }

    /** Whether the container's settings (not its throughput) differ from {@code loaded}'s. */
    public boolean changesSettings(ContainerSettings loaded) {
        return !Objects.equals(defaultTtlSeconds, loaded.defaultTtlSeconds())
                || !sameJson(indexingPolicyJson, loaded.indexingPolicyJson())
                || !sameJson(computedPropertiesJson, loaded.computedPropertiesJson());
    }

    public boolean changesThroughput(ContainerSettings loaded) {
        return !Objects.equals(throughput, loaded.throughput());
    }

    /** The editable settings as one text, so the change can be shown as a diff before it is applied. */
    public String reviewText(String throughputNote) {
        return "Throughput: " + ContainerSettings.describeThroughput(throughput, throughputNote) + "\n"
                + "Time to live: " + ContainerSettings.describeTtl(defaultTtlSeconds) + "\n"
                + "Indexing policy:\n" + normalised(indexingPolicyJson) + "\n"
                + "Computed properties:\n" + normalised(computedPropertiesJson) + "\n";
    }

    private static String normalised(String json) {
        if (json == null || json.isBlank()) {
            return "[]";
        }
        try {
            return IndexingPolicyJson.pretty(io.cosmosdesk.json.Json.MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.strip();
        }
    }

    static boolean sameJson(String a, String b) {
        return normalised(a).equals(normalised(b));
    }
}
