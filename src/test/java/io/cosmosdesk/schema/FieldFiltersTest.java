package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.cosmos.ItemQuery;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldFiltersTest {

    private static final FieldPath STATUS = FieldPath.ROOT.child("status");

    @Test
    void valuesAreParametersThatCannotChangeTheQuery() {
        assertThat(FieldFilters.equalTo(STATUS, "paid")).isEqualTo(GridFilter.of("WHERE c.status = @v",
                new GridFilter.Parameter("@v", "paid")));
        String hostile = "x\" OR 1=1 --\\";
        GridFilter filter = FieldFilters.equalTo(STATUS, hostile);
        assertThat(filter.text()).isEqualTo("WHERE c.status = @v");
        assertThat(filter.parameters()).containsExactly(new GridFilter.Parameter("@v", hostile));
        assertThat(FieldFilters.equalTo(STATUS, "line\nbreak").parameters().get(0).value()).isEqualTo("line\nbreak");
        assertThat(FieldFilters.equalTo(STATUS, new BigDecimal("12.50")).parameters().get(0).value())
                .isEqualTo(new BigDecimal("12.50"));
        assertThat(FieldFilters.equalTo(STATUS, true).parameters().get(0).value()).isEqualTo(true);
        assertThat(FieldFilters.equalTo(STATUS, null)).as("null is no value of the data: it stays in the text")
                .isEqualTo(GridFilter.of("WHERE c.status = null"));
        assertThat(ItemQuery.filtered(filter).filterHasOrderBy()).isFalse();
        assertThat(ItemQuery.filtered(filter).toSqlQuerySpec().getQueryText()).doesNotContain("OR 1=1");
    }

    @Test
    void oddNamesAreBracketedAndEscaped() {
        FieldPath odd = FieldPath.ROOT.child("unit \"price\"").child("amount");
        assertThat(FieldFilters.missing(odd).text())
                .isEqualTo("WHERE NOT IS_DEFINED(c[\"unit \\\"price\\\"\"].amount)");
        assertThat(FieldFilters.ofType(FieldPath.ROOT.child("select"), ValueType.DATE).text())
                .isEqualTo("WHERE IS_STRING(c[\"select\"])");
    }

    @Test
    void fieldsInsideArraysBecomeExists() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        assertThat(FieldFilters.equalTo(sku, "A-1")).isEqualTo(GridFilter.of(
                "WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = @v)",
                new GridFilter.Parameter("@v", "A-1")));
        FieldPath tag = FieldPath.ROOT.child("groups").element().child("tags").element();
        assertThat(FieldFilters.equalTo(tag, "x").text()).isEqualTo(
                "WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.groups JOIN x1 IN x0.tags WHERE x1 = @v)");
        assertThat(FieldFilters.between(FieldPath.ROOT.child("n"), 1, 5)).isEqualTo(GridFilter.of(
                "WHERE c.n >= @from AND c.n <= @to", new GridFilter.Parameter("@from", 1),
                new GridFilter.Parameter("@to", 5)));
        assertThat(FieldFilters.starterQuery(sku)).isEqualTo(
                "SELECT c.id, x0.sku AS value\nFROM c\nJOIN x0 IN c.lines\nWHERE IS_DEFINED(x0.sku)");
    }
}
