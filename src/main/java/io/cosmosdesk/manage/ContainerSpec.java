package io.cosmosdesk.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the user asks for when creating a container.
 *
 * @param partitionKeyPaths one path, or two or three for a hierarchical key
 * @param throughput its own throughput; {@link Throughput.None} in a database with shared throughput or serverless
 * @param defaultTtlSeconds null: time to live off; -1: on, items live until they set their own ttl; n > 0: seconds
 * @param uniqueKeys each unique key is one or more paths, e.g. [["/email"], ["/firstName", "/lastName"]]
 * @param indexingPolicyJson null or blank for the default policy, else the policy as JSON
 */
public record ContainerSpec(String databaseId, String id, List<String> partitionKeyPaths, Throughput throughput,
        Integer defaultTtlSeconds, List<List<String>> uniqueKeys, String indexingPolicyJson) {

    public ContainerSpec {
        Objects.requireNonNull(databaseId, "databaseId");
        id = id == null ? "" : id.strip();
        partitionKeyPaths = partitionKeyPaths == null ? List.of()
                : partitionKeyPaths.stream().map(path -> path == null ? "" : path.strip()).toList();
        throughput = throughput == null ? new Throughput.None() : throughput;
        uniqueKeys = uniqueKeys == null ? List.of() : uniqueKeys.stream().map(List::copyOf).toList();
    }

    /** Every problem, as sentences; empty when the container can be created. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        ResourceNames.idProblem("container", id).ifPresent(problems::add);
        problems.addAll(ResourceNames.partitionKeyProblems(partitionKeyPaths));
        throughput.problem().ifPresent(problems::add);
        if (defaultTtlSeconds != null && defaultTtlSeconds != -1 && defaultTtlSeconds <= 0) {
            problems.add("Time to live is off, on without a default (-1), or a number of seconds above 0.");
        }
        for (List<String> key : uniqueKeys) {
            if (key.isEmpty()) {
                problems.add("A unique key needs at least one path.");
            }
            for (String path : key) {
                if (path == null || !path.startsWith("/") || path.length() < 2) {
                    problems.add("The unique key path \"" + path + "\" must start with / and name a property.");
                }
            }
        }
        if (indexingPolicyJson != null && !indexingPolicyJson.isBlank()) {
            // the same rules and sentences as the settings pane's policy editor (one home: IndexingPolicyJson)
            IndexingPolicyJson.problem(indexingPolicyJson).ifPresent(problems::add);
        }
        return problems;
    }

    public boolean hierarchical() {
        return partitionKeyPaths.size() > 1;
    }
}
