package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.Credentials;

/** What the dialog hands to the main window: a checked profile and its credentials. */
public record ConnectRequest(ConnectionProfile profile, Credentials credentials) {
}
