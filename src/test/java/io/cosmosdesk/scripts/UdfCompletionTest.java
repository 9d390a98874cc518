package io.cosmosdesk.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.query.Completion;
import io.cosmosdesk.query.FieldPathSource;
import io.cosmosdesk.query.SqlCompletions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query completion offers the container's user-defined functions after "udf.", and only there. */
class UdfCompletionTest {

    private static final List<JsonPath> PATHS = List.of(JsonPath.of(List.of("total")),
            JsonPath.of(List.of("customer", "name")), JsonPath.of(List.of(FieldPathSource.UDF, "withTax")),
            JsonPath.of(List.of(FieldPathSource.UDF, "discount")));

    private static List<String> offered(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return SqlCompletions.complete(textWithCaret.replace("|", ""), caret, PATHS, true).items().stream()
                .map(Completion::label).toList();
    }

    @Test
    void afterUdfDotTheFunctionsAreOffered() {
        assertThat(offered("SELECT udf.| FROM c")).containsExactlyInAnyOrder("withTax", "discount");
        assertThat(offered("SELECT VALUE udf.wi| FROM c")).containsExactly("withTax");
        Completion withTax = SqlCompletions.complete("SELECT VALUE udf.wi FROM c", 19, PATHS, true).items().get(0);
        assertThat(withTax.kind()).isEqualTo(Completion.Kind.FUNCTION);
        assertThat(withTax.insertText()).isEqualTo("withTax()");
        assertThat(withTax.caretBack()).as("the caret goes between the brackets").isEqualTo(1);
    }

    @Test
    void fieldsOfAnAliasDoNotIncludeTheFunctions() {
        assertThat(offered("SELECT c.| FROM c")).contains("total", "customer.name")
                .doesNotContain("withTax", "discount").noneMatch(label -> label.startsWith(FieldPathSource.UDF));
    }
}
