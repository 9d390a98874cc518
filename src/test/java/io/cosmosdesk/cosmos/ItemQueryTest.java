package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query text built from UI fields: paths quoted and escaped, values parameterized, typed filters as typed. */
class ItemQueryTest {

    @Test
    void pathsBecomeQuotedBracketExpressions() {
        assertThat(JsonPath.parse("/customer/name").toSqlExpression()).isEqualTo("c[\"customer\"][\"name\"]");
        assertThat(JsonPath.parse("lineItems/0/sku").toSqlExpression()).isEqualTo("c[\"lineItems\"][0][\"sku\"]");
        assertThat(JsonPath.parse("c.customer.name")).isEqualTo(JsonPath.parse("/customer/name"));
        assertThat(JsonPath.parse("/a~1b/x\"] OR 1=1 --").toSqlExpression())
                .isEqualTo("c[\"a/b\"][\"x\\\"] OR 1=1 --\"]");
        assertThat(JsonPath.parse("/back\\slash").toSqlExpression()).isEqualTo("c[\"back\\\\slash\"]");
        assertThat(JsonPath.parse("/größe/東京").toString()).isEqualTo("/größe/東京");
    }

    @Test
    void unusablePathsAreRefusedWithASentence() {
        assertThatThrownBy(() -> JsonPath.parse("")).hasMessageContaining("/customer/name");
        assertThatThrownBy(() -> JsonPath.parse("/a//b")).hasMessageContaining("empty level");
        assertThatThrownBy(() -> JsonPath.parse("/a\nb")).hasMessageContaining("control character");
    }

    @Test
    void readTellsMissingFromNull() throws Exception {
        var item = new ObjectMapper().readTree("{\"a\":{\"b\":null,\"list\":[{\"x\":1}]}}");
        assertThat(JsonPath.parse("/a/b").read(item).isNull()).isTrue();
        assertThat(JsonPath.parse("/a/c").read(item)).isNull();
        assertThat(JsonPath.parse("/a/list/0/x").read(item).asInt()).isEqualTo(1);
        assertThat(JsonPath.parse("/a/list/5/x").read(item)).isNull();
    }

    @Test
    void typedFiltersRunAsTypedAfterTheFixedPrefix() {
        assertThat(ItemQuery.filtered("WHERE c.status = 'paid'").toSqlQuerySpec().getQueryText())
                .isEqualTo("SELECT * FROM c WHERE c.status = 'paid'");
        assertThat(ItemQuery.filtered("  c.status = 'paid' ; ").filter()).isEqualTo("WHERE c.status = 'paid'");
        assertThat(ItemQuery.filtered("select * from c where c.n > 1").filter()).isEqualTo("where c.n > 1");
        assertThat(ItemQuery.filtered("ORDER BY c._ts DESC").filter()).isEqualTo("ORDER BY c._ts DESC");
        assertThat(ItemQuery.all().toSqlQuerySpec().getQueryText()).isEqualTo("SELECT * FROM c");
    }

    @Test
    void columnSortAddsOrderByUnlessTheFilterHasOne() {
        ItemQuery.Sort byName = new ItemQuery.Sort(JsonPath.parse("/customer/name"), true);
        assertThat(ItemQuery.filtered("WHERE c.n > 1").withSort(byName).toSqlQuerySpec().getQueryText())
                .isEqualTo("SELECT * FROM c WHERE c.n > 1 ORDER BY c[\"customer\"][\"name\"] DESC");
        ItemQuery ordered = ItemQuery.filtered("WHERE c.n > 1 ORDER BY c.n").withSort(byName);
        assertThat(ordered.effectiveSort()).isNull();
        assertThat(ordered.toSqlQuerySpec().getQueryText()).isEqualTo("SELECT * FROM c WHERE c.n > 1 ORDER BY c.n");
        assertThat(ItemQuery.filtered("WHERE c.note = 'order by me'").filterHasOrderBy()).isFalse();
    }

    @Test
    void countLeavesOutTheOrderBy() {
        assertThat(ItemQuery.filtered("WHERE c.n > 1 ORDER BY c.n DESC").toCountSpec().getQueryText())
                .isEqualTo("SELECT VALUE COUNT(1) FROM c WHERE c.n > 1");
        assertThat(ItemQuery.all().toCountSpec().getQueryText()).isEqualTo("SELECT VALUE COUNT(1) FROM c");
    }

    @Test
    void fieldConditionsAreParameterized() {
        ItemQuery query = new ItemQuery("", null, List.of(
                new ItemQuery.Condition(JsonPath.parse("/customerId"), "o'brien\" OR 1=1"),
                new ItemQuery.Condition(JsonPath.parse("/n"), 5),
                new ItemQuery.Condition(JsonPath.parse("/gone"), null)));
        SqlQuerySpec spec = query.toSqlQuerySpec();
        assertThat(spec.getQueryText())
                .isEqualTo("SELECT * FROM c WHERE c[\"customerId\"] = @p0 AND c[\"n\"] = @p1 AND c[\"gone\"] = null");
        assertThat(spec.getParameters()).extracting(p -> p.getName()).containsExactly("@p0", "@p1");
        assertThat(spec.getParameters().get(0).getValue(Object.class)).isEqualTo("o'brien\" OR 1=1");
        assertThatThrownBy(() -> new ItemQuery("WHERE c.x = 1", null, query.conditions()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
