package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The one home of the system-property list and of "numbers equal by value". */
class ItemContentTest {

    private final ObjectMapper doubles = new ObjectMapper();
    private final ObjectMapper decimals = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    @Test
    void numbersCountByValueWhereverTheyAreNested() throws Exception {
        assertThat(ItemContent.equalByValue(doubles.readTree("{\"a\":[1,{\"b\":14.5}]}"),
                decimals.readTree("{\"a\":[1.0,{\"b\":14.50}]}"))).isTrue();
        assertThat(ItemContent.equalByValue(doubles.readTree("{\"a\":1}"), doubles.readTree("{\"a\":1.5}"))).isFalse();
        assertThat(ItemContent.equalByValue(doubles.readTree("{\"a\":1}"), doubles.readTree("{\"a\":\"1\"}")))
                .isFalse();
        assertThat(ItemContent.equalByValue(null, null)).isTrue();
        assertThat(ItemContent.equalByValue(doubles.readTree("{}"), null)).isFalse();
    }

    @Test
    void systemPropertiesAreStrippedFromACopy() throws Exception {
        ObjectNode item = (ObjectNode) doubles.readTree("{\"id\":\"1\",\"_rid\":\"r\",\"_self\":\"s\",\"_etag\":\"e\","
                + "\"_ts\":1,\"_attachments\":\"a\",\"_lsn\":2,\"_mine\":3}");
        assertThat(ItemContent.withoutSystemProperties(item).toString()).isEqualTo("{\"id\":\"1\",\"_mine\":3}");
        assertThat(item.has("_etag")).isTrue();
    }
}
