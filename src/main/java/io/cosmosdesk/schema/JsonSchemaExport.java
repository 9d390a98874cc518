package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * A sample's figures as a JSON Schema (draft 2020-12) in the convention of the VS Code Cosmos DB extension's schema
 * analyzer: {@code x-documentsInspected} at the top (and on every object type: the objects looked at); per property
 * {@code x-occurrence} (the objects that have it) and {@code anyOf} with one entry per type, each with
 * {@code x-typeOccurrence} and its ranges ({@code x-minLength}/{@code x-maxLength}, {@code x-minValue}/
 * {@code x-maxValue}, {@code x-minDate}/{@code x-maxDate}, {@code x-minItems}/{@code x-maxItems},
 * {@code x-trueCount}/{@code x-falseCount}). Dates and GUIDs are strings with {@code format} date-time and uuid.
 */
public final class JsonSchemaExport {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemaExport() {
    }

    /** @param title e.g. the container, {@code retail/orders}; @param howDrawn how the sample was picked */
    public static ObjectNode toJsonSchema(SchemaSummary summary, String title, String howDrawn) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("x-documentsInspected", summary.itemsInspected());
        if (title != null) {
            schema.put("title", title);
        }
        if (howDrawn != null) {
            schema.put("description", "Sampled by CosmosDesk: " + howDrawn);
        }
        schema.put("type", "object");
        schema.set("properties", properties(summary.fields()));
        return schema;
    }

    private static ObjectNode properties(List<FieldSummary> fields) {
        ObjectNode properties = Json.MAPPER.createObjectNode();
        for (FieldSummary field : fields) {
            if (FieldPath.isElement(last(field))) {
                continue;
            }
            ObjectNode property = properties.putObject(last(field));
            property.put("x-occurrence", field.occurrences());
            property.set("anyOf", typeEntries(field));
        }
        return properties;
    }

    private static String last(FieldSummary field) {
        List<String> steps = field.path().steps();
        return steps.get(steps.size() - 1);
    }

    private static ArrayNode typeEntries(FieldSummary field) {
        ArrayNode anyOf = Json.MAPPER.createArrayNode();
        for (TypeSummary type : field.types()) {
            ObjectNode entry = anyOf.addObject();
            entry.put("type", type.type().jsonType());
            entry.put("x-dataType", type.type().label());
            entry.put("x-typeOccurrence", type.count());
            if (type.type() == ValueType.DATE) {
                entry.put("format", "date-time");
            } else if (type.type() == ValueType.GUID) {
                entry.put("format", "uuid");
            }
            if (type.strings() != null) {
                entry.put("x-minLength", type.strings().minLength());
                entry.put("x-maxLength", type.strings().maxLength());
            }
            if (type.numbers() != null) {
                if (type.numbers().min() != null) {
                    entry.put("x-minValue", type.numbers().min());
                    entry.put("x-maxValue", type.numbers().max());
                }
            }
            if (type.dates() != null) {
                entry.put("x-minDate", Instant.ofEpochMilli(type.dates().minMillis()).toString());
                entry.put("x-maxDate", Instant.ofEpochMilli(type.dates().maxMillis()).toString());
            }
            if (type.booleans() != null) {
                entry.put("x-trueCount", type.booleans().trueCount());
                entry.put("x-falseCount", type.booleans().falseCount());
            }
            if (type.arrays() != null) {
                entry.put("x-minItems", type.arrays().minLength());
                entry.put("x-maxItems", type.arrays().maxLength());
                field.children().stream().filter(child -> FieldPath.isElement(last(child))).findFirst()
                        .ifPresent(element -> entry.putObject("items").set("anyOf", typeEntries(element)));
            }
            if (type.type() == ValueType.OBJECT) {
                entry.put("x-documentsInspected", type.count());
                entry.set("properties", properties(field.children()));
            }
        }
        return anyOf;
    }
}
