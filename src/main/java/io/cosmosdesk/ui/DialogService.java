package io.cosmosdesk.ui;

import java.util.Optional;

/**
 * Everything a view-model may ask the user, without building a dialog itself. Implemented with
 * JavaFX dialogs in the app and with fakes or mocks in view-model tests.
 */
public interface DialogService {

    /** Shows an error that needs acknowledging (prefer inline banners for recoverable ones). */
    void showError(String title, Throwable error);

    /**
     * Asks a yes/no question; true when the user chose {@code confirmLabel}. Whether the confirm button is
     * a danger button is guessed from its label (Delete, Discard, ...); say so with the other overload.
     */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks a yes/no question whose yes may throw something away, e.g. a Reload that loses the user's edits;
     * {@code destructive} draws the confirm button as a danger button. Cancel is the default either way.
     */
    default boolean confirm(String title, String message, String confirmLabel, boolean destructive) {
        return confirm(title, message, confirmLabel);
    }

    /**
     * Asks the user to pick one of several choices (e.g. Overwrite / Reload / Keep editing) and answers with
     * the chosen constant; empty when the dialog was closed without a choice. {@link Choices} says which choice
     * Enter means and which throw something away (guessed from the labels when it names neither). The last
     * choice is what Esc or closing the dialog means.
     */
    <C extends Enum<C> & Choice> Optional<C> choose(String title, String message, Choices<C> choices);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> prompt(String title, String message, String initialValue);

    void showInformation(String title, String message);

    /**
     * Shows two versions of a text side by side, changed lines highlighted (e.g. the server's item and
     * the user's edit after a lost-update conflict), and asks for one of {@code choices} as {@link #choose}
     * does; empty when the dialog was closed without a choice.
     */
    <C extends Enum<C> & Choice> Optional<C> compare(String title, String message, String leftTitle,
            String leftText, String rightTitle, String rightText, Choices<C> choices);

    /**
     * {@link #compare} with the version both texts started from ({@code baseText}), so each changed line is
     * marked as the left side's (theirs) or the right side's (yours).
     */
    default <C extends Enum<C> & Choice> Optional<C> compare(String title, String message, String baseText,
            String leftTitle, String leftText, String rightTitle, String rightText, Choices<C> choices) {
        return compare(title, message, leftTitle, leftText, rightTitle, rightText, choices);
    }
}
