package io.cosmosdesk.manage;

import com.azure.cosmos.models.ComputedProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A container's computed properties as a JSON list of {@code {"name": ..., "query": "SELECT VALUE ... FROM c"}},
 * checked with the service's rules (at most 20, unique names, no system property names, the query's form).
 */
public final class ComputedPropertiesJson {

    static final int MAXIMUM = 20;
    private static final Set<String> RESERVED = Set.of("id", "_rid", "_ts", "_etag", "_self", "_attachments", "ttl");
    private static final Pattern QUERY = Pattern.compile("(?is)\\s*SELECT\\s+VALUE\\s+\\S.*\\bFROM\\s+\\w+\\s*");

    private ComputedPropertiesJson() {
    }

    public static String format(Collection<ComputedProperty> properties) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        if (properties != null) {
            properties.forEach(p -> list.addObject().put("name", p.getName()).put("query", p.getQuery()));
        }
        return IndexingPolicyJson.pretty(list);
    }

    /** The first problem as a sentence; empty when the list can be applied. Blank text means none. */
    public static Optional<String> problem(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.of("The computed properties are not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): "
                    + IndexingPolicyJson.firstLine(e.getOriginalMessage()));
        }
        if (!node.isArray()) {
            return Optional.of("The computed properties are a JSON list: [{\"name\": \"cp_lower\", \"query\":"
                    + " \"SELECT VALUE LOWER(c.name) FROM c\"}].");
        }
        if (node.size() > MAXIMUM) {
            return Optional.of("A container can have at most " + MAXIMUM + " computed properties.");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode entry : node) {
            String name = entry.path("name").asText("");
            String query = entry.path("query").asText("");
            if (!entry.isObject() || name.isBlank() || query.isBlank()) {
                return Optional.of("Each computed property needs a \"name\" and a \"query\".");
            }
            if (RESERVED.contains(name)) {
                return Optional.of("\"" + name + "\" is a system property name; a computed property needs another.");
            }
            if (!names.add(name)) {
                return Optional.of("The computed property \"" + name + "\" is defined twice.");
            }
            if (!QUERY.matcher(query).matches()) {
                return Optional.of("The query of \"" + name + "\" must read SELECT VALUE <expression> FROM c.");
            }
        }
        return Optional.empty();
    }

    public static List<ComputedProperty> parse(String json) {
        problem(json).ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        List<ComputedProperty> properties = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return properties;
        }
        try {
            Json.MAPPER.readTree(json).forEach(entry -> properties.add(new ComputedProperty(
                    entry.get("name").asText(), entry.get("query").asText())));
        } catch (JsonProcessingException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The computed properties are not valid JSON.");
        }
        return properties;
    }
}
