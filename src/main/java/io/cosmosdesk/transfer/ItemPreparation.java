package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemValidator;
import io.cosmosdesk.editor.ValidationProblem;
import io.cosmosdesk.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the rows of a file into what is sent, applying every rule before anything is written: the service's
 * system properties are dropped, a missing id is generated when asked (the same id for the same row of the same
 * job every time, so a resumed import never makes a second copy), the id and partition key rules of
 * {@link ItemValidator}, 2 MB, and no second row with the same id and key. One instance per pass over a file.
 */
final class ItemPreparation {

    private final List<String> keyPaths;
    private final boolean generateIds;
    private final String idSeed;
    private final DuplicateKeys seen = new DuplicateKeys();

    /**
     * @param idSeed makes generated ids unique to one import job; the job's journal keeps it for a resume
     */
    ItemPreparation(List<String> keyPaths, boolean generateIds, String idSeed) {
        this.keyPaths = List.copyOf(keyPaths);
        this.generateIds = generateIds;
        this.idSeed = idSeed;
    }

    PreparedRow prepare(SourceRow source) {
        if (!source.ok()) {
            return new PreparedRow(source.row(), source.line(), null, null, null, source.problem(),
                    source.lastReadable(), source.text());
        }
        ObjectNode item = source.item();
        for (String property : ItemContent.SYSTEM_PROPERTIES) {
            item.remove(property);
        }
        if (generateIds && needsId(item.get("id"))) {
            ObjectNode withId = JsonNodeFactory.instance.objectNode();
            withId.put("id", generatedId(source.row()));
            item.remove("id");
            withId.setAll(item);
            item = withId;
        }
        String id = item.path("id").isTextual() ? item.get("id").textValue() : null;
        List<ValidationProblem> problems = ItemValidator.checkIdAndKey(item, keyPaths);
        if (!problems.isEmpty()) {
            String sentence = problems.get(0).message();
            if (!generateIds && item.get("id") == null) {
                sentence += " (Or choose to generate ids.)";
            }
            return bad(source, id, item, sentence);
        }
        int bytes = sizeOf(item);
        if (bytes > ItemService.MAX_ITEM_BYTES) {
            return bad(source, id, item, String.format(Locale.ROOT,
                    "the item is %.2f MB; Cosmos DB accepts items up to 2 MB.", bytes / (1024.0 * 1024.0)));
        }
        PartitionKeyValue key = PartitionKeyValue.fromItem(item, keyPaths);
        long first = seen.firstRowOf(id, key.toJsonArray().toString(), source.row());
        if (first >= 0) {
            return bad(source, id, item, "the id \"" + id + "\" with partition key " + key.display()
                    + " is already in row " + first + " of this file; only the first is imported.");
        }
        return new PreparedRow(source.row(), source.line(), id, key, item, null, false);
    }

    private static PreparedRow bad(SourceRow source, String id, ObjectNode item, String problem) {
        return new PreparedRow(source.row(), source.line(), id, null, item, problem, false);
    }

    private static boolean needsId(JsonNode id) {
        return id == null || id.isNull() || id.isTextual() && id.textValue().isBlank();
    }

    /** A name-based UUID of the job's seed and the row: stable across a resume, unique across jobs. */
    String generatedId(long row) {
        return UUID.nameUUIDFromBytes((idSeed + ":" + row).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static int sizeOf(ObjectNode item) {
        try {
            return Json.MAPPER.writeValueAsBytes(item).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
