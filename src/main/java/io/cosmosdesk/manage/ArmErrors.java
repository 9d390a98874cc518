package io.cosmosdesk.manage;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.EntraErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Azure Resource Manager's failures as the sentences the user reads (one home for them). */
final class ArmErrors {

    /** What a 403 from Resource Manager means and what to ask for. */
    static final String NO_CONTROL_PLANE_ROLE = "Azure Resource Manager refused this: your Microsoft Entra ID sign-in"
            + " has no control-plane role on this account. Ask for a role such as \"Cosmos DB Operator\" or"
            + " \"DocumentDB Account Contributor\" on the account or its resource group, or connect with the account"
            + " key.";

    static final String THROTTLED = "Azure Resource Manager is throttling requests (too many in a short time). Wait a"
            + " minute, then try again.";

    private ArmErrors() {
    }

    /**
     * @param action what was being done, e.g. "Creating the container orders"
     * @param conflict the sentence for a 409 (null: another operation on the account is in progress)
     * @param missing the sentence for a 404 (null: the account or parent is not found)
     */
    static CosmosDeskException map(String action, Throwable failure, String conflict, String missing) {
        Throwable error = CosmosErrors.unwrap(failure);
        if (error instanceof CosmosDeskException known) {
            return known;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialUnavailableException || t instanceof ClientAuthenticationException) {
                return EntraErrors.signInFailed(t);
            }
            if (t instanceof ManagementException management) {
                return fromManagement(action, management, conflict, missing);
            }
            if (t instanceof SSLException) {
                return new CosmosDeskException(ErrorKind.CERTIFICATE, "The TLS certificate of Azure Resource"
                        + " Manager is not trusted on this machine (" + firstLine(t.getMessage()) + ").", 0, 0,
                        null, 0, error);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach Azure Resource Manager: check"
                        + " your network, proxy or firewall, then try again. " + action + " did not start.", 0, 0,
                        null, 0, error);
            }
            if (t instanceof TimeoutException || t instanceof IOException) {
                return new CosmosDeskException(ErrorKind.UNREACHABLE, "Azure Resource Manager did not answer ("
                        + firstLine(t.getMessage()) + "). Refresh to see whether the change was made, then try"
                        + " again.", 0, 0, null, 0, error);
            }
        }
        return new CosmosDeskException(ErrorKind.UNKNOWN, action + " through Azure Resource Manager failed: "
                + firstLine(error.getMessage()), 0, 0, null, 0, error);
    }

    private static CosmosDeskException fromManagement(String action, ManagementException e, String conflict,
            String missing) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
        String code = e.getValue() == null || e.getValue().getCode() == null ? "" : e.getValue().getCode();
        String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
        if (status == 403 || code.equals("AuthorizationFailed") || code.equals("LinkedAuthorizationFailed")) {
            return new CosmosDeskException(ErrorKind.FORBIDDEN, NO_CONTROL_PLANE_ROLE, status, 0, null, 0, e);
        }
        if (status == 401) {
            return new CosmosDeskException(ErrorKind.UNAUTHORIZED, "Azure Resource Manager did not accept the"
                    + " Microsoft Entra ID sign-in (" + code + "). Sign in again, or check the tenant id of the"
                    + " connection.", status, 0, null, 0, e);
        }
        if (status == 404) {
            return new CosmosDeskException(ErrorKind.NOT_FOUND, missing != null ? missing : "Azure Resource Manager"
                    + " does not know the account or what it holds any more (" + code + "): it may have been deleted"
                    + " elsewhere. Refresh.", status, 0, null, 0, e);
        }
        if (status == 409) {
            return new CosmosDeskException(ErrorKind.CONFLICT, conflict != null ? conflict : "Another change to"
                    + " this account is still in progress (" + code + "). Wait for it to finish, then try again.",
                    status, 0, null, 0, e);
        }
        if (status == 429) {
            return new CosmosDeskException(ErrorKind.THROTTLED, THROTTLED, status, 0, null, 0, e);
        }
        if (status == 400) {
            return new CosmosDeskException(ErrorKind.BAD_REQUEST, "Azure Resource Manager refused the request: "
                    + firstLine(message), status, 0, null, 0, e);
        }
        return new CosmosDeskException(ErrorKind.UNKNOWN, action + " through Azure Resource Manager failed ("
                + status + (code.isEmpty() ? "" : " " + code) + "): " + firstLine(message), status, 0, null, 0, e);
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given.";
        }
        String line = Secrets.redact(message).strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
