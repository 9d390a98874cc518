package io.cosmosdesk.ui;

/**
 * One answer a dialog offers, as a constant of the asking code's own enum: the dialog shows its {@link #label()}
 * and hands the constant back, so callers switch on the enum and never compare labels.
 */
public interface Choice {

    /** The button's text, e.g. "Keep editing". */
    String label();
}
