package io.cosmosdesk.cosmos;

import com.azure.cosmos.models.CosmosItemRequestOptions;
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
        handle.connection().requireWritable();
        ObjectNode body = writable(json);
        PartitionKeyValue partitionKey = PartitionKeyValue.fromItem(body, handle.info().partitionKeyPaths());
        try {
            CosmosItemResponse<ObjectNode> response = handle.container()
                    .createItem(body, partitionKey.toPartitionKey(), options(null)).block();
            return version(response, body);
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Creating item '" + idOf(body) + "' in " + handle, e);
        }
    }

    /**
     * Replaces the item with {@code json}'s id and partition key, only if it still has {@code expectedEtag}.
     * Changing an item's id or partition key is not a replace (the caller must create or move instead).
     */
    public ItemVersion replaceItem(ContainerHandle handle, ObjectNode json, String expectedEtag) {
        handle.connection().requireWritable();
        requireEtag(expectedEtag);
        ObjectNode body = writable(json);
        String id = idOf(body);
        PartitionKeyValue partitionKey = PartitionKeyValue.fromItem(body, handle.info().partitionKeyPaths());
        try {
            CosmosItemResponse<ObjectNode> response = handle.container()
                    .replaceItem(body, id, partitionKey.toPartitionKey(), options(expectedEtag)).block();
            return version(response, body);
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
        if (newestEtag == null) {
            return createItem(handle, json);
        }
        return replaceItem(handle, json, newestEtag);
    }

    /** Deletes the item only if it still has {@code expectedEtag}. */
    public void deleteItem(ContainerHandle handle, String id, PartitionKeyValue partitionKey, String expectedEtag) {
        handle.connection().requireWritable();
        requireEtag(expectedEtag);
        try {
            handle.container().deleteItem(id, partitionKey.toPartitionKey(), options(expectedEtag)).block();
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

    private static ObjectNode writable(ObjectNode json) {
        ObjectNode body = ItemContent.withoutSystemProperties(json);
        if (!body.path("id").isTextual() || body.get("id").textValue().isEmpty()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The item needs a non-empty string \"id\".");
        }
        int size = sizeInBytes(body);
        if (size > MAX_ITEM_BYTES) {
            throw new CosmosDeskException(ErrorKind.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "The item is %.2f MB; Cosmos DB accepts items up to 2 MB. Nothing was sent.",
                    size / (1024.0 * 1024.0)));
        }
        return body;
    }

    private static void requireEtag(String etag) {
        if (etag == null || etag.isBlank()) {
            // a write without If-Match would be last-writer-wins: refuse rather than risk it
            throw new IllegalArgumentException("A conditional write needs the ETag the item was read with");
        }
    }

    private static CosmosItemRequestOptions options(String ifMatch) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        options.setContentResponseOnWriteEnabled(true);
        if (ifMatch != null) {
            options.setIfMatchETag(ifMatch);
        }
        return options;
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
