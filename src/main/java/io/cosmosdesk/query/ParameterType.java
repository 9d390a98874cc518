package io.cosmosdesk.query;

/** How a query parameter's typed value is read before it is sent as a {@code SqlParameter}. */
public enum ParameterType {
    TEXT("text"), NUMBER("number"), BOOLEAN("true/false"), NULL("null"), JSON("JSON");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    /** The word a user sees in the type chooser. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
