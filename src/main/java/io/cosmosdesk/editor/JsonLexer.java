package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of JSON into highlighting tokens. JSON strings cannot span lines, so each line lexes on
 * its own: the editor highlights only the lines on screen, however large the item is.
 */
public final class JsonLexer {

    public enum Kind {
        KEY("json-key"), STRING("json-string"), NUMBER("json-number"), LITERAL("json-literal"),
        BRACE("json-brace"), PUNCTUATION("json-punct"), PLAIN("json-plain");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    /** A run of {@code length} characters of one kind; runs cover the whole line, in order. */
    public record Token(Kind kind, int length) {
    }

    private JsonLexer() {
    }

    public static List<Token> lex(CharSequence line) {
        List<Token> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int start = i;
            Kind kind;
            if (c == '"') {
                i = LineScan.endOfQuoted(line, i);
                int after = i;
                while (after < n && Character.isWhitespace(line.charAt(after))) {
                    after++;
                }
                kind = after < n && line.charAt(after) == ':' ? Kind.KEY : Kind.STRING;
            } else if (c == '{' || c == '}' || c == '[' || c == ']') {
                i++;
                kind = Kind.BRACE;
            } else if (c == ':' || c == ',') {
                i++;
                kind = Kind.PUNCTUATION;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i++;
                while (i < n && isNumberChar(line.charAt(i))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c)) {
                while (i < n && Character.isLetterOrDigit(line.charAt(i))) {
                    i++;
                }
                String word = line.subSequence(start, i).toString();
                kind = word.equals("true") || word.equals("false") || word.equals("null") ? Kind.LITERAL : Kind.PLAIN;
            } else {
                while (i < n && !startsToken(line.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    i++;
                }
                kind = Kind.PLAIN;
            }
            add(tokens, kind, i - start);
        }
        return tokens;
    }

    /**
     * Offsets within the line of brackets outside strings, as {@code offset} for openers and
     * {@code -(offset + 1)} for closers.
     */
    public static List<Integer> brackets(CharSequence line) {
        List<Integer> result = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                i = LineScan.endOfQuoted(line, i);
                continue;
            }
            if (c == '{' || c == '[') {
                result.add(i);
            } else if (c == '}' || c == ']') {
                result.add(-(i + 1));
            }
            i++;
        }
        return result;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private static boolean startsToken(char c) {
        return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '-'
                || (c >= '0' && c <= '9') || Character.isLetter(c);
    }

    private static void add(List<Token> tokens, Kind kind, int length) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == kind && kind == Kind.PLAIN) {
            Token last = tokens.remove(tokens.size() - 1);
            tokens.add(new Token(kind, last.length() + length));
        } else {
            tokens.add(new Token(kind, length));
        }
    }
}
