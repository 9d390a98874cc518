package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's rows made by one {@link ItemRow.Maker} are the rows {@link ItemRow#of} makes, byte for byte. */
class ItemRowMakerTest {

    private static ObjectNode item(String json) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }

    @Test
    void makesTheSameRowsAsOfForEveryItemOfAPage() throws Exception {
        List<ObjectNode> page = List.of(
                item("{\"id\":\"a\",\"tenant\":{\"id\":\"t1\"},\"n\":1.50,\"big\":12345678901234567890,\"s\":\"é ✓ \\\"q\\\"\"}"),
                item("{\"id\":\"b\",\"tenant\":{\"id\":7},\"list\":[1,{\"x\":null},[true,false]],\"empty\":{}}"),
                item("{\"id\":\"c\"}"), // no key value: the key reads as missing
                item("{\"tenant\":{\"id\":\"t2\"},\"no\":\"id\"}"),
                item("{\"id\":\"e\",\"tenant\":{\"id\":null},\"deep\":{\"a\":{\"b\":{\"c\":[\"" + "x".repeat(5_000) + "\"]}}}}"));
        List<String> keyPaths = List.of("/tenant/id");
        ItemRow.Maker maker = new ItemRow.Maker(keyPaths);
        for (ObjectNode item : page) {
            ItemRow made = maker.make(item);
            ItemRow expected = ItemRow.of(item, keyPaths);
            assertThat(made.jsonText()).isEqualTo(expected.jsonText());
            assertThat(made.id()).isEqualTo(expected.id());
            assertThat(made.partitionKey()).isEqualTo(expected.partitionKey());
            assertThat(made.ref()).isEqualTo(expected.ref());
            assertThat(made.json()).isEqualTo(item);
        }
    }

    @Test
    void readsHierarchicalKeysAsOfDoes() throws Exception {
        ObjectNode item = item("{\"id\":\"x\",\"t\":\"t1\",\"u\":{\"v\":\"d7\"},\"w\":3}");
        List<String> keyPaths = List.of("/t", "/u/v", "/w");
        ItemRow made = new ItemRow.Maker(keyPaths).make(item);
        assertThat(made.partitionKey()).isEqualTo(ItemRow.of(item, keyPaths).partitionKey());
    }
}
