package io.cosmosdesk.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cosmosdesk.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A local Cosmos DB-compatible server (the patched {@code @vercel/cosmosdb-server} in
 * {@code src/test/cosmos-server}) run as a {@code node} child process on a free loopback port.
 * The server chooses the port itself (it listens on port 0 and reports the port it got), so
 * there is no race for a port picked in advance.
 *
 * <p>Used by the integration tests and the sandbox. The server speaks HTTPS with a self-signed
 * certificate, like the emulator; {@link #start} sets the SDK's
 * {@value #CERT_VALIDATION_PROPERTY} property so clients accept it. The child dies with this JVM
 * because it exits when its stdin closes.
 */
public final class LocalCosmosServer implements AutoCloseable {

    /** The emulator's well-known account key; the local server accepts any key. */
    public static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    /** System property naming the server folder (holding server.js and node_modules). */
    public static final String SERVER_DIR_PROPERTY = "cosmos.server.dir";
    /** The SDK accepts the self-signed certificate only for localhost endpoints with this set. */
    public static final String CERT_VALIDATION_PROPERTY = "COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED";

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern READY_LINE =
            Pattern.compile("^cosmosdb-server listening on https://([^\\s/]+):(\\d+)\\s*$");
    private static final String CONTROL = "/_cosmosdesk/";
    private static final ObjectMapper JSON = Json.MAPPER;

    /** How an injected fault fails the requests it matches. */
    public enum FaultMode {
        /** 429 with x-ms-retry-after-ms and substatus 3200, as the service throttles. */
        THROTTLE("429"),
        /** 503 Service Unavailable. */
        UNAVAILABLE("503"),
        /** The connection is destroyed without an answer. */
        DROP("drop"),
        /** The request is never answered. */
        TIMEOUT("timeout"),
        /**
         * The request is handled (a write is applied) and then the connection is destroyed instead of answering:
         * the client never learns that its write succeeded.
         */
        APPLY_THEN_DROP("applyThenDrop"),
        /**
         * The request is handled (a write is applied) and its answer is held: nothing comes back and the connection
         * stays open, so a test can kill the client while it waits. The request log's status is the held answer's
         * once the write was applied.
         */
        APPLY_THEN_HOLD("applyThenHold");

        private final String wireName;

        FaultMode(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /**
     * Fails the next {@code count} requests that match {@code methods} (any when empty) and whose
     * path contains {@code pathContains} (any when null).
     */
    public record Fault(FaultMode mode, int count, long retryAfterMs, Set<String> methods, String pathContains) {
        public Fault {
            Objects.requireNonNull(mode, "mode");
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
            methods = methods == null ? Set.of() : Set.copyOf(methods);
        }

        public static Fault of(FaultMode mode, int count) {
            return new Fault(mode, count, 100, Set.of(), null);
        }

        public Fault onMethods(String... httpMethods) {
            return new Fault(mode, count, retryAfterMs, Set.of(httpMethods), pathContains);
        }

        public Fault onPathsContaining(String fragment) {
            return new Fault(mode, count, retryAfterMs, methods, fragment);
        }

        public Fault retryAfter(Duration delay) {
            return new Fault(mode, count, delay.toMillis(), methods, pathContains);
        }
    }

    /** One request as the server saw it; authType is "master", "aad", "resource" or null. */
    public record RecordedRequest(String time, String method, String path, String authType,
                                  Map<String, String> headers, Integer status, String fault) {
    }

    private final Process process;
    private final URI endpoint;
    private final SSLContext control;
    private final StringBuilder stderr;
    private final String accountKey;

    private LocalCosmosServer(Process process, URI endpoint, StringBuilder stderr, String accountKey) {
        this.accountKey = accountKey;
        this.process = process;
        this.endpoint = endpoint;
        this.stderr = stderr;
        this.control = trustAllContext();
    }

    /** Starts the server found through the {@value #SERVER_DIR_PROPERTY} system property. */
    public static LocalCosmosServer start() {
        String dir = System.getProperty(SERVER_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + SERVER_DIR_PROPERTY
                    + " is not set; it must name the folder holding server.js (src/test/cosmos-server)");
        }
        return start(Path.of(dir), DEFAULT_START_TIMEOUT);
    }

    /** Starts {@code node server.js} in {@code serverDir} and waits until it listens. */
    public static LocalCosmosServer start(Path serverDir, Duration startTimeout) {
        return start(serverDir, startTimeout, EMULATOR_KEY);
    }

    /** Like {@link #start()}, but the server accepts only {@code accountKey} (base64) for key auth. */
    public static LocalCosmosServer startWithKey(String accountKey) {
        String dir = System.getProperty(SERVER_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + SERVER_DIR_PROPERTY + " is not set");
        }
        return start(Path.of(dir), DEFAULT_START_TIMEOUT, accountKey);
    }

    /** Starts the server with the key it verifies master-key signatures against. */
    public static LocalCosmosServer start(Path serverDir, Duration startTimeout, String accountKey) {
        Path script = serverDir.resolve("server.js");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No server.js in " + serverDir.toAbsolutePath());
        }
        if (!Files.isDirectory(serverDir.resolve("node_modules"))) {
            throw new IllegalStateException("No node_modules in " + serverDir.toAbsolutePath()
                    + "; run `npm ci` there (the Maven build does it at generate-test-resources)");
        }
        System.setProperty(CERT_VALIDATION_PROPERTY, "true");

        Process process;
        try {
            // the key goes through stdin-free argv only for throw-away test keys; the emulator key is public
            process = new ProcessBuilder("node", "server.js", "--port", "0", "--host", "127.0.0.1", "--key", accountKey)
                    .directory(serverDir.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start `node` (is Node.js 20+ on the PATH?): "
                    + e.getMessage(), e);
        }
        StringBuilder stderr = new StringBuilder();
        drain(process.getErrorStream(), stderr, "cosmos-server-stderr");

        BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> awaitReadyLine(stdout));
        try {
            int listeningPort = port.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            drain(process.getInputStream(), new StringBuilder(), "cosmos-server-stdout");
            // 127.0.0.1 counts as an emulator host for the SDK (as do localhost and ::1), and is
            // where the server listens, whatever "localhost" resolves to
            return new LocalCosmosServer(process, URI.create("https://127.0.0.1:" + listeningPort + "/"), stderr,
                    accountKey);
        } catch (TimeoutException | ExecutionException e) {
            destroyTree(process);
            throw new IllegalStateException("The local Cosmos server did not start within "
                    + startTimeout.toSeconds() + " s" + describeFailure(e, stderr), e);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local Cosmos server", e);
        }
    }

    /** The account endpoint, {@code https://127.0.0.1:PORT/}. */
    public String endpoint() {
        return endpoint.toString();
    }

    /** The port the server listens on (loopback only). */
    public int port() {
        return endpoint.getPort();
    }

    /** The server's process id (benchmarks read its CPU time). */
    public long pid() {
        return process.pid();
    }

    /** The key to use with {@link #endpoint()}. */
    public String key() {
        return accountKey;
    }

    /** Fails the next matching requests; rules add up until they are used or cleared. */
    public void setFault(Fault fault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", fault.mode().wireName());
        body.put("count", fault.count());
        body.put("retryAfterMs", fault.retryAfterMs());
        if (!fault.methods().isEmpty()) {
            body.put("methods", List.copyOf(fault.methods()));
        }
        if (fault.pathContains() != null) {
            body.put("pathContains", fault.pathContains());
        }
        send("POST", "faults", body);
    }

    /** Removes every fault rule and lets go of requests held by a TIMEOUT fault. */
    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    /** The last 200 requests, oldest first. */
    public List<RecordedRequest> recentRequests() {
        String json = send("GET", "requests", null);
        try {
            return JSON.readValue(json, new TypeReference<List<RecordedRequest>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable request log from the local Cosmos server", e);
        }
    }

    /** Empties the request log. */
    public void clearRecentRequests() {
        send("DELETE", "requests", null);
    }

    /** Drops every database. */
    public void reset() {
        send("POST", "reset", null);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and any process it started. */
    @Override
    public void close() {
        destroyTree(process);
    }

    private String send(String method, String route, Object body) {
        try {
            HttpsURLConnection connection =
                    (HttpsURLConnection) endpoint.resolve(CONTROL + route).toURL().openConnection();
            connection.setSSLSocketFactory(control.getSocketFactory());
            // the certificate is self-signed for "cosmosdb"; this channel only ever talks to loopback
            connection.setHostnameVerifier((host, session) -> true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestMethod(method);
            connection.setRequestProperty("content-type", "application/json");
            if (body != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(JSON.writeValueAsBytes(body));
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 300) {
                throw new IllegalStateException("Local Cosmos server refused " + method + " " + route
                        + ": " + status + " " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Local Cosmos server unreachable at " + endpoint
                    + describeStderr(stderr), e);
        }
    }

    private static int awaitReadyLine(BufferedReader stdout) {
        try {
            String line;
            while ((line = stdout.readLine()) != null) {
                Matcher m = READY_LINE.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(2));
                }
            }
            throw new IllegalStateException("server exited before it was listening");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(InputStream stream, StringBuilder sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    synchronized (sink) {
                        // keep the tail only: enough to explain a failure
                        sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (sink.length() > 16_384) {
                            sink.delete(0, sink.length() - 16_384);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static String describeFailure(Exception e, StringBuilder stderr) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String reason = e instanceof TimeoutException ? "" : ": " + cause.getMessage();
        return reason + describeStderr(stderr);
    }

    private static String describeStderr(StringBuilder stderr) {
        // give the drainer a moment to collect what a crashing process printed
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            return stderr.isEmpty() ? " (no output on stderr)" : "; stderr:\n" + stderr.toString().strip();
        }
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The server's certificate is self-signed; the control channel (and test helpers talking to the server's own
     * routes) only ever talk to this loopback server. Sandbox and tests only: the app never trusts all.
     */
    public static SSLContext trustAllContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }
}
