package io.cosmosdesk.cosmos;

import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.Write;
import com.azure.cosmos.models.CosmosItemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Point operations on single items. Every write is conditional: replace and delete send the ETag the
 * user's copy was read with as {@code If-Match}, so a concurrent change is answered with
 * {@link ErrorKind#CHANGED_BY_SOMEONE_ELSE} instead of being overwritten. Blocking; call through the
 * TaskRunner. Failures are {@link CosmosDeskException}s (see {@link CosmosErrors}).
 */
public class ItemService {

    /** Cosmos DB's limit on an item's size. */
    public static final int MAX_ITEM_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper JSON = Json.MAPPER;

    private final AuditedWrites writes;

    /** {@code writes}: the one audited door every write goes through. */
    public ItemService(AuditedWrites writes) {
        this.writes = java.util.Objects.requireNonNull(writes);
    }

    public AuditedWrites writes() {
        return writes;
    }

    public ItemVersion readItem(ContainerHandle handle, String id, PartitionKeyValue partitionKey) {
        Objects.requireNonNull(id, "id");
        try {
            CosmosItemResponse<ObjectNode> response = handle.container()
                    .readItem(id, partitionKey.toPartitionKey(), ObjectNode.class).block();
            return version(response);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading item '" + id + "' of " + handle, e);
        }
    }

    /** Creates a new item; {@link ErrorKind#CONFLICT} when one with its id exists in its partition. */
    public ItemVersion createItem(ContainerHandle handle, ObjectNode json) {
        return createItem(handle, json, AuditOperation.CREATE);
    }

    /** As {@link #createItem(ContainerHandle, ObjectNode)}, recorded in the audit log as {@code operation}. */
    public ItemVersion createItem(ContainerHandle handle, ObjectNode json, AuditOperation operation) {
        ObjectNode body = writable(handle, operation, json, null, null);
        PartitionKeyValue partitionKey = PartitionKeyValue.fromItem(body, handle.info().partitionKeyPaths());
        try {
            return version(writes.create(handle, operation, body, partitionKey), body);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Creating item '" + idOf(body) + "' in " + handle, e);
        }
    }

    /**
     * Replaces the item with {@code json}'s id and partition key, only if it still has {@code expectedEtag}.
     * Changing an item's id or partition key is not a replace (the caller must create or move instead).
     */
    public ItemVersion replaceItem(ContainerHandle handle, ObjectNode json, String expectedEtag) {
        return replaceItem(handle, json, expectedEtag, null, AuditOperation.REPLACE);
    }

    /**
     * As {@link #replaceItem(ContainerHandle, ObjectNode, String)}; {@code before} is the version
     * {@code expectedEtag} belongs to (the audit log's "before"; null: it is read first), and the write is
     * recorded as {@code operation}.
     */
    public ItemVersion replaceItem(ContainerHandle handle, ObjectNode json, String expectedEtag, ObjectNode before,
            AuditOperation operation) {
        ObjectNode body = writable(handle, operation, json, expectedEtag, before);
        requireEtag(handle, operation, body, expectedEtag, before);
        String id = idOf(body);
        PartitionKeyValue partitionKey = PartitionKeyValue.fromItem(body, handle.info().partitionKeyPaths());
        try {
            return version(writes.replace(handle, operation, body, partitionKey, expectedEtag, before), body);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Saving item '" + id + "' in " + handle, e,
                    Set.of(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        }
    }

    /**
     * The user's explicit "Overwrite" after a conflict: still conditional, on the newest ETag the user
     * was shown ({@code newestEtag}); when the item was deleted meanwhile ({@code newestEtag} null) it is
     * created again, which fails with a conflict if someone recreated it. Never an unconditional write.
     */
    public ItemVersion overwriteItem(ContainerHandle handle, ObjectNode json, String newestEtag) {
        return overwriteItem(handle, json, newestEtag, null);
    }

    /** As {@link #overwriteItem(ContainerHandle, ObjectNode, String)}; {@code newest}: the version shown, or null. */
    public ItemVersion overwriteItem(ContainerHandle handle, ObjectNode json, String newestEtag, ObjectNode newest) {
        if (newestEtag == null) {
            return createItem(handle, json);
        }
        return replaceItem(handle, json, newestEtag, newest, AuditOperation.REPLACE);
    }

    /** Deletes the item only if it still has {@code expectedEtag}. */
    public void deleteItem(ContainerHandle handle, String id, PartitionKeyValue partitionKey, String expectedEtag) {
        deleteItem(handle, id, partitionKey, expectedEtag, null);
    }

    /** As {@link #deleteItem(ContainerHandle, String, PartitionKeyValue, String)}; {@code before} as for replace. */
    public void deleteItem(ContainerHandle handle, String id, PartitionKeyValue partitionKey, String expectedEtag,
            ObjectNode before) {
        if (expectedEtag == null || expectedEtag.isBlank()) {
            throw writes.refused(handle, Write.delete(AuditOperation.DELETE, id, partitionKey, null, before, null),
                    noEtag());
        }
        try {
            writes.delete(handle, AuditOperation.DELETE, id, partitionKey, expectedEtag, before);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Deleting item '" + id + "' of " + handle, e,
                    Set.of(ErrorKind.NOT_FOUND, ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        }
    }

    /** The size Cosmos DB counts: the item's compact UTF-8 JSON. */
    public static int sizeInBytes(ObjectNode item) {
        try {
            return JSON.writeValueAsString(item).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body to send; a body that cannot be sent is refused (and recorded) before anything is sent. */
    private ObjectNode writable(ContainerHandle handle, AuditOperation operation, ObjectNode json, String etag,
            ObjectNode before) {
        ObjectNode body = ItemContent.withoutSystemProperties(json);
        CosmosDeskException problem = null;
        if (!body.path("id").isTextual() || body.get("id").textValue().isEmpty()) {
            problem = new CosmosDeskException(ErrorKind.BAD_REQUEST, "The item needs a non-empty string \"id\".");
        } else {
            int size = sizeInBytes(body);
            if (size > MAX_ITEM_BYTES) {
                problem = new CosmosDeskException(ErrorKind.TOO_LARGE, String.format(java.util.Locale.ROOT,
                        "The item is %.2f MB; Cosmos DB accepts items up to 2 MB. Nothing was sent.",
                        size / (1024.0 * 1024.0)));
            }
        }
        if (problem != null) {
            throw writes.refused(handle, attempted(handle, operation, body, etag, before), problem);
        }
        return body;
    }

    private void requireEtag(ContainerHandle handle, AuditOperation operation, ObjectNode body, String etag,
            ObjectNode before) {
        if (etag == null || etag.isBlank()) {
            // a write without If-Match would be last-writer-wins: refuse rather than risk it
            throw writes.refused(handle, attempted(handle, operation, body, null, before), noEtag());
        }
    }

    private static CosmosDeskException noEtag() {
        return new CosmosDeskException(ErrorKind.BAD_REQUEST,
                "A conditional write needs the ETag the item was read with; nothing was sent.");
    }

    private static Write<Void> attempted(ContainerHandle handle, AuditOperation operation, ObjectNode body,
            String etag, ObjectNode before) {
        PartitionKeyValue key;
        try {
            key = PartitionKeyValue.fromItem(body, handle.info().partitionKeyPaths());
        } catch (RuntimeException e) {
            key = PartitionKeyValue.of();
        }
        String id = body.path("id").asText("");
        return switch (operation.verb()) {
            case REPLACE -> Write.replace(operation, id, key, body, etag, before, null);
            case UPSERT -> Write.upsert(operation, id, key, body, before, null);
            default -> Write.create(operation, id, key, body, null);
        };
    }

    private static String idOf(ObjectNode body) {
        return body.path("id").asText();
    }

    private static ItemVersion version(CosmosItemResponse<ObjectNode> response) {
        return version(response, null);
    }

    private static ItemVersion version(CosmosItemResponse<ObjectNode> response, ObjectNode sent) {
        if (response == null) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "Cosmos DB returned no answer.");
        }
        ObjectNode item = response.getItem();
        if (item == null) {
            // some gateways ignore "content response on write"; what was sent is what is stored
            item = sent == null ? JSON.createObjectNode() : sent.deepCopy();
            if (response.getETag() != null) {
                item.put("_etag", response.getETag());
            }
        }
        String etag = response.getETag() != null ? response.getETag() : item.path("_etag").asText(null);
        return new ItemVersion(item, etag);
    }
}
