package io.cosmosdesk.audit;

import com.azure.cosmos.models.CosmosPatchOperations;
import java.util.Objects;

/**
 * What a {@link Write.Kind#PATCH} sends: the SDK's operations (shared by every item of a bulk patch) and the
 * optional filter predicate the item must satisfy ({@code FROM c WHERE ...}), or null.
 */
public record PatchRequest(CosmosPatchOperations operations, String condition) {

    public PatchRequest {
        Objects.requireNonNull(operations, "operations");
    }
}
