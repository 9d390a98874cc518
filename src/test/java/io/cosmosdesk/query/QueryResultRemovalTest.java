package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.CompactJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Dropping deleted items from kept results: right for every result, and without parsing the results that cannot be
 * a deleted item (a Load all keeps 100,000; the drop runs on the UI thread, after deleting one row or a thousand).
 */
class QueryResultRemovalTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonPath> KEY = List.of(JsonPath.fromPointer("/pk"));

    private static List<QueryResult> page(List<JsonNode> values) {
        try (CompactJson compact = new CompactJson()) {
            return QueryResult.ofPage(values, KEY, compact);
        }
    }

    private static List<Boolean> anyOf(List<QueryResult> page, Set<ItemRef> gone) {
        Set<Integer> hashes = QueryResult.idHashes(gone);
        return page.stream().map(r -> r.isAnyOf(gone, hashes)).toList();
    }

    @Test
    void onlyTheDeletedItemGoesAndOtherResultsAreNotParsed() {
        String odd = "q\"uote\\/é\u2028";
        List<QueryResult> page = page(List.of(NODES.objectNode().put("id", "a1").put("pk", "p"),
                NODES.objectNode().put("id", "a2").put("pk", "p"),
                NODES.objectNode().put("id", "b7").put("pk", "p").put("copyOf", "a2"),
                NODES.objectNode().put("id", "a2").put("pk", "other"),
                NODES.textNode("a2"),
                NODES.objectNode().put("id", odd).put("pk", "p")));
        Set<ItemRef> gone = Set.of(new ItemRef("a2", PartitionKeyValue.of("p")), new ItemRef(odd,
                PartitionKeyValue.of("p")));

        assertThat(anyOf(page, gone)).containsExactly(false, true, false, false, false, true);
        assertThat(page.get(0).itemRefKnown()).as("a1 is not a2: not parsed").isFalse();
        assertThat(page.get(2).itemRefKnown()).as("b7 only mentions a2: not parsed").isFalse();
        assertThat(anyOf(page, Set.of())).containsOnly(false);
    }

    @Test
    void aThousandDeletedOfTwentyThousandKeptParsesOnlyThoseThousand() {
        List<JsonNode> values = new ArrayList<>();
        Set<ItemRef> gone = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = String.format("item-%05d", i);
            values.add(NODES.objectNode().put("id", id).put("pk", "p" + i % 7).put("n", i));
            if (i % 20 == 3) {
                gone.add(new ItemRef(id, PartitionKeyValue.of("p" + i % 7)));
            }
        }
        List<QueryResult> page = page(values);

        List<Boolean> dropped = anyOf(page, gone);

        assertThat(dropped.stream().filter(d -> d).count()).isEqualTo(1_000);
        assertThat(page.stream().filter(QueryResult::itemRefKnown).count())
                .as("results parsed to tell whether they were deleted").isEqualTo(1_000);
    }
}
