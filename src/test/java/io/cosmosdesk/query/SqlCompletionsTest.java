package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCompletionsTest {

    private static final List<JsonPath> PATHS = FieldPaths.of(items(
            "{\"id\":\"1\",\"_rid\":\"x\",\"_etag\":\"e\",\"customer\":{\"name\":\"A\",\"address\":{\"city\":\"Lyon\","
                    + "\"zip\":\"69001\"}},\"lines\":[{\"sku\":\"S1\",\"qty\":2}],\"value\":3,\"a b\":1,"
                    + "\"tags\":[\"x\",\"y\"]}",
            "{\"id\":\"2\",\"customer\":{\"name\":\"B\",\"vip\":true},\"lines\":[{\"sku\":\"S2\",\"price\":9.5}]}"));

    private static List<JsonNode> items(String... json) {
        return java.util.Arrays.stream(json).map(text -> {
            try {
                return Json.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Completes at the '|' of {@code text}. */
    private static SqlCompletions.Result at(String text, boolean explicit) {
        int caret = text.indexOf('|');
        return SqlCompletions.complete(text.replace("|", ""), caret, PATHS, explicit);
    }

    private static List<String> labels(SqlCompletions.Result result) {
        return result.items().stream().map(Completion::label).toList();
    }

    /** The text after accepting the first completion. */
    private static String accept(String text) {
        SqlCompletions.Result result = at(text, false);
        Completion first = result.items().get(0);
        String plain = text.replace("|", "");
        int caret = text.indexOf('|');
        return plain.substring(0, first.replaceFrom()) + first.insertText() + plain.substring(caret);
    }

    @Test
    void sampledItemsGiveSortedDistinctPathsWithArrayElementsAndNoSystemProperties() {
        assertThat(PATHS).extracting(path -> String.join(".", path.segments())).containsExactly(
                "a b", "customer", "customer.address", "customer.address.city", "customer.address.zip",
                "customer.name", "customer.vip", "id", "lines", "lines.[].price", "lines.[].qty", "lines.[].sku",
                "tags", "value");
    }

    @Test
    void afterTheAliasAndADotEveryFieldPathShallowFirst() {
        assertThat(labels(at("SELECT * FROM c WHERE c.|", false))).containsExactly("a b", "customer", "id",
                "lines", "tags", "value", "customer.address", "customer.name", "customer.vip",
                "customer.address.city", "customer.address.zip");
    }

    @Test
    void typingFiltersPrefixFirstThenWordsInside() {
        assertThat(labels(at("SELECT * FROM c WHERE c.ci|", false))).containsExactly("customer.address.city");
        assertThat(labels(at("SELECT * FROM c WHERE c.cu|", false))).first().isEqualTo("customer");
        assertThat(labels(at("SELECT c.customer.a| FROM c", false))).containsExactly("address", "address.city",
                "address.zip");
    }

    @Test
    void aJoinAliasCompletesTheFieldsOfTheArraysElements() {
        assertThat(labels(at("SELECT l.| FROM c JOIN l IN c.lines", false))).containsExactly("price", "qty",
                "sku");
        assertThat(labels(at("SELECT VALUE x.| FROM x IN c.lines", false))).contains("sku");
        assertThat(labels(at("SELECT c.lines[0].| FROM c", false))).containsExactly("price", "qty", "sku");
    }

    @Test
    void anAliasNamedInFromIsTheItemAndOthersGetNothing() {
        assertThat(labels(at("SELECT o.custo| FROM orders o", false))).first().isEqualTo("customer");
        assertThat(labels(at("SELECT r.i| FROM root AS r", false))).containsExactly("id");
        assertThat(at("SELECT z.| FROM c", false).isEmpty()).isTrue();
        // before FROM is written, whatever alias is typed stands for the item
        assertThat(labels(at("SELECT c.i|", false))).containsExactly("id");
    }

    @Test
    void namesThatAreKeywordsOrNotIdentifiersAreInsertedInBrackets() {
        assertThat(accept("SELECT c.val| FROM c")).isEqualTo("SELECT c[\"value\"] FROM c");
        assertThat(accept("SELECT c.a| FROM c")).isEqualTo("SELECT c[\"a b\"] FROM c");
        assertThat(accept("SELECT c.customer.address.c| FROM c")).isEqualTo("SELECT c.customer.address.city FROM c");
        assertThat(accept("SELECT c.ci| FROM c")).isEqualTo("SELECT c.customer.address.city FROM c");
    }

    @Test
    void keywordsFunctionsAndAliasesElsewhere() {
        SqlCompletions.Result result = at("SELECT * FROM c WHERE ARRAY_CONT|", false);
        assertThat(labels(result)).containsExactly("ARRAY_CONTAINS", "ARRAY_CONTAINS_ALL", "ARRAY_CONTAINS_ANY");
        assertThat(result.items().get(0).insertText()).isEqualTo("ARRAY_CONTAINS()");
        assertThat(result.items().get(0).caretBack()).isEqualTo(1);
        assertThat(labels(at("SELECT * FROM c WHERE contains|", false))).first().isEqualTo("CONTAINS");
        assertThat(labels(at("SELECT * FROM c WHERE contains|", false))).contains("ARRAY_CONTAINS",
                "CONTAINS_ANY_CI");
        assertThat(labels(at("SELECT * FROM c ord|", false))).containsExactly("ORDER");
        assertThat(labels(at("SELECT * FROM orders o WHERE |", true))).contains("o", "AND", "COUNT");
    }

    @Test
    void nothingInStringsCommentsParametersOrOnAnEmptyWordUnlessAsked() {
        assertThat(at("SELECT * FROM c WHERE c.name = 'c.|", false).isEmpty()).isTrue();
        assertThat(at("SELECT * FROM c -- c.|", false).isEmpty()).isTrue();
        assertThat(at("SELECT * FROM c WHERE c.id = @i|", false).isEmpty()).isTrue();
        assertThat(at("SELECT * FROM c WHERE |", false).isEmpty()).isTrue();
        assertThat(at("SELECT TOP 1|", false).isEmpty()).isTrue();
        assertThat(at("SELECT * FROM c WHERE c.name = 'x' AND c.|", false).isEmpty()).isFalse();
    }

    @Test
    void aFinishedWordOffersNothing() {
        assertThat(at("SELECT * FROM c ORDER|", false).isEmpty()).isTrue();
    }

    @Test
    void rankingOrder() {
        assertThat(CompletionRanking.rankOf("customer.address.city", "city")).isEqualTo(2);
        assertThat(CompletionRanking.rankOf("StringToArray", "array")).isEqualTo(2);
        assertThat(CompletionRanking.rankOf("ARRAY_CONTAINS", "contains")).isEqualTo(2);
        assertThat(CompletionRanking.rankOf("customer", "stom")).isEqualTo(3);
        // inside a word: fields only, three letters or more
        assertThat(labels(at("SELECT c.ress| FROM c", false))).containsExactly("customer.address",
                "customer.address.city", "customer.address.zip");
        assertThat(labels(at("SELECT c.re| FROM c", false))).isEmpty();
        assertThat(labels(at("SELECT * FROM c WHERE tains|", false))).isEmpty();
        assertThat(CompletionRanking.rankOf("customer", "cust")).isEqualTo(1);
        assertThat(CompletionRanking.rankOf("customer", "xyz")).isEqualTo(Integer.MAX_VALUE);
    }
}
