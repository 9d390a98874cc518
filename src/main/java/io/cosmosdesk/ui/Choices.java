package io.cosmosdesk.ui;

import java.util.AbstractList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The labels of a question's answers in the order shown, plus what the caller knows about them: which one
 * Enter means (the safe default) and which throw something away (drawn as danger buttons). It is a
 * {@code List<String>} of the labels, so it goes wherever a plain list of choices goes; a plain list gets
 * its default and danger buttons guessed from the labels instead.
 */
public final class Choices extends AbstractList<String> {

    private final List<String> labels;
    private final String safeDefault;
    private final Set<String> destructive;

    private Choices(List<String> labels, String safeDefault, Set<String> destructive) {
        this.labels = List.copyOf(labels);
        if (safeDefault != null && !this.labels.contains(safeDefault)) {
            throw new IllegalArgumentException("The default " + safeDefault + " is not one of " + labels);
        }
        if (!this.labels.containsAll(destructive)) {
            throw new IllegalArgumentException("Destructive " + destructive + " are not all in " + labels);
        }
        if (safeDefault != null && destructive.contains(safeDefault)) {
            throw new IllegalArgumentException("A destructive choice cannot be the default: " + safeDefault);
        }
        this.safeDefault = safeDefault;
        this.destructive = Set.copyOf(destructive);
    }

    /** The choices in the order shown; say which is the default with {@link #byDefault}. */
    public static Choices of(String... labels) {
        return new Choices(List.of(labels), null, Set.of());
    }

    /** The choice Enter takes and the focus starts on; it must lose nothing. */
    public Choices byDefault(String label) {
        return new Choices(labels, label, destructive);
    }

    /** Choices that throw something away (someone's change, the user's edits, an item). */
    public Choices destructive(String... destructiveLabels) {
        Set<String> all = new LinkedHashSet<>(destructive);
        all.addAll(List.of(destructiveLabels));
        return new Choices(labels, safeDefault, all);
    }

    /** The default choice, or null when the caller did not say. */
    public String safeDefault() {
        return safeDefault;
    }

    public boolean isDestructive(String label) {
        return destructive.contains(label);
    }

    @Override
    public String get(int index) {
        return labels.get(index);
    }

    @Override
    public int size() {
        return labels.size();
    }
}
