package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Live changes tab keeps per row and per item version is compact JSON, not Jackson trees (each young
 * collection copied every tree's dozens of objects: G1 pauses of 60-186 ms at 2,000 changes a second), and reading a
 * field from it answers as reading the tree did.
 */
class CompactRowsTest {

    @Test
    void rowsAndTheTrackersVersionsHoldNoJsonTree() throws Exception {
        for (Class<?> kept : List.of(ChangeRow.class, Class.forName(ChangeTracker.class.getName() + "$Seen"))) {
            assertThat(Arrays.stream(kept.getRecordComponents()).map(RecordComponent::getType))
                    .as("the components of %s", kept.getSimpleName())
                    .noneMatch(JsonNode.class::isAssignableFrom);
        }
    }

    @Test
    void aVersionTrackedAgainIsComparedWithTheOneKept() {
        ChangeTracker tracker = new ChangeTracker(List.of("/pk"));
        ObjectNode first = Json.MAPPER.createObjectNode().put("id", "a").put("pk", "p").put("status", "open");
        ChangeRow created = tracker.track(first);
        first.put("status", "changed after it was tracked"); // the tab keeps what the feed gave, not a live tree
        ChangeRow updated = tracker.track(
                Json.MAPPER.createObjectNode().put("id", "a").put("pk", "p").put("status", "paid"));
        assertThat(created.body().path("status").asText()).isEqualTo("open");
        assertThat(updated.summary()).isEqualTo("status: \"open\" → \"paid\"");
    }

    @Test
    void aFieldReadFromTheCompactFormIsWhatTheTreeSays() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree("{\"id\":\"a\",\"skip\":{\"deep\":[1,{\"x\":2}]},"
                + "\"status\":\"open\",\"n\":null,\"total\":12.5,\"lines\":[{\"sku\":\"s1\"},{\"sku\":\"s2\"}],"
                + "\"customer\":{\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]},\"0\":\"zero\"}");
        ChangeRow row = new ChangeRow(1, null, "a", PartitionKeyValue.of("p"), ChangeRow.Kind.NEW, "new", body, 10);
        for (String path : List.of("status", "n", "total", "lines[1].sku", "lines[2].sku", "lines", "customer.name",
                "customer.tags[0]", "customer", "missing", "status.deeper", "customer.name.more", "skip.deep[1].x",
                "/0", "/lines/0/sku", "/lines/01")) {
            JsonPath parsed = JsonPath.parse(path);
            assertThat(row.field(parsed)).as(path).isEqualTo(parsed.read(body));
        }
    }
}
