package io.cosmosdesk.manage;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosContainerRequestOptions;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.azure.cosmos.models.ThroughputProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local Azure Resource Manager for tests: HTTPS (a self-signed certificate for localhost, made with keytool), the
 * ARM REST routes azure-resourcemanager-cosmos calls (subscriptions, databaseAccounts, sqlDatabases, containers,
 * throughputSettings, and Azure-AsyncOperation polling), each change carried out on the real local Cosmos server
 * with the account key. Bearer tokens decide: an operator's is obeyed, a reader's gets 403 AuthorizationFailed.
 */
final class LocalResourceManager implements AutoCloseable {

    static final String SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    static final String RESOURCE_GROUP = "rg-local";
    static final String ACCOUNT = "local-account";
    static final String OPERATOR_TOKEN = "operator-token";
    static final String READER_TOKEN = "reader-token";

    private static final String PROVIDER = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP
            + "/providers/Microsoft.DocumentDB/databaseAccounts/" + ACCOUNT;
    private static final Pattern SQL = Pattern.compile("(?i)" + Pattern.quote(PROVIDER)
            + "/sqlDatabases/([^/]+)(?:/containers/([^/]+))?(/throughputSettings/default"
            + "(/migrateToAutoscale|/migrateToManualThroughput)?)?");

    private final HttpsServer server;
    private final CosmosAsyncClient cosmos;
    private final String documentEndpoint;
    private final X509Certificate certificate;
    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    /** "METHOD path" of every request, in order (polls included), for tests to check what the SDK did. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Set<String> forbiddenTokens = ConcurrentHashMap.newKeySet();
    /** "autoscale db/container" or "manual db/container" for every migration made. */
    final List<String> migrations = new CopyOnWriteArrayList<>();

