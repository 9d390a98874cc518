package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.List;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * Marks the bracket at the caret and its partner. The search walks lines outward from the caret and gives
 * up quietly after {@link #SEARCH_LINES}: no mark is better than a wrong "unmatched" in a huge array.
 */
final class BracketMatcher {

    static final int SEARCH_LINES = 5_000;
    /** A search result: the limit was reached before the matching bracket. */
    private static final int GAVE_UP = -2;

    private final LineStyledCodeArea area;
    private final List<Integer> marks = new ArrayList<>();

    BracketMatcher(LineStyledCodeArea area) {
        this.area = area;
    }

    void matchAtCaret() {
        clear();
        var position = area.offsetToPosition(area.getCaretPosition(), Bias.Forward);
        int par = position.getMajor();
        int col = position.getMinor();
        List<Integer> here = area.lexer().brackets(area.getParagraph(par).getText());
        // the bracket just before the caret wins, then the one after it
        for (int candidate : new int[] {col - 1, col}) {
            for (int mark : here) {
                int offset = mark >= 0 ? mark : -mark - 1;
                if (offset == candidate) {
                    int match = mark >= 0 ? searchForward(par, offset) : searchBackward(par, offset);
                    if (match == GAVE_UP) {
                        return;
                    }
                    mark(area.getAbsolutePosition(par, offset), match >= 0 ? "bracket-match" : "bracket-unmatched");
                    if (match >= 0) {
                        mark(match, "bracket-match");
                    }
                    return;
                }
            }
        }
    }

    /** Takes the marks off (their lines get their plain colours back). */
    void clear() {
        for (int offset : marks) {
            if (offset < area.getLength()) {
                area.restyleLine(area.offsetToPosition(offset, Bias.Forward).getMajor());
            }
        }
        marks.clear();
    }

    private int searchForward(int par, int offset) {
        int depth = 0;
        for (int p = par; p < area.getParagraphs().size(); p++) {
            if (p - par >= SEARCH_LINES) {
                return GAVE_UP;
            }
            for (int mark : area.lexer().brackets(area.getParagraph(p).getText())) {
                int at = mark >= 0 ? mark : -mark - 1;
                if (p == par && at < offset) {
                    continue;
                }
                depth += mark >= 0 ? 1 : -1;
                if (depth == 0) {
                    return area.getAbsolutePosition(p, at);
                }
            }
        }
        return -1;
    }

    private int searchBackward(int par, int offset) {
        int depth = 0;
        for (int p = par; p >= 0; p--) {
            if (par - p >= SEARCH_LINES) {
                return GAVE_UP;
            }
            List<Integer> lineMarks = area.lexer().brackets(area.getParagraph(p).getText());
            for (int i = lineMarks.size() - 1; i >= 0; i--) {
                int mark = lineMarks.get(i);
                int at = mark >= 0 ? mark : -mark - 1;
                if (p == par && at > offset) {
                    continue;
                }
                depth += mark >= 0 ? -1 : 1;
                if (depth == 0) {
                    return area.getAbsolutePosition(p, at);
                }
            }
        }
        return -1;
    }

    private void mark(int offset, String styleClass) {
        if (offset < 0 || offset >= area.getLength()) {
            return;
        }
        List<String> styles = new ArrayList<>(area.getStyleOfChar(offset));
        if (styles.isEmpty()) {
            styles.add(area.lexer().bracketStyle());
        }
        styles.add(styleClass);
        area.setStyle(offset, offset + 1, styles);
        marks.add(offset);
    }
}
