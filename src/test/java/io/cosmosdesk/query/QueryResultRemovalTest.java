package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Dropping deleted items from kept results: right for every result, and without parsing the results whose text
 * cannot hold a deleted id (a Load all keeps 100,000; the drop runs on the UI thread).
 */
class QueryResultRemovalTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonPath> KEY = List.of(JsonPath.fromPointer("/pk"));

    private static List<QueryResult> page(JsonNode... values) {
        try (CompactJson compact = new CompactJson()) {
            return QueryResult.ofPage(List.of(values), KEY, compact);
        }
    }

    @Test
    void onlyTheDeletedItemGoesAndResultsWithoutItsIdAreNotParsed() {
        List<QueryResult> page = page(NODES.objectNode().put("id", "a1").put("pk", "p"),
                NODES.objectNode().put("id", "a2").put("pk", "p"),
                NODES.objectNode().put("id", "b7").put("pk", "p").put("copyOf", "a2"),
                NODES.objectNode().put("id", "a2").put("pk", "other"),
                NODES.textNode("a2"));
        Set<ItemRef> gone = Set.of(new ItemRef("a2", PartitionKeyValue.of("p")));
        List<byte[]> quoted = QueryResult.quoted(gone);

        assertThat(page.stream().map(r -> r.isAnyOf(gone, quoted)).toList())
                .containsExactly(false, true, false, false, false);
        assertThat(page.get(0).itemRefKnown()).as("a1's text holds no \"a2\": not parsed").isFalse();
        assertThat(page.get(2).itemRefKnown()).as("b7 mentions \"a2\": parsed to be sure").isTrue();
    }

    @Test
    void idsJsonMayEscapeDifferentlyAreFoundByParsing() {
        String odd = "q\"uote\\/é\u2028";
        List<QueryResult> page = page(NODES.objectNode().put("id", odd).put("pk", "p"),
                NODES.objectNode().put("id", "plain").put("pk", "p"));
        Set<ItemRef> gone = Set.of(new ItemRef(odd, PartitionKeyValue.of("p")));
        List<byte[]> quoted = QueryResult.quoted(gone);

        assertThat(quoted).isNull();
        assertThat(page.stream().map(r -> r.isAnyOf(gone, quoted)).toList()).containsExactly(true, false);
        assertThat(page.get(0).isAnyOf(Set.of(), List.of())).isFalse();
    }
}
