package io.cosmosdesk.manage;

import com.azure.cosmos.models.CompositePath;
import com.azure.cosmos.models.CompositePathSortOrder;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingMode;
import com.azure.cosmos.models.IndexingPolicy;
import com.azure.cosmos.models.SpatialSpec;
import com.azure.cosmos.models.SpatialType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one home for an indexing policy as JSON text: written as Data Explorer shows it (mode, automatic, included
 * and excluded paths, composite and spatial indexes), checked with sentences that give the line and column of a
 * syntax error, and read back into the SDK's {@link IndexingPolicy}. Vector and full-text indexes are not read:
 * a policy that has them is refused with a sentence rather than replaced without them.
 */
public final class IndexingPolicyJson {

    private static final Set<String> KNOWN = Set.of("indexingMode", "automatic", "includedPaths", "excludedPaths",
            "compositeIndexes", "spatialIndexes");
    private static final Set<String> MODES = Set.of("consistent", "none");

    private IndexingPolicyJson() {
    }

    /** The policy as indented JSON, in a stable order (so a diff shows only what changed). */
    public static String format(IndexingPolicy policy) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (policy == null) {
            return pretty(node);
        }
        node.put("indexingMode", policy.getIndexingMode() == null ? "consistent"
                : policy.getIndexingMode().toString().toLowerCase(Locale.ROOT));
        node.put("automatic", policy.isAutomatic() == null || policy.isAutomatic());
        ArrayNode included = node.putArray("includedPaths");
        policy.getIncludedPaths().forEach(path -> included.addObject().put("path", path.getPath()));
        ArrayNode excluded = node.putArray("excludedPaths");
        policy.getExcludedPaths().forEach(path -> excluded.addObject().put("path", path.getPath()));
        if (policy.getCompositeIndexes() != null && !policy.getCompositeIndexes().isEmpty()) {
            ArrayNode composites = node.putArray("compositeIndexes");
            policy.getCompositeIndexes().forEach(index -> {
                ArrayNode paths = composites.addArray();
                index.forEach(path -> paths.addObject().put("path", path.getPath()).put("order",
                        path.getOrder() == CompositePathSortOrder.DESCENDING ? "descending" : "ascending"));
            });
        }
        if (policy.getSpatialIndexes() != null && !policy.getSpatialIndexes().isEmpty()) {
            ArrayNode spatial = node.putArray("spatialIndexes");
            policy.getSpatialIndexes().forEach(spec -> {
                ObjectNode entry = spatial.addObject().put("path", spec.getPath());
                ArrayNode types = entry.putArray("types");
                spec.getSpatialTypes().forEach(type -> types.add(type.toString()));
            });
        }
        return pretty(node);
    }

    /** The first problem with {@code json} as an indexing policy, as a sentence; empty when it can be applied. */
    public static Optional<String> problem(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            return Optional.of("The indexing policy is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return Optional.of("The indexing policy must be a JSON object, e.g. {\"indexingMode\": \"consistent\"}.");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                return Optional.of("\"" + name + "\" is not something CosmosDesk can set in an indexing policy (it"
                        + " knows indexingMode, automatic, includedPaths, excludedPaths, compositeIndexes and"
                        + " spatialIndexes); change it in the Azure portal.");
            }
        }
        if (node.has("indexingMode") && !MODES.contains(node.get("indexingMode").asText().toLowerCase(Locale.ROOT))) {
            return Optional.of("indexingMode is \"consistent\" or \"none\" (lazy indexing is no longer offered).");
        }
        if (node.has("automatic") && !node.get("automatic").isBoolean()) {
            return Optional.of("automatic is true or false.");
        }
        for (String list : List.of("includedPaths", "excludedPaths")) {
            Optional<String> problem = pathsProblem(list, node.get(list));
            if (problem.isPresent()) {
                return problem;
            }
        }
        JsonNode composites = node.get("compositeIndexes");
        if (composites != null) {
            if (!composites.isArray()) {
                return Optional.of("compositeIndexes is a list of lists of {\"path\", \"order\"}.");
            }
            for (int i = 0; i < composites.size(); i++) {
                JsonNode index = composites.get(i);
                if (!index.isArray() || index.size() < 2) {
                    return Optional.of("Composite index " + (i + 1) + " needs at least two paths.");
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode entry : index) {
                    String path = entry.path("path").asText("");
                    if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/*") || path.endsWith("/?")) {
                        return Optional.of("The composite index path \"" + path + "\" must start with / and name a"
                                + " property, without /? or /* at the end.");
                    }
                    if (!seen.add(path)) {
                        return Optional.of("Composite index " + (i + 1) + " names " + path + " twice.");
                    }
                    String order = entry.path("order").asText("ascending");
                    if (!order.equals("ascending") && !order.equals("descending")) {
                        return Optional.of("The order of " + path + " is \"ascending\" or \"descending\".");
                    }
                }
            }
        }
        JsonNode spatial = node.get("spatialIndexes");
        if (spatial != null && !spatial.isArray()) {
            return Optional.of("spatialIndexes is a list of {\"path\", \"types\"}.");
        }
        return Optional.empty();
    }

    private static Optional<String> pathsProblem(String list, JsonNode paths) {
        if (paths == null) {
            return Optional.empty();
        }
        if (!paths.isArray()) {
            return Optional.of(list + " is a list of {\"path\": \"/...\"}.");
        }
        for (JsonNode entry : paths) {
            String path = entry.path("path").asText("");
            if (!path.startsWith("/") || !(path.endsWith("/?") || path.endsWith("/*") || path.equals("/*"))) {
                return Optional.of("The path \"" + path + "\" in " + list + " must start with / and end with /? (one"
                        + " value) or /* (everything below), e.g. /address/*.");
            }
        }
        return Optional.empty();
    }

    /** Reads a policy that passed {@link #problem}; a bad one is refused with its sentence. */
    public static IndexingPolicy parse(String json) {
        problem(json).ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The indexing policy is not valid JSON.");
        }
        IndexingPolicy policy = new IndexingPolicy();
        if (node.hasNonNull("indexingMode")) {
            policy.setIndexingMode(node.get("indexingMode").asText().equalsIgnoreCase("none") ? IndexingMode.NONE
                    : IndexingMode.CONSISTENT);
        }
        if (node.hasNonNull("automatic")) {
            policy.setAutomatic(node.get("automatic").asBoolean(true));
        }
        List<IncludedPath> included = new ArrayList<>();
        node.path("includedPaths").forEach(path -> included.add(new IncludedPath(path.path("path").asText())));
        if (node.has("includedPaths")) {
            policy.setIncludedPaths(included);
        }
        List<ExcludedPath> excluded = new ArrayList<>();
        node.path("excludedPaths").forEach(path -> excluded.add(new ExcludedPath(path.path("path").asText())));
        if (node.has("excludedPaths")) {
            policy.setExcludedPaths(excluded);
        }
        List<List<CompositePath>> composites = new ArrayList<>();
        node.path("compositeIndexes").forEach(index -> {
            List<CompositePath> paths = new ArrayList<>();
            index.forEach(entry -> {
                CompositePath path = new CompositePath();
                path.setPath(entry.path("path").asText());
                path.setOrder(entry.path("order").asText("ascending").equalsIgnoreCase("descending")
                        ? CompositePathSortOrder.DESCENDING : CompositePathSortOrder.ASCENDING);
                paths.add(path);
            });
            composites.add(paths);
        });
        if (!composites.isEmpty()) {
            policy.setCompositeIndexes(composites);
        }
        List<SpatialSpec> spatial = new ArrayList<>();
        node.path("spatialIndexes").forEach(entry -> {
            List<SpatialType> types = new ArrayList<>();
            entry.path("types").forEach(type -> {
                for (SpatialType known : SpatialType.values()) {
                    if (known.toString().equalsIgnoreCase(type.asText())) {
                        types.add(known);
                    }
                }
            });
            SpatialSpec spec = new SpatialSpec();
            spec.setPath(entry.path("path").asText());
            spec.setSpatialTypes(types);
            spatial.add(spec);
        });
        if (!spatial.isEmpty()) {
            policy.setSpatialIndexes(spatial);
        }
        return policy;
    }

    static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson's "(for Array starting at [Source: ...; line: 3, column: 20])" says nothing more to a user
        return line.replaceFirst("\\s*\\(for (Array|Object) starting at .*$", "");
    }
}
