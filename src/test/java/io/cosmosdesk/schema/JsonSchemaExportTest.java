package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.json.Json;
import org.junit.jupiter.api.Test;

/** The JSON Schema the Schema tab and {@code CosmosDesk schema} write, in the VS Code schema analyzer's convention. */
class JsonSchemaExportTest {

    @Test
    void occurrencesPerPropertyAndPerTypeWithTheirRanges() throws Exception {
        SchemaStatistics statistics = new SchemaStatistics();
        for (String item : new String[] {
                "{\"id\":\"a\",\"v\":\"xy\",\"at\":\"2024-01-05T10:00:00Z\",\"ok\":true,\"tags\":[1,2]}",
                "{\"id\":\"b\",\"v\":\"wxyz\",\"at\":\"2024-03-01T00:00:00Z\",\"ok\":false,\"tags\":[]}",
                "{\"id\":\"c\",\"v\":7.5,\"ok\":true}",
                "{\"id\":\"d\",\"v\":null}"}) {
            statistics.add(Json.MAPPER.readTree(item));
        }

        JsonNode schema = JsonSchemaExport.toJsonSchema(statistics.summary(), "retail/orders", "All 4 items.");

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("x-documentsInspected").asLong()).isEqualTo(4);
        JsonNode v = schema.path("properties").path("v");
        assertThat(v.path("x-occurrence").asLong()).isEqualTo(4);
        assertThat(v.path("anyOf")).extracting(entry -> entry.path("type").asText() + ":"
                + entry.path("x-typeOccurrence").asLong()).containsExactlyInAnyOrder("string:2", "number:1", "null:1");
        JsonNode string = find(v, "string");
        assertThat(string.path("x-minLength").asInt()).isEqualTo(2);
        assertThat(string.path("x-maxLength").asInt()).isEqualTo(4);
        assertThat(find(v, "number").path("x-minValue").decimalValue()).isEqualByComparingTo("7.5");
        JsonNode at = schema.path("properties").path("at");
        assertThat(at.path("x-occurrence").asLong()).as("missing is not counted").isEqualTo(2);
        JsonNode date = find(at, "string");
        assertThat(date.path("format").asText()).isEqualTo("date-time");
        assertThat(date.path("x-minDate").asText()).isEqualTo("2024-01-05T10:00:00Z");
        assertThat(date.path("x-maxDate").asText()).isEqualTo("2024-03-01T00:00:00Z");
        JsonNode ok = find(schema.path("properties").path("ok"), "boolean");
        assertThat(ok.path("x-trueCount").asLong()).isEqualTo(2);
        assertThat(ok.path("x-falseCount").asLong()).isEqualTo(1);
        JsonNode tags = find(schema.path("properties").path("tags"), "array");
        assertThat(tags.path("x-minItems").asInt()).isZero();
        assertThat(tags.path("x-maxItems").asInt()).isEqualTo(2);
    }

    private static JsonNode find(JsonNode property, String type) {
        for (JsonNode entry : property.path("anyOf")) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + property);
    }
}
