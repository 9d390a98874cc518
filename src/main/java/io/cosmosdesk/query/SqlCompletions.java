package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to offer at the caret of a query: the container's field paths after an alias and a dot
 * ({@code c.}, a JOIN's {@code l.}), otherwise keywords, system functions and the query's aliases. Nothing
 * inside a string, a comment or after {@code @}. Pure; fast enough to run on every keystroke.
 */
public final class SqlCompletions {

    /** The list shows this many at most. */
    public static final int LIMIT = 200;

    private static final String NAME = "[A-Za-z_$][\\w$]*";
    private static final String STEP = "(?:\\s*\\.\\s*" + NAME + "|\\s*\\[\\s*(?:\\d+|\"(?:[^\"\\\\]|\\\\.)*\""
            + "|'(?:[^'\\\\]|\\\\.)*')\\s*\\])";
    /** An alias and its steps, ending with the dot before the caret's word. */
    private static final Pattern CHAIN_BEFORE_DOT = Pattern.compile("(" + NAME + ")(" + STEP + "*)\\s*\\.\\s*$");
    private static final Pattern STEP_PART = Pattern.compile("\\.\\s*(" + NAME + ")|\\[\\s*(\\d+|\"(?:[^\"\\\\]"
            + "|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')\\s*\\]");
    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+(" + NAME + ")(?:\\s+(?:AS\\s+)?(" + NAME
            + "))?");
    private static final Pattern IN_ARRAY = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(" + NAME + ")\\s+IN\\s+("
            + NAME + ")(" + STEP + "*)");

    /**
     * What the popup shows: the completions, and the typed word they replace (up to the caret).
     *
     * @param fields whether these are field paths (after an alias and a dot): worth waiting for while the
     *     container's paths are still being read
     */
    public record Result(String typed, int caret, List<Completion> items, boolean fields) {
        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private static final Result NONE = new Result("", 0, List.of(), false);

    private SqlCompletions() {
    }

    /**
     * @param explicit asked for with Ctrl+Space: an empty word gets every keyword and function too
     */
    public static Result complete(String text, int caret, List<JsonPath> fieldPaths, boolean explicit) {
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        String line = text.substring(lineStart, caret);
        SqlLexer.Token last = SqlLexer.tokenAt(SqlLexer.lex(line), line.length());
        if (last != null && last.end() == line.length() && (last.kind() == SqlLexer.Kind.COMMENT
                || last.kind() == SqlLexer.Kind.STRING && !isClosedString(line, last))) {
            return NONE;
        }
        if (last != null && last.kind() == SqlLexer.Kind.COMMENT) {
            return NONE;
        }
        int wordStart = caret;
        while (wordStart > lineStart && SqlLexer.isWordPart(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String typed = text.substring(wordStart, caret);
        if (wordStart > lineStart && text.charAt(wordStart - 1) == '@') {
            return NONE;
        }
        Matcher chain = CHAIN_BEFORE_DOT.matcher(text.substring(lineStart, wordStart));
        if (chain.find()) {
            return fields(text, chain, lineStart + chain.end(), wordStart, caret, typed, fieldPaths);
        }
        if (typed.isEmpty() && !explicit || !typed.isEmpty() && Character.isDigit(typed.charAt(0))) {
            return NONE;
        }
        List<Completion> candidates = new ArrayList<>();
        for (String alias : aliases(text).keySet()) {
            if (alias.equalsIgnoreCase(typed)) {
                continue; // "FROM c ord|" reads as an alias until the word is finished
            }
            candidates.add(new Completion(Completion.Kind.ALIAS, alias, alias, wordStart, 0, 0));
        }
        for (String keyword : SqlVocabulary.KEYWORDS) {
            candidates.add(new Completion(Completion.Kind.KEYWORD, keyword, keyword, wordStart, 0, 0));
        }
        for (String function : SqlVocabulary.FUNCTIONS) {
            candidates.add(new Completion(Completion.Kind.FUNCTION, function, function + "()", wordStart, 1, 0));
        }
        List<Completion> ranked = CompletionRanking.rank(candidates, typed, LIMIT);
        if (ranked.size() == 1 && ranked.get(0).insertText().equals(typed)) {
            return NONE; // the word is complete: nothing to offer
        }
        return new Result(typed, caret, ranked, false);
    }

    private static Result fields(String text, Matcher chain, int dotEnd, int wordStart, int caret, String typed,
            List<JsonPath> fieldPaths) {
        Map<String, List<String>> aliases = aliases(text);
        String alias = chain.group(1);
        List<String> base;
        if (alias.equalsIgnoreCase("udf") && !aliases.containsKey("udf")) {
            base = new ArrayList<>(List.of(FieldPathSource.UDF)); // udf.name(...): the container's functions
        } else if (aliases.isEmpty()) {
            base = new ArrayList<>(); // no FROM yet (SELECT c. typed first): any alias is the item
        } else if (aliases.containsKey(alias.toLowerCase(Locale.ROOT))) {
            base = new ArrayList<>(aliases.get(alias.toLowerCase(Locale.ROOT)));
        } else {
            return NONE;
        }
        base.addAll(steps(chain.group(2)));
        int dot = text.lastIndexOf('.', dotEnd - 1);
        List<Completion> candidates = new ArrayList<>();
        for (JsonPath path : fieldPaths) {
            List<String> segments = path.segments();
            if (segments.size() <= base.size() || !segments.subList(0, base.size()).equals(base)
                    || base.isEmpty() && segments.get(0).equals(FieldPathSource.UDF)) {
                continue;
            }
            List<String> rest = segments.subList(base.size(), segments.size());
            if (rest.contains(FieldPathSource.ARRAY_ELEMENT)) {
                continue; // inside an array: reached through a JOIN's alias, not with dots
            }
            String label = String.join(".", rest);
            boolean plainFirst = isPlainName(rest.get(0));
            StringBuilder insert = new StringBuilder();
            for (int i = 0; i < rest.size(); i++) {
                String segment = rest.get(i);
                if (isPlainName(segment)) {
                    insert.append(i == 0 ? "" : ".").append(segment);
                } else {
                    insert.append("[\"").append(segment.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
            if (base.size() == 1 && base.get(0).equals(FieldPathSource.UDF)) {
                candidates.add(new Completion(Completion.Kind.FUNCTION, label, insert + "()", wordStart, 1, 1));
                continue;
            }
            candidates.add(new Completion(Completion.Kind.FIELD, label, insert.toString(),
                    plainFirst ? wordStart : dot, 0, rest.size()));
        }
        return new Result(typed, caret, CompletionRanking.rank(candidates, typed, LIMIT), true);
    }

    /**
     * The query's aliases (lower case) and the path each stands for: {@code FROM c} is the item, and
     * {@code JOIN l IN c.lines} each element of {@code lines}.
     */
    static Map<String, List<String>> aliases(String text) {
        Map<String, List<String>> aliases = new HashMap<>();
        Matcher from = FROM.matcher(text);
        while (findAtWord(from, text, "from")) {
            String second = from.group(2);
            boolean named = second != null && !SqlVocabulary.isKeyword(second);
            if (second != null && second.equalsIgnoreCase("IN")) {
                continue; // FROM x IN c.lines: below
            }
            aliases.putIfAbsent((named ? second : from.group(1)).toLowerCase(Locale.ROOT), List.of());
        }
        Matcher in = IN_ARRAY.matcher(text);
        while (findAtWord(in, text, "from", "join")) {
            List<String> path = new ArrayList<>(aliases.getOrDefault(in.group(2).toLowerCase(Locale.ROOT),
                    List.of()));
            path.addAll(steps(in.group(3)));
            path.add(FieldPathSource.ARRAY_ELEMENT);
            aliases.put(in.group(1).toLowerCase(Locale.ROOT), path);
        }
        return aliases;
    }

    /**
     * {@code matcher.find()} for a pattern that starts with one of {@code words} (ignoring case), trying only where
     * such a word starts: a case-insensitive regex tried at every position of a 2,000-line query was most of the
     * completion's time on the UI thread (profile of QueryEditorBenchmark).
     */
    private static boolean findAtWord(Matcher matcher, String text, String... words) {
        int from = lastEnd(matcher);
        matcher.useTransparentBounds(true); // the word-boundary check sees the character before the region
        for (int i = from; i <= text.length() - 4; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            for (String word : words) {
                if (c == word.charAt(0) && text.regionMatches(true, i, word, 0, word.length())) {
                    matcher.region(i, text.length());
                    if (matcher.lookingAt()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int lastEnd(Matcher matcher) {
        try {
            return matcher.end();
        } catch (IllegalStateException noMatchYet) {
            return 0;
        }
    }

    /** The segments of {@code .a["b c"][0]}: an index stands for every element. */
    private static List<String> steps(String chain) {
        List<String> segments = new ArrayList<>();
        Matcher step = STEP_PART.matcher(chain == null ? "" : chain);
        while (step.find()) {
            if (step.group(1) != null) {
                segments.add(step.group(1));
            } else {
                String inside = step.group(2);
                segments.add(Character.isDigit(inside.charAt(0)) ? FieldPathSource.ARRAY_ELEMENT
                        : inside.substring(1, inside.length() - 1).replaceAll("\\\\(.)", "$1"));
            }
        }
        return segments;
    }

    /** A name that needs no brackets after a dot: an identifier that is not a keyword. */
    static boolean isPlainName(String segment) {
        if (segment.isEmpty() || !SqlLexer.isWordStart(segment.charAt(0)) || SqlVocabulary.isKeyword(segment)) {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            if (!SqlLexer.isWordPart(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClosedString(String line, SqlLexer.Token token) {
        return token.length() >= 2 && line.charAt(token.end() - 1) == line.charAt(token.start())
                && line.charAt(token.end() - 2) != '\\';
    }
}
