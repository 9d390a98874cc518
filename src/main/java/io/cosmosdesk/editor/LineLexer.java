package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Colours one line of text at a time for a {@link LineStyledCodeArea}. Languages whose tokens never span
 * lines (JSON, Cosmos SQL) lex each line on its own, so an editor colours only the lines on screen and an
 * edit recolours only the lines it touched.
 */
public interface LineLexer {

    /** A run of {@code length} characters shown with {@code styleClass}; null for blanks (see below). */
    record Run(String styleClass, int length) {
    }

    /**
     * Runs covering the whole line, in order. A run with a null style class is blank: it takes the colour of
     * the run after it (or before it, at the end of the line), which saves a text node per blank on screen.
     */
    List<Run> runs(CharSequence line);

    /**
     * Offsets within the line of brackets outside strings and comments, as {@code offset} for openers and
     * {@code -(offset + 1)} for closers.
     */
    List<Integer> brackets(CharSequence line);

    /** The style class of a line with no colour of its own (an all-blank line's). */
    String plainStyle();

    /** The colour of a bracket, kept under a bracket-match mark. */
    String bracketStyle();

    /** {@link #runs} of a lexer whose tokens cover the line in order: one run per token, in its style. */
    static <T> List<Run> runsOf(List<T> tokens, Function<T, String> styleClass, ToIntFunction<T> length) {
        List<Run> runs = new ArrayList<>(tokens.size());
        for (T token : tokens) {
            runs.add(new Run(styleClass.apply(token), length.applyAsInt(token)));
        }
        return runs;
    }

    /** {@link #brackets} of a lexer whose bracket tokens are one character each, from where each starts. */
    static <T> List<Integer> bracketsOf(CharSequence line, List<T> tokens, Predicate<T> bracket,
            ToIntFunction<T> start) {
        List<Integer> result = new ArrayList<>();
        for (T token : tokens) {
            if (bracket.test(token)) {
                int offset = start.applyAsInt(token);
                result.add(LineScan.bracketMark(line.charAt(offset), offset));
            }
        }
        return result;
    }
}
