package io.cosmosdesk.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page converter writes each result exactly as the shared mapper would, one after another. */
class CompactJsonTest {

    @Test
    void everyKindOfValueComesOutAsTheMapperWritesIt() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode item = nodes.objectNode().put("id", "a\"b\\c\u00e9\u2028\n").put("n", 1).put("long", 1L << 40)
                .put("d", 0.1).put("f", 1.5f).put("big", new BigDecimal("14.50")).put("t", true).putNull("none");
        item.set("huge", nodes.numberNode(new BigInteger("123456789012345678901234567890")));
        item.set("nan", nodes.numberNode(Double.NaN));
        item.putArray("lines").add(1).add("x").addObject().putArray("empty");
        item.putObject("nested").putObject("deeper").put("emoji", "\uD83D\uDE00");
        item.set("binary", nodes.binaryNode(new byte[] {1, 2, 3}));
        item.set("pojo", nodes.pojoNode(List.of("p", 1)));
        List<JsonNode> results = new ArrayList<>(List.of(item, nodes.textNode("just text"), nodes.numberNode(42),
                nodes.nullNode(), nodes.booleanNode(false), nodes.arrayNode(), nodes.objectNode()));
        results.add(Json.MAPPER.readTree("{\"id\":\"x\",\"_etag\":\"\\\"0a\\\"\",\"v\":[1.0E300,-0.0,12]}"));
        try (CompactJson compact = new CompactJson()) {
            for (JsonNode result : results) {
                assertThat(new String(compact.bytes(result), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(result),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void oneConverterWritesPageAfterPageEachInAnArrayOfItsOwn() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String large = "x".repeat(300_000);
        try (CompactJson compact = new CompactJson()) {
            for (int page = 0; page < 4; page++) {
                // pages 1 and 2 outgrow the array kept between pages (1 MB), the others fit in the first one
                int items = page == 1 || page == 2 ? 5 : 3;
                StringBuilder expected = new StringBuilder();
                int end = 0;
                for (int i = 0; i < items; i++) {
                    ObjectNode item = nodes.objectNode().put("id", "p" + page + "-" + i)
                            .put("body", page == 1 || page == 2 ? large : "small");
                    String alone = new String(Json.MAPPER.writeValueAsBytes(item), StandardCharsets.UTF_8);
                    end = compact.append(item);
                    expected.append(alone);
                    assertThat(end).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8).length);
                }
                byte[] all = compact.takeAll();
                assertThat(all).hasSize(end);
                assertThat(new String(all, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
            }
            assertThat(compact.takeAll()).isEmpty();
        }
    }
}
