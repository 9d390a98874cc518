package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which open connection an unfinished job belongs to. A job records the connection's name and (since the
 * endpoint was added to the journal) its endpoint: two connections may share a name, so when the journal has
 * an endpoint both must match. Journals without one are matched by name, as before.
 */
public final class JobConnections {

    private JobConnections() {
    }

    /** Lower-case scheme and host, no trailing slash: "HTTPS://Acct.Documents.Azure.com:443/" → "https://acct.documents.azure.com:443". */
    public static String normaliseEndpoint(String endpoint) {
        if (endpoint == null) {
            return "";
        }
        String text = endpoint.strip();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                text = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                        + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                        + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (java.net.URISyntaxException e) {
            // not a URI: compare it as typed, less its trailing slashes
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** True when the job was made on this connection (endpoint and name; name only for old journals). */
    public static boolean ranOn(MoveJobSummary job, ConnectionProfile profile) {
        if (job.problem() != null || !job.connectionName().equals(profile.name())) {
            return false;
        }
        return job.endpoint().isBlank()
                || normaliseEndpoint(job.endpoint()).equals(normaliseEndpoint(profile.endpoint()));
    }

    /** The open connection the job was made on. */
    public static Optional<CosmosConnection> find(MoveJobSummary job, Collection<CosmosConnection> open) {
        return open.stream().filter(connection -> ranOn(job, connection.profile())).findFirst();
    }

    /** The open connection the job was made on, or a refusal naming the connection (and endpoint) to connect to. */
    public static CosmosConnection require(MoveJobSummary job, Collection<CosmosConnection> open) {
        return find(job, open).orElseThrow(() -> new CosmosDeskException(ErrorKind.NOT_FOUND, notOpen(job)));
    }

    static String notOpen(MoveJobSummary job) {
        return job.endpoint().isBlank()
                ? "Connect to \"" + job.connectionName() + "\" first: this move was made on that connection."
                : "Connect to \"" + job.connectionName() + "\" at " + job.endpoint()
                        + " first: this move was made on that connection, and no open connection has that name "
                        + "and endpoint.";
    }
}
