package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One item as the server returned it (system properties included) and the ETag it was read or written
 * with; the ETag is what the next write sends as {@code If-Match}.
 */
public record ItemVersion(ObjectNode json, String etag) {

    public ItemVersion {
        Objects.requireNonNull(json, "json");
    }

    public String id() {
        return json.path("id").isTextual() ? json.get("id").textValue() : null;
    }
}
