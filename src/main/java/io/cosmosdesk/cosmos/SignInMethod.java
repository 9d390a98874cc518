package io.cosmosdesk.cosmos;

/** How a Microsoft Entra ID connection obtains its token. */
public enum SignInMethod {
    /** DefaultAzureCredential: environment, workload/managed identity, Azure CLI, azd, PowerShell, IDEs. */
    AUTOMATIC("Automatic (DefaultAzureCredential)"),
    /** The system browser opens the Microsoft sign-in page. */
    BROWSER("Sign in with browser"),
    /** A code to enter at microsoft.com/devicelogin, for machines without a usable browser. */
    DEVICE_CODE("Device code");

    private final String label;

    SignInMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
