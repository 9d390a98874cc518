package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridFilterTest {

    private static final GridFilter.Parameter V = new GridFilter.Parameter("@v", "S\"2\\ é");

    @Test
    void onlyTheNamesTheTextUsesCountAndAreSent() {
        GridFilter filter = GridFilter.of("WHERE c.sku = @v AND c.n > @n", V, new GridFilter.Parameter("@n", 3),
                new GridFilter.Parameter("@gone", true));
        assertThat(filter.referenced()).extracting(GridFilter.Parameter::name).containsExactly("@v", "@n");
        assertThat(filter.toSqlParameters()).extracting(SqlParameter::getName).containsExactly("@v", "@n");
        assertThat(filter.withText("WHERE c.sku = @v").referenced()).containsExactly(V);
        assertThat(filter.withText("WHERE c.sku = \"@v\" -- @v").referenced()).as("inside a string or a comment")
                .isEmpty();
        assertThat(filter.withText("WHERE c.sku = @v2").referenced()).as("another name that starts alike").isEmpty();
        assertThat(filter.withoutUnused().parameters()).extracting(GridFilter.Parameter::name)
                .containsExactly("@v", "@n");
    }

    @Test
    void inliningWritesTheValueAsAnEscapedLiteral() {
        GridFilter filter = GridFilter.of("WHERE c.sku = @v OR c.alt = @v OR c.note = \"@v\"", V);
        String literal = "\"S\\\"2\\\\ é\"";
        assertThat(filter.inlined()).isEqualTo("WHERE c.sku = " + literal + " OR c.alt = " + literal
                + " OR c.note = \"@v\"");
        GridFilter edited = filter.inline("@v");
        assertThat(edited.text()).isEqualTo(filter.inlined());
        assertThat(edited.parameters()).isEmpty();
        assertThat(GridFilter.of("WHERE c.n = @n", new GridFilter.Parameter("@n", new BigDecimal("12.50")))
                .inlined()).isEqualTo("WHERE c.n = 12.5");
    }

    @Test
    void describedWithTheValuesItUses() {
        assertThat(GridFilter.of("WHERE c.sku = @v", V).describe())
                .isEqualTo("WHERE c.sku = @v  (@v = \"S\\\"2\\\\ é\")");
        assertThat(GridFilter.of("WHERE c.sku = 1", V).describe()).isEqualTo("WHERE c.sku = 1");
    }

    @Test
    void namesAndValuesAreChecked() {
        assertThatThrownBy(() -> new GridFilter.Parameter("v", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GridFilter.Parameter("@v", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GridFilter.of("x", V, V)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theItemQuerySendsTheValuesAsParametersAndKeepsThemThroughASort() {
        ItemQuery query = ItemQuery.filtered(GridFilter.of("c.sku = @v ORDER BY c.n", V,
                new GridFilter.Parameter("@unused", 1)))
                .withSort(new ItemQuery.Sort(JsonPath.parse("/n"), true));
        SqlQuerySpec spec = query.toSqlQuerySpec();
        assertThat(spec.getQueryText()).isEqualTo("SELECT * FROM c WHERE c.sku = @v ORDER BY c.n");
        assertThat(spec.getParameters()).extracting(SqlParameter::getName).containsExactly("@v");
        assertThat(spec.getParameters().get(0).getValue(Object.class)).isEqualTo("S\"2\\ é");
        SqlQuerySpec count = query.toCountSpec();
        assertThat(count.getQueryText()).isEqualTo("SELECT VALUE COUNT(1) FROM c WHERE c.sku = @v");
        assertThat(count.getParameters()).extracting(SqlParameter::getName).containsExactly("@v");
        assertThat(query.parameters()).as("only those the text uses are kept").containsExactly(V);
        assertThat(query.describe()).isEqualTo("WHERE c.sku = @v ORDER BY c.n  (@v = \"S\\\"2\\\\ é\")");
        assertThat(query).isNotEqualTo(ItemQuery.filtered(GridFilter.of("c.sku = @v ORDER BY c.n",
                new GridFilter.Parameter("@v", "other"))).withSort(query.sort()));
    }
}
