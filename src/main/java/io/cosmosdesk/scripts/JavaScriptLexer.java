package io.cosmosdesk.scripts;

import io.cosmosdesk.editor.LineLexer;
import io.cosmosdesk.editor.LineScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Colours one line of a server-side script: keywords, the server-side API's names, strings, numbers, comments and
 * brackets. Lines are lexed on their own (the editor colours only the lines on screen), so a block comment is
 * coloured where it starts and ends on one line, and a line that starts with {@code *} or {@code /*} counts as a
 * comment line (the usual way a block comment goes on); a template string spanning lines is not followed.
 * Regular expressions are not told apart from division. Pure and thread-safe.
 */
public final class JavaScriptLexer implements LineLexer {

    public static final JavaScriptLexer INSTANCE = new JavaScriptLexer();

    public enum Kind {
        KEYWORD("js-keyword"), API("js-api"), STRING("js-string"), NUMBER("js-number"), COMMENT("js-comment"),
        BRACKET("js-bracket"), OPERATOR("js-operator"), IDENTIFIER("js-identifier"), BLANK(null);

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public record Token(Kind kind, int start, int length) {
    }

    static final Set<String> KEYWORDS = Set.of("function", "var", "let", "const", "if", "else", "for", "while", "do",
            "return", "break", "continue", "switch", "case", "default", "throw", "try", "catch", "finally", "new",
            "delete", "typeof", "instanceof", "in", "of", "this", "null", "undefined", "true", "false", "class",
            "extends", "super", "void", "yield", "async", "await");
    /** The server-side API's entry points, shown apart so a script's calls into Cosmos DB stand out. */
    static final Set<String> API = Set.of("getContext", "getCollection", "getRequest", "getResponse", "setBody",
            "getBody", "createDocument", "readDocument", "replaceDocument", "deleteDocument", "upsertDocument",
            "queryDocuments", "readDocuments", "getSelfLink", "console");

    private JavaScriptLexer() {
    }

    public static List<Token> lex(CharSequence line) {
        List<Token> tokens = new ArrayList<>();
        int n = line.length();
        String trimmed = line.toString().stripLeading();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") && !trimmed.contains("*/")) {
            int lead = n - trimmed.length();
            if (lead > 0) {
                tokens.add(new Token(Kind.BLANK, 0, lead));
            }
            if (n > lead) {
                tokens.add(new Token(Kind.COMMENT, lead, n - lead));
            }
            return tokens;
        }
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i = LineScan.endOfBlank(line, i);
                kind = Kind.BLANK;
            } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                i = n;
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                int end = line.toString().indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                kind = Kind.COMMENT;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = LineScan.endOfQuoted(line, i);
                kind = Kind.STRING;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(line.charAt(i + 1))) {
                while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(line.charAt(i))) {
                    i++;
                }
                String word = line.subSequence(start, i).toString();
                kind = KEYWORDS.contains(word) ? Kind.KEYWORD : API.contains(word) ? Kind.API : Kind.IDENTIFIER;
            } else if (LineScan.isBracket(c)) {
                i++;
                kind = Kind.BRACKET;
            } else {
                i++;
                kind = Kind.OPERATOR;
            }
            tokens.add(new Token(kind, start, i - start));
        }
        return tokens;
    }

    @Override
    public List<Run> runs(CharSequence line) {
        return LineLexer.runsOf(lex(line), token -> token.kind().styleClass(), Token::length);
    }

    @Override
    public List<Integer> brackets(CharSequence line) {
        return LineLexer.bracketsOf(line, lex(line), token -> token.kind() == Kind.BRACKET, Token::start);
    }

    @Override
    public String plainStyle() {
        return Kind.IDENTIFIER.styleClass();
    }

    @Override
    public String bracketStyle() {
        return Kind.BRACKET.styleClass();
    }
}
