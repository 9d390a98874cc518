package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.json.CompactJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results of a page share one array written by the page's converter; each is what it would be alone. */
class QueryResultPageTest {

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
