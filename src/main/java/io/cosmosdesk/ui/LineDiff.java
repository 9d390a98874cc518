package io.cosmosdesk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff: common prefix and suffix trimmed, then a longest-common-subsequence over what
 * is left. When that middle is too large for the table it is shown as one changed block, which is still
 * correct, just coarser.
 */
public final class LineDiff {

    public enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /**
     * One row of the side-by-side view; a side's line number is 0 and its text null when the row has no
     * line on that side.
     */
    public record Row(Kind kind, int leftNumber, String left, int rightNumber, String right) {
    }

    private static final long MAX_TABLE_CELLS = 4_000_000;

    private LineDiff() {
    }

    public static List<Row> compare(String leftText, String rightText) {
        String[] left = leftText.split("\n", -1);
        String[] right = rightText.split("\n", -1);
        int prefix = 0;
        while (prefix < left.length && prefix < right.length && left[prefix].equals(right[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < left.length - prefix && suffix < right.length - prefix
                && left[left.length - 1 - suffix].equals(right[right.length - 1 - suffix])) {
            suffix++;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            rows.add(new Row(Kind.SAME, i + 1, left[i], i + 1, right[i]));
        }
        int leftEnd = left.length - suffix;
        int rightEnd = right.length - suffix;
        middle(left, prefix, leftEnd, right, prefix, rightEnd, rows);
        for (int i = 0; i < suffix; i++) {
            int l = leftEnd + i;
            int r = rightEnd + i;
            rows.add(new Row(Kind.SAME, l + 1, left[l], r + 1, right[r]));
        }
        return rows;
    }

    /** How many rows differ. */
    public static long changedRows(List<Row> rows) {
        return rows.stream().filter(row -> row.kind() != Kind.SAME).count();
    }

    private static void middle(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows) {
        int n = l1 - l0;
        int m = r1 - r0;
        if ((long) n * m > MAX_TABLE_CELLS) {
            block(left, l0, l1, right, r0, r1, rows);
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = left[l0 + i].equals(right[r0 + j]) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int pendingLeft = -1;
        int pendingRight = -1;
        while (i < n || j < m) {
            if (i < n && j < m && left[l0 + i].equals(right[r0 + j])) {
                flush(left, l0 + pendingLeft, l0 + i, right, r0 + pendingRight, r0 + j, pendingLeft, rows);
                pendingLeft = -1;
                pendingRight = -1;
                rows.add(new Row(Kind.SAME, l0 + i + 1, left[l0 + i], r0 + j + 1, right[r0 + j]));
                i++;
                j++;
                continue;
            }
            if (pendingLeft < 0) {
                pendingLeft = i;
                pendingRight = j;
            }
            if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        flush(left, l0 + pendingLeft, l0 + n, right, r0 + pendingRight, r0 + m, pendingLeft, rows);
    }

    private static void flush(String[] left, int l0, int l1, String[] right, int r0, int r1, int pending,
            List<Row> rows) {
        if (pending >= 0) {
            block(left, l0, l1, right, r0, r1, rows);
        }
    }

    /** A run of differing lines, paired side by side: changed where both sides have a line. */
    private static void block(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows) {
        int count = Math.max(l1 - l0, r1 - r0);
        for (int k = 0; k < count; k++) {
            boolean hasLeft = l0 + k < l1;
            boolean hasRight = r0 + k < r1;
            Kind kind = hasLeft && hasRight ? Kind.CHANGED : hasLeft ? Kind.REMOVED : Kind.ADDED;
            rows.add(new Row(kind, hasLeft ? l0 + k + 1 : 0, hasLeft ? left[l0 + k] : null,
                    hasRight ? r0 + k + 1 : 0, hasRight ? right[r0 + k] : null));
        }
    }
}
