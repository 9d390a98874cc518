package io.cosmosdesk.sandbox;

import io.cosmosdesk.app.Launcher;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox ({@code mvn -Pdemo javafx:run}): starts the local Cosmos server, fills it with
 * {@link SampleDataSeeder}'s sample data and opens CosmosDesk connected to it. Closing the app stops
 * the server; so does Ctrl+C.
 *
 * <p>Deliberately not an {@code Application}, and it starts the app through {@link Launcher}, so
 * the sandbox package stays free of JavaFX (a main class extending {@code Application} makes the JDK
 * demand JavaFX on the module path: "JavaFX runtime components are missing").
 */
public final class SandboxLauncher {

    private static final int MINIMUM_NODE_MAJOR = 20;

    private SandboxLauncher() {
    }

    public static void main(String[] args) {
        LocalCosmosServer server;
        try {
            requireServerDirectory();
            requireNode();
            System.out.println("Starting the local Cosmos server…");
            server = LocalCosmosServer.start();
        } catch (IllegalStateException e) {
            System.err.println("CosmosDesk sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl+C or a killed Maven never reaches the finally below
        Thread stopOnExit = new Thread(server::close, "cosmos-server-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            seed(server);
            // the orders grid opens at once: sample data on screen without knowing where to click
            List<String> appArgs = new ArrayList<>(List.of("--connect-emulator=" + server.endpoint(),
                    "--open=retail/orders"));
            appArgs.addAll(List.of(args));
            System.out.println("Opening CosmosDesk on " + server.endpoint());
            Launcher.main(appArgs.toArray(String[]::new)); // returns when the app's window is closed
        } catch (SampleDataSeeder.SeedingException e) {
            System.err.println("CosmosDesk sandbox: seeding the sample data failed: " + e.getMessage());
            System.exit(1); // the shutdown hook stops the server
        } finally {
            server.close();
            removeShutdownHook(stopOnExit);
        }
        System.out.println("Local Cosmos server stopped.");
    }

    private static void seed(LocalCosmosServer server) {
        ConnectionProfile profile = ConnectionProfile.create("Sandbox", AuthKind.EMULATOR, server.endpoint());
        try (CosmosConnection connection = new CosmosClientFactory()
                .open(profile, new Credentials.AccountKey(server.key()))) {
            SampleDataSeeder.SeedResult result = new SampleDataSeeder(connection.client())
                    .seed(new ConsoleProgress());
            System.out.printf(Locale.ROOT, "Sample data: %,d items written in %.1f s%n",
                    result.itemsWritten(), result.elapsed().toMillis() / 1000.0);
        }
    }

    private static void requireServerDirectory() {
        String dir = System.getProperty(LocalCosmosServer.SERVER_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("the system property " + LocalCosmosServer.SERVER_DIR_PROPERTY
                    + " must name the local Cosmos server's folder (src/test/cosmos-server). "
                    + "Start the sandbox with `mvn -Pdemo javafx:run`, which sets it.");
        }
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("server.js"))) {
            throw new IllegalStateException("no local Cosmos server (server.js) in " + path.toAbsolutePath()
                    + ". Start the sandbox from the project folder with `mvn -Pdemo javafx:run`.");
        }
        if (!Files.isDirectory(path.resolve("node_modules"))) {
            throw new IllegalStateException("the local Cosmos server in " + path.toAbsolutePath()
                    + " is not installed; run `npm ci` there, or start the sandbox with `mvn -Pdemo javafx:run`.");
        }
    }

    /** Fails with install advice when {@code node} is missing or older than the server needs. */
    private static void requireNode() {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Node.js is not installed, or `node` is not on the PATH. "
                    + "The sandbox's local Cosmos server needs Node.js " + MINIMUM_NODE_MAJOR
                    + " or later: https://nodejs.org");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for Node.js", e);
        }
        int major = majorVersion(version);
        if (major >= 0 && major < MINIMUM_NODE_MAJOR) {
            throw new IllegalStateException("Node.js " + version + " is too old; the local Cosmos server needs "
                    + MINIMUM_NODE_MAJOR + " or later: https://nodejs.org");
        }
    }

    /** 20 for "v20.11.1"; -1 when the text is not a version (then we let the server try). */
    static int majorVersion(String nodeVersion) {
        String digits = nodeVersion.startsWith("v") ? nodeVersion.substring(1) : nodeVersion;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; the server is stopped either way
        }
    }

    /** One console line per tenth of the work, and one whenever the step changes; fit for a Maven log. */
    private static final class ConsoleProgress implements SampleDataSeeder.ProgressListener {
        private int lastTenth = -1;
        private String lastMessage = "";

        @Override
        public synchronized void progress(double fraction, String message) {
            int tenth = (int) (fraction * 10);
            if (tenth == lastTenth && message.equals(lastMessage)) {
                return;
            }
            lastTenth = tenth;
            lastMessage = message;
            System.out.printf(Locale.ROOT, "  %3d%%  %s%n", Math.round(fraction * 100), message);
        }
    }
}
