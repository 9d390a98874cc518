package io.cosmosdesk.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.scripts.JavaScriptLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaScriptLexerTest {

    private static List<String> kinds(String line) {
        List<String> result = new ArrayList<>();
        for (JavaScriptLexer.Token token : JavaScriptLexer.lex(line)) {
            if (token.kind() != Kind.BLANK) {
                result.add(token.kind() + ":" + line.substring(token.start(), token.start() + token.length()));
            }
        }
        return result;
    }

    @Test
    void keywordsTheServerSideApiStringsNumbersAndComments() {
        assertThat(kinds("var body = getContext().getResponse(); // done")).containsExactly("KEYWORD:var",
                "IDENTIFIER:body", "OPERATOR:=", "API:getContext", "BRACKET:(", "BRACKET:)", "OPERATOR:.",
                "API:getResponse", "BRACKET:(", "BRACKET:)", "OPERATOR:;", "COMMENT:// done");
        assertThat(kinds("if (n > 2.5e3) return 'a';")).contains("NUMBER:2.5e3", "STRING:'a'");
    }

    @Test
    void anEscapedQuoteStaysInsideItsStringAndAnUnclosedStringRunsToTheEnd() {
        assertThat(kinds("s = \"say \\\"hi\\\" (now)\" + `x`")).containsExactly("IDENTIFIER:s", "OPERATOR:=",
                "STRING:\"say \\\"hi\\\" (now)\"", "OPERATOR:+", "STRING:`x`");
        assertThat(kinds("t = 'open ( \\")).containsExactly("IDENTIFIER:t", "OPERATOR:=", "STRING:'open ( \\");
    }

    @Test
    void bracketsOutsideStringsAndCommentsAreMarkedOpenerOrCloser() {
        String line = "f(a[0], '(') /* ) */ {}";
        assertThat(JavaScriptLexer.INSTANCE.brackets(line)).containsExactly(1, 3, -(5 + 1), -(11 + 1), 21, -(22 + 1));
    }

    @Test
    void runsCoverTheWholeLine() {
        String line = "  function go(x) { return x * 2; } /* c */";
        int total = JavaScriptLexer.INSTANCE.runs(line).stream().mapToInt(run -> run.length()).sum();
        assertThat(total).isEqualTo(line.length());
    }

    @Test
    void aBlockCommentsContinuationLineIsAComment() {
        assertThat(kinds("   * the body")).containsExactly("COMMENT:* the body");
    }
}
