package io.cosmosdesk.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The type a query's own text suggests for each {@code @name}: a number where it is compared with {@code > < >= <=},
 * is an operand of arithmetic, a bound of {@code BETWEEN}, the count of {@code TOP}, {@code OFFSET} or {@code LIMIT},
 * or is compared with a number literal; true/false where it is compared with {@code true} or {@code false}. Names
 * the text says nothing about are left out (they stay text). The first use that suggests a type wins. Pure.
 */
final class ParameterTypeHints {

    private static final Set<String> NUMERIC_OPERATORS = Set.of(">", "<", ">=", "<=", "+", "-", "*", "/", "%");
    private static final Set<String> EQUALITY = Set.of("=", "!=", "<>");
    private static final Set<String> COUNTS = Set.of("TOP", "OFFSET", "LIMIT");

    private ParameterTypeHints() {
    }

    private record Word(SqlLexer.Kind kind, String text) {
        boolean is(String upper) {
            return text.toUpperCase(Locale.ROOT).equals(upper);
        }

        boolean isBooleanLiteral() {
            return is("TRUE") || is("FALSE");
        }
    }

    /** For each {@code @name} (with its '@') whose use suggests a type: that type, in order of first use. */
    static Map<String, ParameterType> suggested(String text) {
        List<Word> words = words(text == null ? "" : text);
        Map<String, ParameterType> types = new LinkedHashMap<>();
        for (int k = 0; k < words.size(); k++) {
            Word word = words.get(k);
            if (word.kind() == SqlLexer.Kind.PARAMETER && !types.containsKey(word.text())) {
                ParameterType type = typeAt(words, k);
                if (type != null) {
                    types.put(word.text(), type);
                }
            }
        }
        return types;
    }

    private static ParameterType typeAt(List<Word> words, int k) {
        Word before = at(words, k - 1);
        Word after = at(words, k + 1);
        if (isNumericOperator(before) || isNumericOperator(after)
                || before != null && before.kind() == SqlLexer.Kind.KEYWORD
                        && (COUNTS.contains(before.text().toUpperCase(Locale.ROOT)) || before.is("BETWEEN"))
                || betweenUpperBound(words, k)) {
            return ParameterType.NUMBER;
        }
        Word compared = isEquality(before) ? at(words, k - 2) : isEquality(after) ? at(words, k + 2) : null;
        if (compared != null && compared.isBooleanLiteral()) {
            return ParameterType.BOOLEAN;
        }
        if (compared != null && compared.kind() == SqlLexer.Kind.NUMBER) {
            return ParameterType.NUMBER;
        }
        return null;
    }

    /** {@code BETWEEN x AND @name}, x one word. */
    private static boolean betweenUpperBound(List<Word> words, int k) {
        Word and = at(words, k - 1);
        Word between = at(words, k - 3);
        return and != null && and.is("AND") && between != null && between.is("BETWEEN");
    }

    private static boolean isNumericOperator(Word word) {
        return word != null && word.kind() == SqlLexer.Kind.OPERATOR && NUMERIC_OPERATORS.contains(word.text());
    }

    private static boolean isEquality(Word word) {
        return word != null && word.kind() == SqlLexer.Kind.OPERATOR && EQUALITY.contains(word.text());
    }

    private static Word at(List<Word> words, int k) {
        return k >= 0 && k < words.size() ? words.get(k) : null;
    }

    /** The text's tokens without blanks and comments; operator characters written together make one operator. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int operatorEnd = -1;
            for (SqlLexer.Token token : SqlLexer.lex(line)) {
                if (token.kind() == SqlLexer.Kind.BLANK || token.kind() == SqlLexer.Kind.COMMENT) {
                    continue;
                }
                String value = line.substring(token.start(), token.end());
                Word last = words.isEmpty() ? null : words.get(words.size() - 1);
                if (token.kind() == SqlLexer.Kind.OPERATOR && last != null && last.kind() == SqlLexer.Kind.OPERATOR
                        && operatorEnd == token.start()) {
                    words.set(words.size() - 1, new Word(SqlLexer.Kind.OPERATOR, last.text() + value));
                } else {
                    words.add(new Word(token.kind(), value));
                }
                operatorEnd = token.kind() == SqlLexer.Kind.OPERATOR ? token.end() : -1;
            }
        }
        return words;
    }
}
