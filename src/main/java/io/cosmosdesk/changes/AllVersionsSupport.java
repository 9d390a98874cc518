package io.cosmosdesk.changes;

import com.azure.cosmos.CosmosException;
import io.cosmosdesk.cosmos.ContainerHandle;

/** Whether a container's account serves the all-versions-and-deletes change feed, and if not, why not. */
public record AllVersionsSupport(boolean isAvailable, String reason) {

    public static AllVersionsSupport available() {
        return new AllVersionsSupport(true, "");
    }

    public static AllVersionsSupport unavailable(String reason) {
        return new AllVersionsSupport(false, reason);
    }

    static String notEnabledSentence(ContainerHandle handle, CosmosException refusal) {
        if (handle.connection().profile().isLocalEndpoint()) {
            return "All versions and deletes is not available: the local emulator keeps only the latest version of "
                    + "each item, so deletes and the versions in between cannot be shown.";
        }
        return "All versions and deletes is not available on this account: it needs continuous backup turned on "
                + "for the account (the service refused the mode with status " + refusal.getStatusCode() + ").";
    }
}
