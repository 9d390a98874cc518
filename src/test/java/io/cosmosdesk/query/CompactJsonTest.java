package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    void aPageOfResultsSharesOneArrayAndEachResultIsWhatItWouldBeAlone() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<io.cosmosdesk.cosmos.JsonPath> keyPaths = List.of(io.cosmosdesk.cosmos.JsonPath.fromPointer("/customerId"));
        List<JsonNode> values = List.of(nodes.objectNode().put("id", "o1").put("customerId", "c\u00e9").put("n", 1),
                nodes.textNode("a projection"), nodes.objectNode().put("id", 7), nodes.numberNode(1.5),
                nodes.objectNode().put("id", "o2"), nodes.objectNode());
        List<QueryResult> page;
        try (CompactJson compact = new CompactJson()) {
            compact.append(nodes.textNode("left over from another page"));
            compact.takeAll();
            page = QueryResult.ofPage(values, keyPaths, compact);
            assertThat(QueryResult.ofPage(List.of(), keyPaths, compact)).isEmpty();
        }
        assertThat(page).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            QueryResult alone = QueryResult.ofParsed(values.get(i), keyPaths);
            assertThat(page.get(i).jsonText()).isEqualTo(alone.jsonText());
            assertThat(page.get(i).sizeInBytes()).isEqualTo(alone.sizeInBytes());
            assertThat(page.get(i).json()).isEqualTo(values.get(i));
            assertThat(page.get(i).itemRef()).isEqualTo(alone.itemRef());
            assertThat(page.get(i).itemRef()).isEqualTo(alone.itemRef()); // asked again: the same, from its cache
        }
        assertThat(page.get(0).itemRef()).contains(new io.cosmosdesk.cosmos.ItemRef("o1",
                io.cosmosdesk.cosmos.PartitionKeyValue.of("c\u00e9")));
        assertThat(page.get(1).itemRef()).isEmpty();
        assertThat(page.get(2).itemRef()).isEmpty();
    }
}
