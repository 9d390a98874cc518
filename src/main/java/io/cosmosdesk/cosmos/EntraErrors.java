package io.cosmosdesk.cosmos;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.CredentialUnavailableException;

/** Sentences for Microsoft Entra ID sign-in failures. */
public final class EntraErrors {

    static final String NO_SIGN_IN = "No Microsoft Entra ID sign-in is available on this machine. Choose "
            + "\"Sign in with browser\" or \"Device code\", or sign in with the Azure CLI (az login) and try again.";

    private EntraErrors() {
    }

    public static CosmosDeskException signInFailed(Throwable failure) {
        Throwable error = CosmosErrors.unwrap(failure);
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialUnavailableException) {
                return new CosmosDeskException(ErrorKind.UNAUTHORIZED, NO_SIGN_IN, 0, 0, null, 0, error);
            }
            if (t instanceof ClientAuthenticationException) {
                return new CosmosDeskException(ErrorKind.UNAUTHORIZED, "Microsoft Entra ID sign-in failed: "
                        + firstSentence(Secrets.redact(t.getMessage())), 0, 0, null, 0, error);
            }
        }
        if (error instanceof CosmosDeskException known) {
            return known;
        }
        return new CosmosDeskException(ErrorKind.UNAUTHORIZED, "Microsoft Entra ID sign-in failed: "
                + firstSentence(Secrets.redact(String.valueOf(error.getMessage()))), 0, 0, null, 0, error);
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "no reason given.";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }
}
