package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.query.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    /** "kind:text" for each non-blank token. */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int covered = 0;
        for (SqlLexer.Token token : SqlLexer.lex(line)) {
            assertThat(token.start()).as("tokens cover the line in order").isEqualTo(covered);
            covered = token.end();
            if (token.kind() != Kind.BLANK) {
                out.add(token.kind() + ":" + line.substring(token.start(), token.end()));
            }
        }
        assertThat(covered).isEqualTo(line.length());
        return out;
    }

    @Test
    void keywordsFunctionsNamesAndNumbers() {
        assertThat(tokens("SELECT TOP 10 c.id, COUNT(1) FROM c WHERE c.qty >= 2.5e3"))
                .containsExactly("KEYWORD:SELECT", "KEYWORD:TOP", "NUMBER:10", "IDENTIFIER:c", "OPERATOR:.",
                        "IDENTIFIER:id", "OPERATOR:,", "FUNCTION:COUNT", "BRACKET:(", "NUMBER:1", "BRACKET:)",
                        "KEYWORD:FROM", "IDENTIFIER:c", "KEYWORD:WHERE", "IDENTIFIER:c", "OPERATOR:.",
                        "IDENTIFIER:qty", "OPERATOR:>", "OPERATOR:=", "NUMBER:2.5e3");
    }

    @Test
    void caseDoesNotMatterButAPropertyAfterADotIsAlwaysAName() {
        assertThat(tokens("select value c.value from c")).containsExactly("KEYWORD:select", "KEYWORD:value",
                "IDENTIFIER:c", "OPERATOR:.", "IDENTIFIER:value", "KEYWORD:from", "IDENTIFIER:c");
        assertThat(tokens("c.left, LEFT(c.name, 2), c.year"))
                .contains("IDENTIFIER:left", "FUNCTION:LEFT", "IDENTIFIER:year");
    }

    @Test
    void aFunctionNameIsAFunctionOnlyWhenCalled() {
        assertThat(tokens("ARRAY_CONTAINS (c.tags, 'x')")).startsWith("FUNCTION:ARRAY_CONTAINS");
        assertThat(tokens("SELECT lower FROM c")).contains("IDENTIFIER:lower");
        assertThat(tokens("StringToArray(@a)")).containsExactly("FUNCTION:StringToArray", "BRACKET:(",
                "PARAMETER:@a", "BRACKET:)");
    }

    @Test
    void stringsWithBothQuotesAndEscapes() {
        assertThat(tokens("c.name = 'O\\'Brien' OR c[\"a b\"] = \"x -- y\""))
                .containsExactly("IDENTIFIER:c", "OPERATOR:.", "IDENTIFIER:name", "OPERATOR:=",
                        "STRING:'O\\'Brien'", "KEYWORD:OR", "IDENTIFIER:c", "BRACKET:[", "STRING:\"a b\"",
                        "BRACKET:]", "OPERATOR:=", "STRING:\"x -- y\"");
    }

    @Test
    void anUnterminatedStringEndsWithItsLine() {
        assertThat(tokens("WHERE c.a = 'abc")).endsWith("STRING:'abc");
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        assertThat(tokens("SELECT * -- all of it (really)")).containsExactly("KEYWORD:SELECT", "OPERATOR:*",
                "COMMENT:-- all of it (really)");
        assertThat(tokens("c.a - -1")).containsExactly("IDENTIFIER:c", "OPERATOR:.", "IDENTIFIER:a",
                "OPERATOR:-", "OPERATOR:-", "NUMBER:1");
    }

    @Test
    void parameters() {
        assertThat(tokens("c.customerId = @customer_1 AND @ x")).contains("PARAMETER:@customer_1", "OPERATOR:@");
    }

    @Test
    void bracketsOutsideStringsAndComments() {
        assertThat(SqlLexer.INSTANCE.brackets("f(a[0], '(') -- )")).containsExactly(1, 3, -(5 + 1), -(11 + 1));
    }

    @Test
    void runsCarryTheCssClassesAndBlanksHaveNone() {
        List<io.cosmosdesk.editor.LineLexer.Run> runs = SqlLexer.INSTANCE.runs("SELECT  @p");
        assertThat(runs).extracting(io.cosmosdesk.editor.LineLexer.Run::styleClass)
                .containsExactly("sql-keyword", null, "sql-parameter");
        assertThat(runs).extracting(io.cosmosdesk.editor.LineLexer.Run::length).containsExactly(6, 2, 2);
    }

    @Test
    void everyDocumentedFunctionIsKnownInAnyCase() {
        assertThat(SqlVocabulary.FUNCTIONS).hasSizeGreaterThan(130).doesNotHaveDuplicates();
        assertThat(SqlVocabulary.isFunction("st_distance")).isTrue();
        assertThat(SqlVocabulary.isFunction("VECTORDISTANCE")).isTrue();
        assertThat(SqlVocabulary.isFunction("select")).isFalse();
        assertThat(SqlVocabulary.isKeyword("Offset")).isTrue();
    }

    @Test
    void theErrorMarkUnderlinesTheTokenAtTheColumn() {
        assertThat(SqlCodeArea.errorSpan("SELECT * FORM c", 9)).containsExactly(9, 13);
        assertThat(SqlCodeArea.errorSpan("SELECT * FORM c", 11)).containsExactly(9, 13);
        // on a blank: the token after it; at the end of the line: the last token
        assertThat(SqlCodeArea.errorSpan("SELECT *  FORM", 8)).containsExactly(10, 14);
        assertThat(SqlCodeArea.errorSpan("SELECT c.", 9)).containsExactly(8, 9);
        assertThat(SqlCodeArea.errorSpan("SELECT   ", 9)).containsExactly(0, 6);
        assertThat(SqlCodeArea.errorSpan("", 0)).containsExactly(0, 0);
    }
}
