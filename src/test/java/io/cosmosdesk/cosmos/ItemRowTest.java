package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row made with the key paths parsed once per query is the row made from the container's path strings. */
class ItemRowTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRowFromPathsParsedOnceIsTheRowFromThePathStrings() throws Exception {
        ObjectNode item = (ObjectNode) json.readTree("""
                {"id":"o-1","s":"a","n":42,"d":2.0,"b":true,"z":null,"customer":{"id":"c-7"},"a/b":"slash",
                 "tenant":"t1","user":{"id":9}}""");
        List<List<String>> keys = List.of(List.of("/s"), List.of("/n"), List.of("/d"), List.of("/b"), List.of("/z"),
                List.of("/nope"), List.of("/customer/id"), List.of("/customer/nope/deeper"), List.of("/a~1b"),
                List.of("/tenant", "/user/id"), List.of("/tenant", "/user/id", "/nope"));
        for (List<String> paths : keys) {
            ItemRow fromStrings = ItemRow.of(item, paths);
            ItemRow fromParsed = ItemRow.ofParsed(item, ItemRow.parsePaths(paths));
            assertThat(fromParsed.ref()).as("%s", paths).isEqualTo(fromStrings.ref());
            assertThat(fromParsed.partitionKey().components()).as("%s", paths)
                    .isEqualTo(fromStrings.partitionKey().components());
            assertThat(fromParsed.jsonText()).isEqualTo(fromStrings.jsonText());
        }
        assertThat(ItemRow.ofParsed(item, ItemRow.parsePaths(List.of("/tenant", "/user/id"))).partitionKey()
                .components()).containsExactly("t1", 9L);
        assertThat(ItemRow.ofParsed(item, ItemRow.parsePaths(List.of("/a~1b"))).partitionKey().components())
                .containsExactly("slash");
        assertThat(ItemRow.ofParsed(item, ItemRow.parsePaths(List.of("/nope"))).partitionKey().components())
                .containsExactly(PartitionKeyValue.MISSING);
    }

    @Test
    void anItemWithoutAnIdGetsAnEmptyOne() throws Exception {
        ObjectNode item = (ObjectNode) json.readTree("{\"pk\":\"p\"}");
        assertThat(ItemRow.ofParsed(item, ItemRow.parsePaths(List.of("/pk"))).id()).isEmpty();
    }
}
