package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ItemQuery;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldFiltersTest {

    private static final FieldPath STATUS = FieldPath.ROOT.child("status");

    @Test
    void valuesAreLiteralsThatCannotChangeTheQuery() {
        assertThat(FieldFilters.equalTo(STATUS, "paid")).isEqualTo("WHERE c.status = \"paid\"");
        String hostile = "x\" OR 1=1 --\\";
        assertThat(FieldFilters.equalTo(STATUS, hostile)).isEqualTo("WHERE c.status = \"x\\\" OR 1=1 --\\\\\"");
        assertThat(FieldFilters.equalTo(STATUS, "line\nbreak")).isEqualTo("WHERE c.status = \"line\\nbreak\"");
        assertThat(FieldFilters.equalTo(STATUS, new BigDecimal("12.50"))).isEqualTo("WHERE c.status = 12.5");
        assertThat(FieldFilters.equalTo(STATUS, true)).isEqualTo("WHERE c.status = true");
        assertThat(FieldFilters.equalTo(STATUS, null)).isEqualTo("WHERE c.status = null");
        assertThat(ItemQuery.filtered(FieldFilters.equalTo(STATUS, hostile)).filterHasOrderBy()).isFalse();
    }

    @Test
    void oddNamesAreBracketedAndEscaped() {
        FieldPath odd = FieldPath.ROOT.child("unit \"price\"").child("amount");
        assertThat(FieldFilters.missing(odd)).isEqualTo("WHERE NOT IS_DEFINED(c[\"unit \\\"price\\\"\"].amount)");
        assertThat(FieldFilters.ofType(FieldPath.ROOT.child("select"), ValueType.DATE))
                .isEqualTo("WHERE IS_STRING(c[\"select\"])");
    }

    @Test
    void fieldsInsideArraysBecomeExists() {
        FieldPath sku = FieldPath.ROOT.child("lines").element().child("sku");
        assertThat(FieldFilters.equalTo(sku, "A-1"))
                .isEqualTo("WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.lines WHERE x0.sku = \"A-1\")");
        FieldPath tag = FieldPath.ROOT.child("groups").element().child("tags").element();
        assertThat(FieldFilters.equalTo(tag, "x")).isEqualTo(
                "WHERE EXISTS(SELECT VALUE x0 FROM x0 IN c.groups JOIN x1 IN x0.tags WHERE x1 = \"x\")");
        assertThat(FieldFilters.between(FieldPath.ROOT.child("n"), 1, 5)).isEqualTo("WHERE c.n >= 1 AND c.n <= 5");
        assertThat(FieldFilters.starterQuery(sku)).isEqualTo(
                "SELECT c.id, x0.sku AS value\nFROM c\nJOIN x0 IN c.lines\nWHERE IS_DEFINED(x0.sku)");
    }
}
