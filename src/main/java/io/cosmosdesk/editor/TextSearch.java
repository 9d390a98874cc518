package io.cosmosdesk.editor;

import java.util.Locale;

/**
 * Case-insensitive find over the editor's text. The lower-cased copy is kept until the text changes, so
 * stepping through matches in a large item does not lower-case megabytes per keystroke in the find field.
 */
final class TextSearch {

    private String text;
    private String lower;

    /**
     * Where the next (or previous) match starts, searching from {@code from} and wrapping around; -1 when
     * there is none.
     */
    int find(String haystackText, String query, int from, boolean forward) {
        String haystack = lowered(haystackText);
        String needle = query.toLowerCase(Locale.ROOT);
        int found;
        if (forward) {
            found = haystack.indexOf(needle, from);
            return found >= 0 ? found : haystack.indexOf(needle);
        }
        found = from < 0 ? -1 : haystack.lastIndexOf(needle, from);
        return found >= 0 ? found : haystack.lastIndexOf(needle);
    }

    /** How many times {@code query} occurs, up to {@code limit}. */
    int count(String haystackText, String query, int limit) {
        String haystack = lowered(haystackText);
        String needle = query.toLowerCase(Locale.ROOT);
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0 && count < limit;
                at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** 1-based index of the match starting at {@code start} among all matches, or 0. */
    int indexOf(String haystackText, String query, int start) {
        String haystack = lowered(haystackText);
        String needle = query.toLowerCase(Locale.ROOT);
        int index = 0;
        for (int at = haystack.indexOf(needle); at >= 0 && at <= start;
                at = haystack.indexOf(needle, at + needle.length())) {
            index++;
        }
        return index;
    }

    private String lowered(String current) {
        if (!current.equals(text)) {
            text = current;
            lower = current.toLowerCase(Locale.ROOT);
            if (lower.length() != current.length()) {
                // a few characters change length when lower-cased; fall back to exact offsets
                lower = current;
            }
        }
        return lower;
    }
}
