package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import org.junit.jupiter.api.Test;

class FieldDiffTest {

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String diff(String before, String after) {
        return FieldDiff.summary(FieldDiff.between(json(before), json(after)));
    }

    @Test
    void namesChangedAddedAndRemovedFieldsNestedObjectsFieldByField() {
        assertThat(diff("{\"a\":1,\"o\":{\"x\":1,\"y\":2},\"gone\":true}", "{\"a\":2,\"o\":{\"x\":1,\"y\":3},\"new\":[1,2]}"))
                .isEqualTo("a: 1 → 2 · o.y: 2 → 3 · +new: [2 items] · −gone");
    }

    @Test
    void numbersCountByValueAndSystemPropertiesAreNotCompared() {
        assertThat(diff("{\"a\":1,\"_etag\":\"x\",\"_ts\":1,\"_lsn\":4}", "{\"a\":1.0,\"_etag\":\"y\",\"_ts\":2,\"_lsn\":9}"))
                .isEqualTo("same fields as before (written or read again)");
    }

    @Test
    void longValuesAndManyFieldsAreShortened() {
        String longText = "x".repeat(100);
        assertThat(diff("{}", "{\"t\":\"" + longText + "\"}")).isEqualTo("+t: \"" + "x".repeat(38) + "…");
        assertThat(diff("{}", "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1}"))
                .endsWith(" · +2 more");
    }

    @Test
    void namesWithDotsUseThePointerForm() {
        assertThat(diff("{\"a.b\":1}", "{\"a.b\":2}")).isEqualTo("/a.b: 1 → 2");
    }
}
