package io.cosmosdesk.editor;

import java.util.List;

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
}
