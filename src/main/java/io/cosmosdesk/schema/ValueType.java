package io.cosmosdesk.schema;

/** The kinds of value a field can hold. Dates and GUIDs are strings recognised by their form. */
public enum ValueType {
    STRING("string"), DATE("date"), GUID("guid"), NUMBER("number"), BOOLEAN("boolean"), NULL("null"),
    OBJECT("object"), ARRAY("array");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for strings of any form. */
    public boolean isString() {
        return this == STRING || this == DATE || this == GUID;
    }

    /** The JSON type name (JSON Schema's "type"). */
    public String jsonType() {
        return switch (this) {
            case STRING, DATE, GUID -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case OBJECT -> "object";
            case ARRAY -> "array";
        };
    }
}
