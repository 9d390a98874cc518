package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one path type: every form users type, escaping into queries, and reading items. */
class JsonPathTest {

    private static final JsonPath GRAND_TOTAL = JsonPath.parse("/totals/grandTotal");

    @ParameterizedTest
    @ValueSource(strings = {"/totals/grandTotal", "totals/grandTotal", "totals.grandTotal", "c.totals.grandTotal",
        "c[\"totals\"][\"grandTotal\"]", "c['totals'].grandTotal", "[\"totals\"].grandTotal",
        "  totals.grandTotal  ", "c[ \"totals\" ][\"grandTotal\"]"})
    void everyFormUsersTypeMeansTheSamePath(String typed) {
        assertThat(JsonPath.parse(typed)).isEqualTo(GRAND_TOTAL);
        assertThat(JsonPath.parse(typed).toString()).isEqualTo("/totals/grandTotal");
    }

    @Test
    void bracketsTakeAnyNameAndIndexes() {
        assertThat(JsonPath.parse("[\"a b\"]").segments()).containsExactly("a b");
        assertThat(JsonPath.parse("c[\"a b\"].x").segments()).containsExactly("a b", "x");
        assertThat(JsonPath.parse("['it''s']".replace("''", "\\'")).segments()).containsExactly("it's");
        assertThat(JsonPath.parse("[\"a.b/c\"]").segments()).containsExactly("a.b/c");
        assertThat(JsonPath.parse("[\"say \\\"hi\\\"\"]").segments()).containsExactly("say \"hi\"");
        assertThat(JsonPath.parse("[\"back\\\\slash\"]").segments()).containsExactly("back\\slash");
        assertThat(JsonPath.parse("[\"\\u00e9t\\u00e9\"]").segments()).containsExactly("été");
        assertThat(JsonPath.parse("lineItems[0].sku")).isEqualTo(JsonPath.parse("/lineItems/0/sku"));
        assertThat(JsonPath.parse("c.lineItems[12]").segments()).containsExactly("lineItems", "12");
    }

    @Test
    void aSlashPathKeepsDotsInNamesAndPointerEscapes() {
        assertThat(JsonPath.parse("/totals.grandTotal").segments()).containsExactly("totals.grandTotal");
        assertThat(JsonPath.parse("/a~1b/c~0d").segments()).containsExactly("a/b", "c~d");
        assertThat(JsonPath.parse("/a~1b/c~0d").toString()).isEqualTo("/a~1b/c~0d");
        assertThat(JsonPath.parse("/a b/x").segments()).containsExactly("a b", "x");
        assertThat(JsonPath.parse("customerId").segments()).containsExactly("customerId");
        assertThat(JsonPath.parse("order-id").segments()).containsExactly("order-id");
    }

    @Test
    void namesAreQuotedAndEscapedInQueries() {
        assertThat(JsonPath.parse("[\"o'brien\"]").toSqlExpression()).isEqualTo("c[\"o\\'brien\"]");
        assertThat(JsonPath.parse("[\"say \\\"hi\\\"\"]").toSqlExpression()).isEqualTo("c[\"say \\\"hi\\\"\"]");
        assertThat(JsonPath.parse("/back\\slash").toSqlExpression()).isEqualTo("c[\"back\\\\slash\"]");
        assertThat(JsonPath.parse("c[\"a b\"].x").toSqlExpression()).isEqualTo("c[\"a b\"][\"x\"]");
        assertThat(JsonPath.parse("/a/0/b").toSqlExpression()).isEqualTo("c[\"a\"][0][\"b\"]");
        assertThat(JsonPath.parse("/a/007").toSqlExpression()).isEqualTo("c[\"a\"][\"007\"]");
        assertThat(JsonPath.fromPointer("/line\nbreak").toSqlExpression()).isEqualTo("c[\"line\\u000abreak\"]");
        assertThat(JsonPath.parse("/x\"] OR 1=1 --").toSqlExpression()).isEqualTo("c[\"x\\\"] OR 1=1 --\"]");
    }

    @Test
    void unusablePathsAreRefusedWithASentence() {
        assertThatThrownBy(() -> JsonPath.parse(" ")).hasMessageContaining("/customer/name");
        assertThatThrownBy(() -> JsonPath.parse("c.")).hasMessageContaining("empty level");
        assertThatThrownBy(() -> JsonPath.parse("a..b")).hasMessageContaining("empty level");
        assertThatThrownBy(() -> JsonPath.parse("/a//b")).hasMessageContaining("empty level");
        assertThatThrownBy(() -> JsonPath.parse("[\"a b\"")).hasMessageContaining("no matching ]");
        assertThatThrownBy(() -> JsonPath.parse("[\"a b]")).hasMessageContaining("no closing");
        assertThatThrownBy(() -> JsonPath.parse("a[b]")).hasMessageContaining("quoted name");
        assertThatThrownBy(() -> JsonPath.parse("[\"\"]")).hasMessageContaining("empty level");
        assertThatThrownBy(() -> JsonPath.parse("c[\"a\"]x")).hasMessageContaining("expected . or [");
        assertThatThrownBy(() -> JsonPath.parse("[\"a\\nb\"]")).hasMessageContaining("control character");
        assertThatThrownBy(() -> JsonPath.parse("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q"))
                .hasMessageContaining("at most 16");
    }

    @Test
    void readFollowsObjectsAndArrays() throws Exception {
        JsonNode item = new ObjectMapper().readTree(
                "{\"totals\":{\"grandTotal\":12.5},\"a b\":{\"x\":null},\"list\":[{\"sku\":\"k\"}]}");
        assertThat(JsonPath.parse("totals.grandTotal").read(item).asDouble()).isEqualTo(12.5);
        assertThat(JsonPath.parse("c[\"a b\"].x").read(item).isNull()).isTrue();
        assertThat(JsonPath.parse("c[\"a b\"].y").read(item)).isNull();
        assertThat(JsonPath.parse("list[0].sku").read(item).asText()).isEqualTo("k");
        assertThat(JsonPath.parse("list[3].sku").read(item)).isNull();
        assertThat(JsonPath.parse("x").read(null)).isNull();
    }

    @Test
    void partitionKeyPathsStepThroughObjectsOnly() throws Exception {
        JsonNode item = new ObjectMapper().readTree("{\"a\":[{\"b\":1}],\"t\":{\"id\":\"x\"},\"s/l\":2}");
        assertThat(JsonPath.fromPointer("/t/id").readThroughObjects(item).asText()).isEqualTo("x");
        assertThat(JsonPath.fromPointer("/a/0/b").readThroughObjects(item)).isNull();
        assertThat(JsonPath.fromPointer("/s~1l").readThroughObjects(item).asInt()).isEqualTo(2);
        assertThat(JsonPath.fromPointer("/t/id").segments()).isEqualTo(List.of("t", "id"));
        assertThat(JsonPath.fromPointer("/t/id").pointer().toString()).isEqualTo("/t/id");
        assertThat(JsonPath.of(List.of("a/b", "c~d")).toString()).isEqualTo("/a~1b/c~0d");
        assertThat(JsonPath.of(List.of("a/b", "c~d"))).isEqualTo(JsonPath.parse("[\"a/b\"][\"c~d\"]"));
    }
}
