package io.cosmosdesk.cli;

import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.connection.EntraCredentials;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.cosmos.SignInMethod;
import java.net.URI;
import java.util.List;

/**
 * Opens connections for commands from the sign-in options every command shares:
 * <ul>
 *   <li>{@code --endpoint URL}: the account (or emulator) endpoint;</li>
 *   <li>{@code --key-env NAME}: read the account key from that environment variable (never from the command line,
 *       where other users of the machine could read it);</li>
 *   <li>{@code --emulator}: a local emulator: its self-signed certificate is accepted for a local endpoint only,
 *       exactly as the app's emulator kind does; without {@code --key-env} its well-known key is used;</li>
 *   <li>neither key nor emulator: Microsoft Entra ID through DefaultAzureCredential.</li>
 * </ul>
 * A copy's target takes the same options with a prefix ({@code --to-endpoint}, {@code --to-key-env}, ...).
 */
public final class CliConnections {

    public static final String SIGN_IN_USAGE = """
              --endpoint URL         the account's endpoint, e.g. https://myaccount.documents.azure.com:443/
              --key-env NAME         read the account key from the environment variable NAME
                                     (without it: Microsoft Entra ID through DefaultAzureCredential,
                                     e.g. after `az login`, or AZURE_CLIENT_ID/SECRET/TENANT_ID)
              --emulator             a local emulator: accept its self-signed certificate (local endpoints
                                     only); uses the emulator's well-known key unless --key-env is given
            """;

    private CliConnections() {
    }

    /** Opens the connection the options name; stops with {@link Cli#CANNOT_CONNECT} and a sentence if it cannot. */
    public static CosmosConnection open(CliArgs args, CliIO io, String prefix) {
        String endpoint = args.require(prefix + "endpoint").strip();
        try {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(Cli.BAD_INPUT, "--" + prefix + "endpoint \"" + endpoint
                    + "\" is not a URL like https://myaccount.documents.azure.com:443/.");
        }
        boolean emulator = args.flag(prefix + "emulator");
        String keyVariable = args.optional(prefix + "key-env").orElse(null);
        Credentials credentials;
        AuthKind kind;
        if (keyVariable != null) {
            String key = io.env().get(keyVariable);
            if (key == null || key.isBlank()) {
                throw new CliException(Cli.BAD_INPUT, "The environment variable " + keyVariable
                        + " (named by --" + prefix + "key-env) is not set or is empty.");
            }
            credentials = new Credentials.AccountKey(key);
            kind = emulator ? AuthKind.EMULATOR : AuthKind.KEY;
        } else if (emulator) {
            credentials = new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY);
            kind = AuthKind.EMULATOR;
        } else {
            credentials = new Credentials.Entra(new EntraCredentials().create(SignInMethod.AUTOMATIC, null, code -> { }));
            kind = AuthKind.ENTRA_ID;
        }
        ConnectionProfile profile = ConnectionProfile.create(null, kind, endpoint);
        if (emulator && !profile.isLocalEndpoint()) {
            io.err().println("Note: " + endpoint + " is not on this machine, so its certificate is checked as usual"
                    + " (pin it in the app's connection dialog to trust a self-signed one).");
        }
        try {
            new PinnedCertificates(AppDirectories.detect().config()).install();
            return new CosmosClientFactory().open(profile, credentials);
        } catch (CosmosDeskException e) {
            throw new CliException(Cli.CANNOT_CONNECT, "Cannot connect to " + endpoint + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CliException(Cli.CANNOT_CONNECT, "Cannot connect to " + endpoint + ": " + e, e);
        }
    }

    /**
     * The container {@code database/container} on {@code connection}, read from the account (which also proves the
     * sign-in works). Stops with {@link Cli#CANNOT_CONNECT} when the account cannot be reached or refuses us, and
     * with {@link Cli#BAD_INPUT} when the database or container does not exist.
     */
    public static ContainerHandle container(CosmosConnection connection, String database, String container) {
        List<ContainerInfo> containers;
        try {
            containers = new ResourceService().readContainers(connection, database);
        } catch (CosmosDeskException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw new CliException(Cli.BAD_INPUT, "The database \"" + database + "\" does not exist on "
                        + connection.profile().endpoint() + ".", e);
            }
            throw new CliException(Cli.CANNOT_CONNECT, e.getMessage(), e);
        }
        return containers.stream().filter(info -> info.ref().containerId().equals(container)).findFirst()
                .map(info -> new ContainerHandle(connection, info))
                .orElseThrow(() -> new CliException(Cli.BAD_INPUT, "The container \"" + container
                        + "\" does not exist in the database \"" + database + "\"."));
    }
}
