package io.cosmosdesk.query;

import io.cosmosdesk.editor.LineLexer;
import io.cosmosdesk.editor.LineScan;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a Cosmos DB query into tokens. The language has no token that spans lines (strings
 * end on their line, comments are {@code --} to the end of it), so each line lexes on its own: the editor
 * colours only the lines on screen and recolours only the lines an edit touched. Pure and thread-safe.
 */
public final class SqlLexer implements LineLexer {

    public static final SqlLexer INSTANCE = new SqlLexer();

    public enum Kind {
        KEYWORD("sql-keyword"), FUNCTION("sql-function"), STRING("sql-string"), NUMBER("sql-number"),
        PARAMETER("sql-parameter"), COMMENT("sql-comment"), BRACKET("sql-bracket"), OPERATOR("sql-operator"),
        IDENTIFIER("sql-identifier"), BLANK(null);

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The CSS class; null for blanks, which show no colour. */
        public String styleClass() {
            return styleClass;
        }
    }

    /** {@code length} characters of one kind from {@code start}; tokens cover the whole line, in order. */
    public record Token(Kind kind, int start, int length) {
        public int end() {
            return start + length;
        }
    }

    private SqlLexer() {
    }

    public static List<Token> lex(CharSequence line) {
        List<Token> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i = LineScan.endOfBlank(line, i);
                kind = Kind.BLANK;
            } else if (c == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
                i = n;
                kind = Kind.COMMENT;
            } else if (c == '\'' || c == '"') {
                i = LineScan.endOfQuoted(line, i);
                kind = Kind.STRING;
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(line.charAt(i + 1)) && !afterWord(line, i)) {
                i = endOfNumber(line, i);
                kind = Kind.NUMBER;
            } else if (c == '@' && i + 1 < n && isWordStart(line.charAt(i + 1))) {
                i = endOfWord(line, i + 1);
                kind = Kind.PARAMETER;
            } else if (isWordStart(c)) {
                i = endOfWord(line, i);
                kind = wordKind(line, start, i);
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

    /** The token containing {@code offset} (the one ending there when {@code offset} is the line's end), or null. */
    public static Token tokenAt(List<Token> tokens, int offset) {
        Token before = null;
        for (Token token : tokens) {
            if (offset >= token.start() && offset < token.end()) {
                return token;
            }
            if (token.end() == offset) {
                before = token;
            }
        }
        return before;
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

    /**
     * A property after a dot ({@code c.count}) is a name whatever it spells; a function name counts as one
     * only when called, so a field called {@code left} or {@code year} keeps its colour.
     */
    private static Kind wordKind(CharSequence line, int start, int end) {
        CharSequence word = line.subSequence(start, end);
        if (afterDot(line, start)) {
            return Kind.IDENTIFIER;
        }
        if (SqlVocabulary.isFunction(word) && nextNonBlank(line, end) == '(') {
            return Kind.FUNCTION;
        }
        return SqlVocabulary.isKeyword(word) ? Kind.KEYWORD : Kind.IDENTIFIER;
    }

    private static boolean afterDot(CharSequence line, int start) {
        int i = start - 1;
        while (i >= 0 && line.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && line.charAt(i) == '.';
    }

    private static boolean afterWord(CharSequence line, int at) {
        return at > 0 && (isWordPart(line.charAt(at - 1)) || line.charAt(at - 1) == ']'
                || line.charAt(at - 1) == ')');
    }

    private static char nextNonBlank(CharSequence line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return line.charAt(i);
            }
        }
        return 0;
    }

    private static int endOfNumber(CharSequence line, int from) {
        int n = line.length();
        int i = from;
        if (line.charAt(i) == '0' && i + 1 < n && (line.charAt(i + 1) == 'x' || line.charAt(i + 1) == 'X')) {
            i += 2;
            while (i < n && Character.digit(line.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < n && (isDigit(line.charAt(i)) || line.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < n && (line.charAt(exponent) == '+' || line.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < n && isDigit(line.charAt(exponent))) {
                i = exponent;
                while (i < n && isDigit(line.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static int endOfWord(CharSequence line, int from) {
        int i = from;
        while (i < line.length() && isWordPart(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
