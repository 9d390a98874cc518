package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    private static final String TWO = "SELECT * FROM c WHERE c.a = ';'\n;\nSELECT VALUE COUNT(1) FROM c";

    @Test
    void theStatementUnderTheCaretIsRunSemicolonsInStringsDoNotSeparate() {
        QueryText.Statement first = QueryText.statementAt(TWO, 3);
        assertThat(first.text()).isEqualTo("SELECT * FROM c WHERE c.a = ';'");
        assertThat(first.offset()).isZero();
        QueryText.Statement second = QueryText.statementAt(TWO, TWO.length() - 2);
        assertThat(second.text()).isEqualTo("SELECT VALUE COUNT(1) FROM c");
        assertThat(second.offset()).isEqualTo(TWO.indexOf("SELECT VALUE"));
    }

    @Test
    void aBlankLineSeparatesStatementsAndTheCaretOnItTakesTheOneBefore() {
        String text = "SELECT * FROM c\nWHERE c.n > 1\n\n  \nSELECT c.id FROM c";
        assertThat(QueryText.statementAt(text, 5).text()).isEqualTo("SELECT * FROM c\nWHERE c.n > 1");
        assertThat(QueryText.statementAt(text, text.indexOf("\n\n") + 1).text())
                .isEqualTo("SELECT * FROM c\nWHERE c.n > 1");
        assertThat(QueryText.statementAt(text, text.length()).text()).isEqualTo("SELECT c.id FROM c");
        // the caret just after a ';' still means the statement it ends
        assertThat(QueryText.statementAt("SELECT 1;", 9).text()).isEqualTo("SELECT 1");
        assertThat(QueryText.statementAt("   \n\nSELECT 2", 0).text()).isEqualTo("SELECT 2");
    }

    @Test
    void aSelectionRunsAsItIs() {
        String text = "SELECT * FROM c WHERE c.n > 1";
        QueryText.Statement selected = QueryText.toRun(text, 0, 9, 15);
        assertThat(selected.text()).isEqualTo("FROM c");
        assertThat(selected.offset()).isEqualTo(9);
        assertThat(QueryText.toRun(text, 3, 4, 4).text()).isEqualTo(text);
        assertThat(QueryText.toRun(text, 3, 6, 7).text()).as("a blank selection is no selection").isEqualTo(text);
    }

    @Test
    void parametersAreFoundOnceOutsideStringsAndComments() {
        assertThat(QueryText.parameterNames("SELECT * FROM c WHERE c.a = @a AND c.b = '@notme' -- @nor\n"
                + "AND c.c IN (@b, @a) AND c.d = @_x1")).containsExactly("@a", "@b", "@_x1");
    }

    @Test
    void wholeItemsAreSelectStarAndSelectValueOfTheContainer() {
        assertThat(QueryText.returnsWholeItems("SELECT * FROM c")).isTrue();
        assertThat(QueryText.returnsWholeItems("select top 10 * from orders o where o.n > 1 order by o.n")).isTrue();
        assertThat(QueryText.returnsWholeItems("SELECT VALUE c FROM c WHERE c.a = 'JOIN'")).isTrue();
        assertThat(QueryText.returnsWholeItems("SELECT VALUE r FROM root r OFFSET 0 LIMIT 5")).isTrue();
        assertThat(QueryText.returnsWholeItems("-- all\nSELECT *\nFROM c")).isTrue();

        assertThat(QueryText.returnsWholeItems("SELECT c.id FROM c")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT VALUE c.customer FROM c")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT VALUE COUNT(1) FROM c")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT * FROM c JOIN t IN c.tags")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT * FROM t IN c.tags")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT VALUE x FROM c")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT DISTINCT VALUE c FROM c")).isFalse();
        assertThat(QueryText.returnsWholeItems("SELECT c.city, COUNT(1) FROM c GROUP BY c.city")).isFalse();
    }
}
