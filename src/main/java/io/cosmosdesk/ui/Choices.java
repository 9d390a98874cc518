package io.cosmosdesk.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question's answers in the order shown, plus what the caller knows about them: which one Enter means (the
 * safe default) and which throw something away (drawn as danger buttons). The dialog answers with one of the
 * constants, never with its label. When the caller names no default, the first choice that loses nothing is
 * the default and destructive ones are guessed from their labels (Discard…, Delete…, Overwrite…).
 */
public final class Choices<C extends Enum<C> & Choice> {

    private final List<C> choices;
    private final C safeDefault;
    private final Set<C> destructive;

    private Choices(List<C> choices, C safeDefault, Set<C> destructive) {
        this.choices = List.copyOf(choices);
        if (this.choices.isEmpty() || Set.copyOf(this.choices).size() != this.choices.size()) {
            throw new IllegalArgumentException("Choices must be distinct and at least one: " + choices);
        }
        if (safeDefault != null && !this.choices.contains(safeDefault)) {
            throw new IllegalArgumentException("The default " + safeDefault + " is not one of " + choices);
        }
        if (!this.choices.containsAll(destructive)) {
            throw new IllegalArgumentException("Destructive " + destructive + " are not all in " + choices);
        }
        if (safeDefault != null && destructive.contains(safeDefault)) {
            throw new IllegalArgumentException("A destructive choice cannot be the default: " + safeDefault);
        }
        this.safeDefault = safeDefault;
        this.destructive = Set.copyOf(destructive);
    }

    /** The choices in the order shown; say which is the default with {@link #byDefault}. */
    @SafeVarargs
    public static <C extends Enum<C> & Choice> Choices<C> of(C... choices) {
        return new Choices<>(List.of(choices), null, Set.of());
    }

    /** The choice Enter takes and the focus starts on; it must lose nothing. */
    public Choices<C> byDefault(C choice) {
        return new Choices<>(choices, choice, destructive);
    }

    /** Choices that throw something away (someone's change, the user's edits, an item). */
    @SafeVarargs
    public final Choices<C> destructive(C... destructiveChoices) {
        Set<C> all = new LinkedHashSet<>(destructive);
        all.addAll(List.of(destructiveChoices));
        return new Choices<>(choices, safeDefault, all);
    }

    /** The choices in the order shown. */
    public List<C> all() {
        return choices;
    }

    /** The buttons' labels in the order shown. */
    public List<String> labels() {
        return choices.stream().map(Choice::label).toList();
    }

    /** The default choice, or null when the caller did not say. */
    public C safeDefault() {
        return safeDefault;
    }

    /** Whether the caller marked {@code choice} as throwing something away. */
    public boolean isDestructive(C choice) {
        return destructive.contains(choice);
    }

    /** Whether the caller named the default or the destructive choices (else both are guessed from labels). */
    public boolean isNamed() {
        return safeDefault != null || !destructive.isEmpty();
    }

    @Override
    public String toString() {
        return labels() + (safeDefault == null ? "" : " default " + safeDefault.label())
                + (destructive.isEmpty() ? "" : " destructive " + destructive);
    }
}
