package io.cosmosdesk.cosmos;

/** The server-side scripts a container holds: stored procedures, triggers and user-defined functions. */
public enum ScriptKind {
    STORED_PROCEDURE("Stored procedures", "stored procedure"),
    TRIGGER("Triggers", "trigger"),
    USER_DEFINED_FUNCTION("User-defined functions", "user-defined function");

    private final String groupLabel;
    private final String noun;

    ScriptKind(String groupLabel, String noun) {
        this.groupLabel = groupLabel;
        this.noun = noun;
    }

    /** The tree's group row: "Stored procedures". */
    public String groupLabel() {
        return groupLabel;
    }

    /** In sentences: "stored procedure". */
    public String noun() {
        return noun;
    }
}
