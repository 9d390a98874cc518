package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.Collection;
import java.util.Optional;

/**
 * Which open connection an unfinished job belongs to. A job records the connection's name and (since the
 * endpoint was added to the journal) its endpoint: two connections may share a name, so when the journal has
 * an endpoint both must match. Journals without one are matched by name, as before.
 */
public final class JobConnections {

    private JobConnections() {
    }

    /** True when the job was made on this connection (endpoint and name; name only for old journals). */
    public static boolean ranOn(MoveJobSummary job, ConnectionProfile profile) {
        if (job.problem() != null || !job.connectionName().equals(profile.name())) {
            return false;
        }
        return job.endpoint().isBlank()
                || ConnectionProfile.normaliseEndpoint(job.endpoint()).equals(ConnectionProfile.normaliseEndpoint(profile.endpoint()));
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
