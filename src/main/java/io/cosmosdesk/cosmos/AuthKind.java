package io.cosmosdesk.cosmos;

/** How a connection authenticates. */
public enum AuthKind {
    /** Microsoft Entra ID through azure-identity (works for accounts with key auth disabled). */
    ENTRA_ID("Microsoft Entra ID"),
    /** Account key or connection string. */
    KEY("Account key"),
    /** The local emulator: a key plus its self-signed certificate accepted for that endpoint only. */
    EMULATOR("Local emulator");

    private final String label;

    AuthKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
