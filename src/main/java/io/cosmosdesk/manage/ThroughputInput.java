package io.cosmosdesk.manage;

import java.util.Optional;

/**
 * The throughput fields as the New database / New container form and the container settings pane both show them: a
 * mode and a figure as typed. One home for reading the figure, its sentence when it is not a number, the hint beside
 * the field and the figure offered when the mode changes; the range rules are {@link Throughput}'s.
 */
public final class ThroughputInput {

    public enum Mode {
        NONE, MANUAL, AUTOSCALE;

        public static Mode of(Throughput throughput) {
            return throughput instanceof Throughput.Manual ? MANUAL
                    : throughput instanceof Throughput.Autoscale ? AUTOSCALE : NONE;
        }
    }

    static final String NOT_A_NUMBER = "Throughput must be a whole number of RU/s.";

    private ThroughputInput() {
    }

    /** A whole number as typed ({@code 1,000} and {@code 1_000} read as 1000), or null. */
    public static Integer wholeNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The throughput typed; a figure that is not a number reads as 0 ({@link #numberProblem} says why). */
    public static Throughput of(Mode mode, String figure) {
        Integer number = wholeNumber(figure);
        int value = number == null ? 0 : number;
        return switch (mode == null ? Mode.NONE : mode) {
            case NONE -> new Throughput.None();
            case MANUAL -> new Throughput.Manual(value);
            case AUTOSCALE -> new Throughput.Autoscale(value);
        };
    }

    /** The sentence for a figure that is not a whole number (when one is needed), or empty. */
    public static Optional<String> numberProblem(Mode mode, String figure) {
        return mode != null && mode != Mode.NONE && wholeNumber(figure) == null ? Optional.of(NOT_A_NUMBER)
                : Optional.empty();
    }

    /** The figure to show in the field. */
    public static String figureOf(Throughput throughput) {
        return throughput instanceof Throughput.Manual manual ? String.valueOf(manual.requestUnits())
                : throughput instanceof Throughput.Autoscale auto ? String.valueOf(auto.maxRequestUnits()) : "";
    }

    /** The hint beside the field. */
    public static String hint(Mode mode) {
        return switch (mode == null ? Mode.NONE : mode) {
            case MANUAL -> "RU/s (400 or more, in steps of 100)";
            case AUTOSCALE -> "RU/s maximum (1,000 or more, in steps of 1,000; scales down to 10%)";
            case NONE -> "";
        };
    }

    /**
     * The figure to offer when the mode changes from {@code before} to {@code now}: each mode's minimum replaces the
     * other's, anything else typed stays.
     */
    public static String figureOnSwitch(Mode now, String typed) {
        String figure = typed == null ? "" : typed.strip();
        if (now == Mode.AUTOSCALE && figure.equals(String.valueOf(Throughput.MANUAL_MINIMUM))) {
            return String.valueOf(Throughput.AUTOSCALE_MINIMUM);
        }
        if (now == Mode.MANUAL && figure.equals(String.valueOf(Throughput.AUTOSCALE_MINIMUM))) {
            return String.valueOf(Throughput.MANUAL_MINIMUM);
        }
        return typed;
    }
}