    LocalResourceManager(CosmosAsyncClient cosmos, String documentEndpoint, Path work) throws Exception {
        this.cosmos = cosmos;
        this.documentEndpoint = documentEndpoint;
        forbiddenTokens.add(READER_TOKEN);
        Path store = work.resolve("arm-tls.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "arm", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        certificate = (X509Certificate) keys.getCertificate("arm");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    X509Certificate certificate() {
        return certificate;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization == null || !authorization.startsWith("Bearer ") ? null
                    : authorization.substring(7);
            if (token == null) {
                error(exchange, 401, "AuthenticationFailed", "Authentication failed: no bearer token.");
                return;
            }
            if (forbiddenTokens.contains(token) && !method.equals("GET")) {
                error(exchange, 403, "AuthorizationFailed", "The client 'reader@example.com' does not have"
                        + " authorization to perform action 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/write'"
                        + " over scope '" + path + "' or the scope is invalid.");
                return;
            }
            route(exchange, method, path);
        } catch (CosmosException e) {
            respondCosmosFailure(exchange, e);
        } catch (RuntimeException | IOException | Error e) {
            System.err.println("LocalResourceManager: " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " failed: " + e);
            e.printStackTrace();
            error(exchange, 500, "InternalServerError", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equalsIgnoreCase("/subscriptions")) {
            ObjectNode subscription = Json.MAPPER.createObjectNode().put("id", "/subscriptions/" + SUBSCRIPTION)
                    .put("subscriptionId", SUBSCRIPTION).put("displayName", "Local").put("state", "Enabled");
            list(exchange, subscription);
            return;
        }
        if (path.matches("(?i)/subscriptions/" + SUBSCRIPTION + "(/resourceGroups/" + RESOURCE_GROUP
                + ")?/providers/Microsoft.DocumentDB/databaseAccounts")) {
            ObjectNode account = Json.MAPPER.createObjectNode().put("id", PROVIDER).put("name", ACCOUNT)
                    .put("type", "Microsoft.DocumentDB/databaseAccounts").put("location", "West Europe");
            account.putObject("properties").put("documentEndpoint", documentEndpoint)
                    .put("provisioningState", "Succeeded");
            list(exchange, account);
            return;
        }
        if (path.matches("(?i)/subscriptions/[^/]+(/resourceGroups/[^/]+)?/providers/Microsoft.DocumentDB"
                + "/databaseAccounts")) {
            list(exchange, null);
            return;
        }
        if (path.startsWith("/operations/")) {
            AtomicInteger polls = operations.get(path.substring("/operations/".length()));
            if (polls == null) {
                error(exchange, 404, "NotFound", "No such operation.");
                return;
            }
            // the first poll finds it still running, so the SDK's polling (and the app's waiting) is exercised
            String status = polls.getAndIncrement() == 0 ? "InProgress" : "Succeeded";
            send(exchange, 200, Json.MAPPER.createObjectNode().put("status", status), Map.of("Retry-After", "0"));
            return;
        }
        Matcher sql = SQL.matcher(path);
        if (!sql.matches()) {
            error(exchange, 404, "NotFound", "No route for " + path);
            return;
        }
        String database = sql.group(1);
        String container = sql.group(2);
        boolean throughput = sql.group(3) != null;
        JsonNode body = method.equals("PUT") ? Json.MAPPER.readTree(exchange.getRequestBody()) : null;
        if (sql.group(4) != null && method.equals("POST")) {
            migrate(exchange, path, database, container, sql.group(4).equals("/migrateToAutoscale"));
        } else if (throughput) {
            throughput(exchange, method, path, database, container, body);
        } else if (container == null) {
            database(exchange, method, path, database, body);
        } else {
            container(exchange, method, path, database, container, body);
        }
    }

    private void database(HttpExchange exchange, String method, String path, String database, JsonNode body)
            throws IOException {
        switch (method) {
            case "GET" -> {
                cosmos.getDatabase(database).read().block();
                send(exchange, 200, resource(path, database, Json.MAPPER.createObjectNode().put("id", database)),
                        Map.of());
            }
            case "PUT" -> {
                ThroughputProperties throughput = throughput(body.path("properties").path("options"));
                if (throughput == null) {
                    cosmos.createDatabase(database).block();
                } else {
                    cosmos.createDatabase(database, throughput).block();
                }
                accepted(exchange);
            }
            case "DELETE" -> {
                cosmos.getDatabase(database).delete().block();
                accepted(exchange);
            }
            default -> error(exchange, 405, "MethodNotAllowed", method);
        }
    }

    private void container(HttpExchange exchange, String method, String path, String database, String id,
            JsonNode body) throws IOException {
        CosmosAsyncContainer container = cosmos.getDatabase(database).getContainer(id);
        switch (method) {
            case "GET" -> send(exchange, 200, resource(path, id, describe(container.read().block()
                    .getProperties())), Map.of());
            case "PUT" -> {
                JsonNode resource = body.path("properties").path("resource");
                CosmosContainerProperties wanted = properties(resource);
                CosmosContainerProperties existing;
                try {
                    existing = container.read().block().getProperties();
                } catch (CosmosException e) {
                    if (e.getStatusCode() != 404) {
                        throw e;
                    }
                    existing = null;
                }
                if (existing != null) {
                    // a PUT replaces what may change: what the body leaves out is off (time to live) or default
                    existing.setDefaultTimeToLiveInSeconds(wanted.getDefaultTimeToLiveInSeconds());
                    existing.setIndexingPolicy(wanted.getIndexingPolicy());
                    if (!wanted.getComputedProperties().isEmpty()) {
                        existing.setComputedProperties(wanted.getComputedProperties());
                    }
                    container.replace(existing, new CosmosContainerRequestOptions()).block();
                } else {
                    ThroughputProperties throughput = throughput(body.path("properties").path("options"));
                    if (throughput == null) {
                        cosmos.getDatabase(database).createContainer(wanted).block();
                    } else {
                        cosmos.getDatabase(database).createContainer(wanted, throughput).block();
                    }
                }
                accepted(exchange);
            }
            case "DELETE" -> {
                container.delete().block();
                accepted(exchange);
            }
            default -> error(exchange, 405, "MethodNotAllowed", method);
        }
    }

    private void throughput(HttpExchange exchange, String method, String path, String database, String container,
            JsonNode body) throws IOException {
        var database0 = cosmos.getDatabase(database);
        if (method.equals("PUT")) {
            ThroughputProperties wanted = throughputOf(body.path("properties").path("resource"));
            if (container == null) {
                database0.replaceThroughput(wanted).block();
            } else {
                database0.getContainer(container).replaceThroughput(wanted).block();
            }
            accepted(exchange);
            return;
        }
        ThroughputProperties current = (container == null ? database0.readThroughput()
                : database0.getContainer(container).readThroughput()).block().getProperties();
        ObjectNode resource = Json.MAPPER.createObjectNode();
        if (current.getAutoscaleMaxThroughput() > 0) {
            resource.put("throughput", current.getAutoscaleMaxThroughput() / 10);
            resource.putObject("autoscaleSettings").put("maxThroughput", current.getAutoscaleMaxThroughput());
        } else {
            resource.put("throughput", current.getManualThroughput());
        }
        send(exchange, 200, resource(path, "default", resource), Map.of());
    }

    /**
     * Manual to autoscale or back, as the service migrates: it picks the figure in the new mode (autoscale: ten times
     * the manual RU/s rounded up to 1,000; manual: a tenth of the maximum rounded up to 100, at least 400).
     */
    private void migrate(HttpExchange exchange, String path, String database, String container, boolean toAutoscale)
            throws IOException {
        var target = container == null ? null : cosmos.getDatabase(database).getContainer(container);
        ThroughputProperties current = (target == null ? cosmos.getDatabase(database).readThroughput()
                : target.readThroughput()).block().getProperties();
        ThroughputProperties migrated;
        if (toAutoscale) {
            int manual = current.getManualThroughput() == null ? 400 : current.getManualThroughput();
            migrated = ThroughputProperties.createAutoscaledThroughput(Math.max(1000, (manual * 10 + 999) / 1000 * 1000));
        } else {
            int max = current.getAutoscaleMaxThroughput();
            migrated = ThroughputProperties.createManualThroughput(Math.max(400, (max / 10 + 99) / 100 * 100));
        }
        if (target == null) {
            cosmos.getDatabase(database).replaceThroughput(migrated).block();
        } else {
            target.replaceThroughput(migrated).block();
        }
        migrations.add((toAutoscale ? "autoscale " : "manual ") + database + "/" + container);
        // the final result is the throughput resource itself: Location points at it
        exchange.getResponseHeaders().add("Location", endpoint() + path.substring(0, path.lastIndexOf('/'))
                + "?api-version=2025-04-15");
        accepted(exchange);
    }

    /** The container as Resource Manager shows it: the data plane's properties under properties.resource. */
    private static ObjectNode describe(CosmosContainerProperties properties) throws IOException {
        ObjectNode resource = Json.MAPPER.createObjectNode().put("id", properties.getId())
                .put("_etag", properties.getETag());
        PartitionKeyDefinition key = properties.getPartitionKeyDefinition();
        ObjectNode partitionKey = resource.putObject("partitionKey");
        key.getPaths().forEach(partitionKey.putArray("paths")::add);
        partitionKey.put("kind", key.getKind() == PartitionKind.MULTI_HASH ? "MultiHash" : "Hash").put("version", 2);
        if (properties.getDefaultTimeToLiveInSeconds() != null) {
            resource.put("defaultTtl", properties.getDefaultTimeToLiveInSeconds());
        }
        if (properties.getUniqueKeyPolicy() != null) {
            ArrayNode keys = resource.putObject("uniqueKeyPolicy").putArray("uniqueKeys");
            properties.getUniqueKeyPolicy().getUniqueKeys().forEach(unique -> {
                ArrayNode paths = keys.addObject().putArray("paths");
                unique.getPaths().forEach(paths::add);
            });
        }
        resource.set("indexingPolicy", Json.MAPPER.readTree(IndexingPolicyJson.format(properties.getIndexingPolicy())));
        String computed = ComputedPropertiesJson.format(properties.getComputedProperties());
        if (computed != null && !computed.isBlank()) {
            resource.set("computedProperties", Json.MAPPER.readTree(computed));
        }
        return resource;
    }

    private static CosmosContainerProperties properties(JsonNode resource) throws IOException {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        List<String> paths = new ArrayList<>();
        resource.path("partitionKey").path("paths").forEach(path -> paths.add(path.asText()));
        key.setPaths(paths);
        key.setKind("MultiHash".equalsIgnoreCase(resource.path("partitionKey").path("kind").asText())
                ? PartitionKind.MULTI_HASH : PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        CosmosContainerProperties properties = new CosmosContainerProperties(resource.path("id").asText(), key);
        if (resource.hasNonNull("defaultTtl")) {
            properties.setDefaultTimeToLiveInSeconds(resource.get("defaultTtl").asInt());
        }
        if (resource.path("uniqueKeyPolicy").path("uniqueKeys").size() > 0) {
            List<UniqueKey> keys = new ArrayList<>();
            resource.path("uniqueKeyPolicy").path("uniqueKeys").forEach(unique -> {
                List<String> uniquePaths = new ArrayList<>();
                unique.path("paths").forEach(path -> uniquePaths.add(path.asText()));
                keys.add(new UniqueKey(uniquePaths));
            });
            UniqueKeyPolicy policy = new UniqueKeyPolicy();
            policy.setUniqueKeys(keys);
            properties.setUniqueKeyPolicy(policy);
        }
        if (resource.has("indexingPolicy")) {
            properties.setIndexingPolicy(IndexingPolicyJson.parse(Json.MAPPER.writeValueAsString(
                    resource.get("indexingPolicy"))));
        }
        if (resource.path("computedProperties").size() > 0) {
            properties.setComputedProperties(ComputedPropertiesJson.parse(Json.MAPPER.writeValueAsString(
                    resource.get("computedProperties"))));
        }
        return properties;
    }

    private static ThroughputProperties throughput(JsonNode options) {
        if (options.path("autoscaleSettings").path("maxThroughput").asInt() > 0) {
            return ThroughputProperties.createAutoscaledThroughput(options.path("autoscaleSettings")
                    .path("maxThroughput").asInt());
        }
        return options.path("throughput").asInt() > 0
                ? ThroughputProperties.createManualThroughput(options.path("throughput").asInt()) : null;
    }

    private static ThroughputProperties throughputOf(JsonNode resource) {
        if (resource.path("autoscaleSettings").path("maxThroughput").asInt() > 0) {
            return ThroughputProperties.createAutoscaledThroughput(resource.path("autoscaleSettings")
                    .path("maxThroughput").asInt());
        }
        return ThroughputProperties.createManualThroughput(resource.path("throughput").asInt());
    }

    private ObjectNode resource(String path, String name, ObjectNode resource) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("id", path).put("name", name)
                .put("location", "West Europe");
        node.putObject("properties").set("resource", resource);
        return node;
    }

    /** 202 with an Azure-AsyncOperation to poll: the change is made, the operation reports it on its second poll. */
    private void accepted(HttpExchange exchange) throws IOException {
        String id = UUID.randomUUID().toString();
        operations.put(id, new AtomicInteger());
        exchange.getResponseHeaders().add("Azure-AsyncOperation", endpoint() + "/operations/" + id
                + "?api-version=2025-04-15");
        exchange.getResponseHeaders().add("Retry-After", "0");
        exchange.sendResponseHeaders(202, -1);
    }

    private void list(HttpExchange exchange, ObjectNode one) throws IOException {
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode value = page.putArray("value");
        if (one != null) {
            value.add(one);
        }
        send(exchange, 200, page, Map.of());
    }

    private void respondCosmosFailure(HttpExchange exchange, CosmosException e) throws IOException {
        int status = e.getStatusCode();
        String code = switch (status) {
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 400 -> "BadRequest";
            case 429 -> "TooManyRequests";
            default -> "InternalServerError";
        };
        error(exchange, status == 0 ? 500 : status, code, e.getShortMessage());
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        send(exchange, status, body, Map.of());
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
