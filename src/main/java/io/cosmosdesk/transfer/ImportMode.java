package io.cosmosdesk.transfer;

/** What an import does with an item whose id already exists in its partition. */
public enum ImportMode {
    /** The default: an existing item is a conflict, reported and never overwritten. */
    CREATE_ONLY("Create only", "create"),
    /** An existing item is left as it is and the row reported as skipped. */
    SKIP_EXISTING("Skip existing", "skip"),
    /** An existing item is replaced by the row: explicit, with a warning. */
    UPSERT("Upsert (overwrite existing items)", "upsert");

    private final String label;
    private final String cliName;

    ImportMode(String label, String cliName) {
        this.label = label;
        this.cliName = cliName;
    }

    public String label() {
        return label;
    }

    public String cliName() {
        return cliName;
    }

    public static java.util.Optional<ImportMode> fromCliName(String name) {
        for (ImportMode mode : values()) {
            if (mode.cliName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return java.util.Optional.of(mode);
            }
        }
        return java.util.Optional.empty();
    }
}
