package io.cosmosdesk.patch;

import com.azure.cosmos.models.CosmosPatchOperations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.PatchRequest;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bulk patch's request: up to ten operations (Cosmos DB's limit per item) and an optional condition, a filter
 * predicate such as {@code FROM c WHERE c.status = 'open'} that each item must satisfy when it is patched.
 */
public record PatchSpec(List<PatchOp> operations, String condition) {

    /** Cosmos DB accepts at most this many operations in one patch. */
    public static final int MAX_OPERATIONS = 10;
    private static final Pattern PREDICATE = Pattern.compile("^FROM\\s+c(\\s+WHERE\\s+\\S.*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public PatchSpec {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("Add at least one operation.");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new IllegalArgumentException("Cosmos DB applies at most " + MAX_OPERATIONS
                    + " operations in one patch; this has " + operations.size() + ".");
        }
        condition = condition == null || condition.isBlank() ? null : condition.strip();
        if (condition != null && !PREDICATE.matcher(condition).matches()) {
            throw new IllegalArgumentException(
                    "Write the condition as a filter predicate: FROM c WHERE c.status = 'open'.");
        }
    }

    /**
     * Refuses operations Cosmos DB refuses for every item of this container, before anything is read: system
     * properties, the id, and the partition key (a patch cannot move an item to another partition).
     */
    public void requireAllowedFor(List<String> partitionKeyPaths) {
        for (PatchOp op : operations) {
            check(op.path(), partitionKeyPaths);
            if (op.from() != null) {
                check(op.from(), partitionKeyPaths);
            }
        }
    }

    private static void check(JsonPath path, List<String> partitionKeyPaths) {
        String first = path.segments().get(0);
        if (first.startsWith("_")) {
            throw new IllegalArgumentException(path + " is a system property: Cosmos DB does not patch it.");
        }
        if (path.segments().size() == 1 && first.equals("id")) {
            throw new IllegalArgumentException("The id cannot be patched: it names the item.");
        }
        for (String keyPath : partitionKeyPaths) {
            List<String> key = JsonPath.fromPointer(keyPath).segments();
            List<String> segments = path.segments();
            boolean overlaps = segments.size() <= key.size()
                    ? key.subList(0, segments.size()).equals(segments)
                    : segments.subList(0, key.size()).equals(key);
            if (overlaps) {
                throw new IllegalArgumentException(path + " is (or holds) the partition key " + keyPath
                        + ": a patch cannot change it. Move the items instead.");
            }
        }
    }

    /** The request the audit door sends: the SDK's operations, shared by every item. */
    public PatchRequest toRequest() {
        CosmosPatchOperations sdk = CosmosPatchOperations.create();
        for (PatchOp op : operations) {
            String path = op.path().toString();
            switch (op.kind()) {
                case SET -> sdk.set(path, op.value());
                case ADD -> sdk.add(path, op.value());
                case REPLACE -> sdk.replace(path, op.value());
                case REMOVE -> sdk.remove(path);
                case INCREMENT -> {
                    if (op.value().isIntegralNumber()) {
                        sdk.increment(path, op.value().asLong());
                    } else {
                        sdk.increment(path, op.value().asDouble());
                    }
                }
                case MOVE -> sdk.move(op.from().toString(), path);
            }
        }
        return new PatchRequest(sdk, condition);
    }

    /** The condition's WHERE part ({@code c.status = 'open'}), or null when there is none or it has none. */
    public String conditionWhere() {
        if (condition == null) {
            return null;
        }
        java.util.regex.Matcher where = Pattern.compile("^FROM\\s+c\\s+WHERE\\s+", Pattern.CASE_INSENSITIVE)
                .matcher(condition);
        return where.find() ? condition.substring(where.end()) : null;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode list = node.putArray("operations");
        operations.forEach(op -> list.add(op.toJson()));
        if (condition != null) {
            node.put("condition", condition);
        }
        return node;
    }

    public static PatchSpec fromJson(JsonNode node) {
        List<PatchOp> ops = new ArrayList<>();
        node.path("operations").forEach(op -> ops.add(PatchOp.fromJson(op)));
        return new PatchSpec(ops, node.hasNonNull("condition") ? node.get("condition").asText() : null);
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (PatchOp op : operations) {
            text.append(text.isEmpty() ? "" : "; ").append(op.describe());
        }
        return condition == null ? text.toString() : text + " (if " + condition + ")";
    }
}
