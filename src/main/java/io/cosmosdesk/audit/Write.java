package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Objects;

/**
 * One operation for {@link AuditedWrites#bulk} or {@link AuditedWrites#each}: a write (recorded in the audit
 * log) or a read (not recorded; bulk reads share the SDK's bulk door with writes).
 *
 * @param operation what the write is for; null only for a {@link Kind#READ}
 * @param body what to write (create, replace, upsert); null for reads and deletes
 * @param ifMatch the ETag the write is conditional on, or null
 * @param before the item before the write as the caller knows it (replace, delete); null when there is none
 * @param context the caller's own tag, handed back with the result
 * @param patch a {@link Kind#PATCH}'s operations and condition; null for every other kind (a patch's {@code body}
 *        is the item as the caller expects it after the patch, for the log)
 */
public record Write<T>(Kind kind, AuditOperation operation, String id, PartitionKeyValue key, ObjectNode body,
        String ifMatch, ObjectNode before, T context, PatchRequest patch) {

    public enum Kind { CREATE, REPLACE, UPSERT, DELETE, READ, PATCH }

    public Write {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (kind != Kind.READ && operation == null) {
            throw new IllegalArgumentException("A write needs the operation it is recorded as");
        }
        if ((kind == Kind.PATCH) != (patch != null)) {
            throw new IllegalArgumentException("A patch, and only a patch, carries patch operations");
        }
    }

    public static <T> Write<T> create(AuditOperation operation, String id, PartitionKeyValue key, ObjectNode body,
            T context) {
        return new Write<>(Kind.CREATE, operation, id, key, body, null, null, context, null);
    }

    public static <T> Write<T> upsert(AuditOperation operation, String id, PartitionKeyValue key, ObjectNode body,
            ObjectNode before, T context) {
        return new Write<>(Kind.UPSERT, operation, id, key, body, null, before, context, null);
    }

    public static <T> Write<T> replace(AuditOperation operation, String id, PartitionKeyValue key, ObjectNode body,
            String ifMatch, ObjectNode before, T context) {
        return new Write<>(Kind.REPLACE, operation, id, key, body, ifMatch, before, context, null);
    }

    public static <T> Write<T> delete(AuditOperation operation, String id, PartitionKeyValue key, String ifMatch,
            ObjectNode before, T context) {
        return new Write<>(Kind.DELETE, operation, id, key, null, ifMatch, before, context, null);
    }

    public static <T> Write<T> read(String id, PartitionKeyValue key, T context) {
        return new Write<>(Kind.READ, null, id, key, null, null, null, context, null);
    }

    /**
     * A partial update (patch) of the item, only if it still has {@code ifMatch} and satisfies the request's
     * condition; {@code expectedAfter} is the item as the caller computed it (the log's "after").
     */
    public static <T> Write<T> patch(AuditOperation operation, String id, PartitionKeyValue key,
            PatchRequest patch, String ifMatch, ObjectNode before, ObjectNode expectedAfter, T context) {
        return new Write<>(Kind.PATCH, operation, id, key, expectedAfter, ifMatch, before, context,
                Objects.requireNonNull(patch, "patch"));
    }
}
