package io.cosmosdesk.ui;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A side-by-side line diff (java-diff-utils, Myers). Given the version both sides started from, each
 * differing row also says whose change it is: the left side's (theirs), the right side's (yours), or both.
 */
public final class LineDiff {

    public enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /** Whose change a differing row is, measured against the version both started from. */
    public enum Origin { NONE, THEIRS, YOURS, BOTH }

    /**
     * One row of the side-by-side view; a side's line number is 0 and its text null when the row has no
     * line on that side.
     */
    public record Row(Kind kind, int leftNumber, String left, int rightNumber, String right, Origin origin) {

        public Row(Kind kind, int leftNumber, String left, int rightNumber, String right) {
            this(kind, leftNumber, left, rightNumber, right, Origin.NONE);
        }
    }

    private LineDiff() {
    }

    public static List<Row> compare(String leftText, String rightText) {
        return compare(null, leftText, rightText);
    }

    /**
     * {@code baseText}: the version both sides were edited from (null: unknown, rows get no origin). A line of
     * the left side that is not in the base is their change; one of the right side, yours.
     */
    public static List<Row> compare(String baseText, String leftText, String rightText) {
        List<String> left = lines(leftText);
        List<String> right = lines(rightText);
        List<Row> rows = new ArrayList<>();
        int l = 0;
        int r = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(left, right).getDeltas()) {
            int from = delta.getSource().getPosition();
            while (l < from) {
                rows.add(new Row(Kind.SAME, l + 1, left.get(l), r + 1, right.get(r)));
                l++;
                r++;
            }
            int removed = delta.getSource().size();
            int added = delta.getTarget().size();
            for (int i = 0; i < Math.max(removed, added); i++) {
                boolean hasLeft = i < removed;
                boolean hasRight = i < added;
                Kind kind = hasLeft && hasRight ? Kind.CHANGED : hasLeft ? Kind.REMOVED : Kind.ADDED;
                rows.add(new Row(kind, hasLeft ? l + 1 : 0, hasLeft ? left.get(l) : null,
                        hasRight ? r + 1 : 0, hasRight ? right.get(r) : null));
                if (hasLeft) {
                    l++;
                }
                if (hasRight) {
                    r++;
                }
            }
        }
        while (l < left.size() && r < right.size()) {
            rows.add(new Row(Kind.SAME, l + 1, left.get(l), r + 1, right.get(r)));
            l++;
            r++;
        }
        return baseText == null ? rows : withOrigins(rows, lines(baseText), left, right);
    }

    private static List<Row> withOrigins(List<Row> rows, List<String> base, List<String> left, List<String> right) {
        BitSet theirs = changedLines(base, left);
        BitSet yours = changedLines(base, right);
        List<Row> marked = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.kind() == Kind.SAME) {
                marked.add(row);
                continue;
            }
            boolean byThem = row.leftNumber() > 0 && theirs.get(row.leftNumber() - 1);
            boolean byYou = row.rightNumber() > 0 && yours.get(row.rightNumber() - 1);
            if (!byThem && !byYou) {
                // a line only one side still has: the other side removed it
                byYou = row.kind() == Kind.REMOVED;
                byThem = row.kind() == Kind.ADDED;
            }
            Origin origin = byThem && byYou ? Origin.BOTH : byThem ? Origin.THEIRS : byYou ? Origin.YOURS : Origin.NONE;
            marked.add(new Row(row.kind(), row.leftNumber(), row.left(), row.rightNumber(), row.right(), origin));
        }
        return marked;
    }

    /** The lines of {@code changed} (0-based) that are not lines of {@code base} kept as they were. */
    private static BitSet changedLines(List<String> base, List<String> changed) {
        BitSet lines = new BitSet(changed.size());
        Patch<String> patch = DiffUtils.diff(base, changed);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getTarget().getPosition();
            lines.set(from, from + delta.getTarget().size());
        }
        return lines;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    public static long changedRows(List<Row> rows) {
        return rows.stream().filter(row -> row.kind() != Kind.SAME).count();
    }

    /** How many differing rows are of {@code origin}. */
    public static long rowsOf(List<Row> rows, Origin origin) {
        return rows.stream().filter(row -> row.kind() != Kind.SAME && row.origin() == origin).count();
    }
}
