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

    @Test
    void theRowsOfAPageShareOneArrayAndEachIsTheRowItWouldBeAlone() throws Exception {
        List<ObjectNode> items = List.of(
                (ObjectNode) json.readTree("{\"id\":\"o-1\",\"customerId\":\"c\u00e9\",\"total\":12.5,\"lines\":[{\"q\":1}]}"),
                (ObjectNode) json.readTree("{\"customerId\":\"no id\",\"emoji\":\"\ud83d\ude00\",\"n\":null}"),
                (ObjectNode) json.readTree("{\"id\":\"o-3\",\"d\":1.0E300,\"esc\":\"a\\\"b\\\\c\\n\"}"),
                (ObjectNode) json.readTree("{}"));
        List<JsonPath> keyPaths = ItemRow.parsePaths(List.of("/customerId"));
        List<ItemRow> page;
        try (io.cosmosdesk.json.CompactJson compact = new io.cosmosdesk.json.CompactJson()) {
            compact.append(json.readTree("\"left over from another page\""));
            compact.takeAll();
            page = ItemRow.ofPage(items, keyPaths, compact);
            assertThat(ItemRow.ofPage(List.of(), keyPaths, compact)).isEmpty();
        }
        assertThat(page).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            ItemRow alone = ItemRow.of(items.get(i), List.of("/customerId"));
            assertThat(page.get(i).jsonText()).as("row %d", i).isEqualTo(alone.jsonText());
            assertThat(page.get(i).sizeInBytes()).as("row %d", i).isEqualTo(alone.sizeInBytes());
            assertThat(page.get(i).json()).as("row %d", i).isEqualTo(items.get(i));
            assertThat(page.get(i).ref()).as("row %d", i).isEqualTo(alone.ref());
            assertThat(page.get(i).id()).as("row %d", i).isEqualTo(alone.id());
        }
        ObjectNode changed = page.get(0).json();
        changed.put("total", 1);
        assertThat(page.get(0).json()).as("json() is a fresh copy each call").isEqualTo(items.get(0));
        assertThat(page.get(1).json()).isEqualTo(items.get(1));
    }
    /** A page that fails half-way (an item that cannot be written) does not shift the next page's rows (s19 G-L3). */
    @Test
    void aPageThatFailsHalfWayLeavesTheNextPageWhole() throws Exception {
        List<JsonPath> keyPaths = ItemRow.parsePaths(List.of("/customerId"));
        ObjectNode first = (ObjectNode) json.readTree("{\"id\":\"o-1\",\"customerId\":\"c\"}");
        ObjectNode next = (ObjectNode) json.readTree("{\"id\":\"o-2\",\"customerId\":\"d\"}");
        java.util.ArrayList<ObjectNode> broken = new java.util.ArrayList<>();
        broken.add(first);
        broken.add(null);
        try (io.cosmosdesk.json.CompactJson compact = new io.cosmosdesk.json.CompactJson()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemRow.ofPage(broken, keyPaths, compact))
                    .isInstanceOf(NullPointerException.class);
            List<ItemRow> page = ItemRow.ofPage(List.of(next), keyPaths, compact);
            assertThat(page.get(0).jsonText()).isEqualTo(ItemRow.of(next, List.of("/customerId")).jsonText());
        }
    }
}
