package io.cosmosdesk.cosmos;

/** The small set of failures the UI distinguishes; each has a plain-words default sentence. */
public enum ErrorKind {
    NOT_FOUND("It no longer exists: it may have been deleted by someone else. Refresh to see the current state."),
    CONFLICT("An item with this id already exists in this partition."),
    CHANGED_BY_SOMEONE_ELSE("Someone else changed this since you loaded it; your change was not saved."),
    TOO_LARGE("It is too large: Cosmos DB accepts items up to 2 MB."),
    THROTTLED("The account is busy (request rate too large) and the request still failed after retries. "
            + "Try again in a moment, or raise the container's throughput."),
    UNAUTHORIZED("The account rejected the credentials: check the key or connection string (it may have been "
            + "regenerated)."),
    FORBIDDEN("You are signed in but not allowed to do this. For Microsoft Entra ID, ask for a data-plane role "
            + "such as \"Cosmos DB Built-in Data Reader\" or \"Cosmos DB Built-in Data Contributor\"."),
    UNREACHABLE("Cannot reach the account: check the endpoint, your network, VPN or firewall."),
    TIMEOUT("The account did not answer in time. Check your network, then retry."),
    CERTIFICATE("The server's TLS certificate is not trusted. The local emulator uses a self-signed certificate: "
            + "connect with the \"Local emulator\" kind, or trust its certificate."),
    BAD_REQUEST("Cosmos DB rejected the request as invalid."),
    READ_ONLY("This connection is read-only: changes are not allowed."),
    CANCELLED("Cancelled."),
    UNKNOWN("Something went wrong talking to Cosmos DB.");

    private final String defaultSentence;

    ErrorKind(String defaultSentence) {
        this.defaultSentence = defaultSentence;
    }

    public String defaultSentence() {
        return defaultSentence;
    }
}
