package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionKeyValueTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsEveryKindOfValueAndTellsNullFromMissing() throws Exception {
        ObjectNode item = (ObjectNode) json.readTree("""
                {"id":"1","s":"a","n":42,"d":1.5,"b":true,"z":null,"customer":{"id":"c-7"}}""");
        assertThat(PartitionKeyValue.fromItem(item, List.of("/s")).components()).containsExactly("a");
        assertThat(PartitionKeyValue.fromItem(item, List.of("/n")).components()).containsExactly(42L);
        assertThat(PartitionKeyValue.fromItem(item, List.of("/d")).components()).containsExactly(1.5);
        assertThat(PartitionKeyValue.fromItem(item, List.of("/b")).components()).containsExactly(true);
        assertThat(PartitionKeyValue.fromItem(item, List.of("/z")).components()).containsExactly((Object) null);
        assertThat(PartitionKeyValue.fromItem(item, List.of("/nope")).components())
                .containsExactly(PartitionKeyValue.MISSING);
        assertThat(PartitionKeyValue.fromItem(item, List.of("/customer/id")).display()).isEqualTo("\"c-7\"");
        assertThat(PartitionKeyValue.of((Object) null)).isNotEqualTo(PartitionKeyValue.of(PartitionKeyValue.MISSING));
    }

    @Test
    void theJournalCodecRoundTripsEveryKindOfComponent() throws Exception {
        PartitionKeyValue value = PartitionKeyValue.of("a", 42, 1.5, 2.0, true, null, PartitionKeyValue.MISSING);
        assertThat(value.toJsonArray().toString()).isEqualTo("[\"a\",42,1.5,2.0,true,null,{\"missing\":true}]");
        PartitionKeyValue back = PartitionKeyValue.fromJsonArray(json.readTree(value.toJsonArray().toString()));
        assertThat(back).isEqualTo(value);
        assertThat(back.components().get(1)).isInstanceOf(Long.class);
        assertThat(back.components().get(3)).isInstanceOf(Double.class);
        assertThat(PartitionKeyValue.fromJsonArray(json.readTree("[{\"missing\":false}]")).components().get(0))
                .isNotSameAs(PartitionKeyValue.MISSING);
    }

    @Test
    void pathsWithEscapedSlashesAndTildesAreReadAndWritten() throws Exception {
        ObjectNode item = (ObjectNode) json.readTree("{\"a/b\":{\"c~d\":\"x\"}}");
        assertThat(PartitionKeyValue.fromItem(item, List.of("/a~1b/c~0d")).components()).containsExactly("x");
        PartitionKeyValue.of("y").writeInto(item, List.of("/a~1b/c~0d"));
        assertThat(item.get("a/b").get("c~d").asText()).isEqualTo("y");
    }

    @Test
    void convertsToTheSdkKey() {
        assertThat(PartitionKeyValue.of(PartitionKeyValue.MISSING).toPartitionKey()).isEqualTo(PartitionKey.NONE);
        assertThat(PartitionKeyValue.of("a").toPartitionKey()).isEqualTo(new PartitionKey("a"));
        assertThat(PartitionKeyValue.of(42).toPartitionKey()).isEqualTo(new PartitionKey(42L));
        assertThat(PartitionKeyValue.of("t", "d", "2026-11-24").toPartitionKey()).isEqualTo(
                new com.azure.cosmos.models.PartitionKeyBuilder().add("t").add("d").add("2026-11-24").build());
        assertThatThrownBy(() -> PartitionKeyValue.of("t", null).toPartitionKey())
                .isInstanceOf(CosmosDeskException.class);
    }

    @Test
    void writesIntoAnItemIncludingNestedAndMissing() throws Exception {
        ObjectNode item = (ObjectNode) json.readTree("{\"id\":\"1\",\"status\":\"open\"}");
        PartitionKeyValue.of("c-9").writeInto(item, List.of("/customer/id"));
        assertThat(item.at("/customer/id").asText()).isEqualTo("c-9");
        PartitionKeyValue.of(PartitionKeyValue.MISSING).writeInto(item, List.of("/status"));
        assertThat(item.has("status")).isFalse();
        PartitionKeyValue.of((Object) null).writeInto(item, List.of("/status"));
        assertThat(item.get("status").isNull()).isTrue();
    }

    @Test
    void readsTypedJsonAsTheItemAndTheJournalCodecDo() {
        PartitionKeyValue levels = PartitionKeyValue.of("t", 7, 2.5);
        assertThat(PartitionKeyValue.fromJson(levels.toJsonArray().toString())).isEqualTo(levels);
        assertThat(PartitionKeyValue.fromJson("7").components().get(0)).isInstanceOf(Long.class);
        assertThat(PartitionKeyValue.fromJson("2.0").components().get(0)).isInstanceOf(Double.class);
        assertThat(PartitionKeyValue.fromJson("null")).isEqualTo(PartitionKeyValue.of((Object) null));
        assertThatThrownBy(() -> PartitionKeyValue.fromJson("{\"missing\":true}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
