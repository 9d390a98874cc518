package io.cosmosdesk.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Filters and orders completions for what the user typed, ignoring case: whole-label prefix first, then a
 * word inside the label starting with it ({@code city} in {@code customer.address.city}, {@code contains} in
 * {@code ARRAY_CONTAINS}, {@code array} in {@code StringToArray}), then, for field paths and three letters
 * or more, anywhere inside it. Within a rank,
 * shallow fields before deep ones, then alphabetical. Pure.
 */
public final class CompletionRanking {

    private static final int NO_MATCH = Integer.MAX_VALUE;
    private static final int INSIDE = 3;

    private CompletionRanking() {
    }

    private record Ranked(Completion completion, int rank) {
    }

    public static List<Completion> rank(List<Completion> candidates, String typed, int limit) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        List<Ranked> ranked = new ArrayList<>();
        for (Completion candidate : candidates) {
            int rank = rankOf(candidate.label(), wanted);
            if (rank == INSIDE && (candidate.kind() != Completion.Kind.FIELD || wanted.length() < 3)) {
                continue; // a few letters inside a word are noise, but part of a long field name is not
            }
            if (rank != NO_MATCH) {
                ranked.add(new Ranked(candidate, rank));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank)
                .thenComparingInt(r -> r.completion().depth())
                .thenComparing(r -> r.completion().label(), String.CASE_INSENSITIVE_ORDER));
        List<Completion> result = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            result.add(ranked.get(i).completion());
        }
        return result;
    }

    /** 0 same word, 1 prefix, 2 a word inside starts with it, 3 inside; {@link #NO_MATCH} otherwise. */
    static int rankOf(String label, String wanted) {
        if (wanted.isEmpty()) {
            return 1;
        }
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.equals(wanted)) {
            return 0;
        }
        if (lower.startsWith(wanted)) {
            return 1;
        }
        int at = lower.indexOf(wanted);
        if (at < 0) {
            return NO_MATCH;
        }
        for (int i = at; i >= 0; i = lower.indexOf(wanted, i + 1)) {
            if (startsWord(label, i)) {
                return 2;
            }
        }
        return INSIDE;
    }

    /** A word starts after '.', '_', '[' or a blank, or at an upper-case letter after a lower-case one. */
    private static boolean startsWord(String label, int i) {
        char before = label.charAt(i - 1);
        return before == '.' || before == '_' || before == '[' || before == ' ' || before == '"'
                || Character.isUpperCase(label.charAt(i)) && Character.isLowerCase(before);
    }
}
