package io.cosmosdesk.cosmos;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * "Test connection" in stages, each failing fast with its own sentence: the host resolves, the port
 * answers, TLS is trusted, the credentials are accepted (a signed {@code GET /} that also reads the
 * account's regions and consistency), and databases can be listed through the SDK.
 */
public class AccountProbe {

    /** The stages, in order, as the dialog lists them. */
    public enum Stage { RESOLVE, REACH, TLS, AUTHENTICATE, LIST_DATABASES }

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    /** Resolves host names; replaceable in tests so none of them needs a real DNS server. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    private final CosmosClientFactory clientFactory;
    private final ResourceService resources;
    private final HostResolver resolver;

    public AccountProbe(CosmosClientFactory clientFactory, ResourceService resources) {
        this(clientFactory, resources, InetAddress::getByName);
    }

    public AccountProbe(CosmosClientFactory clientFactory, ResourceService resources, HostResolver resolver) {
        this.clientFactory = clientFactory;
        this.resources = resources;
        this.resolver = resolver;
    }

    /**
     * Runs every stage; {@code onStage} hears each stage as it starts. Throws {@link CosmosDeskException}
     * naming the failed stage's cause.
     */
    public AccountFacts probe(ConnectionProfile profile, Credentials credentials, Consumer<Stage> onStage) {
        URI endpoint = parseEndpoint(profile.endpoint());
        boolean local = profile.isLocalEndpoint();
        Duration connectTimeout = local ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 443;

        onStage.accept(Stage.RESOLVE);
        InetAddress address = resolve(endpoint.getHost());

        onStage.accept(Stage.REACH);
        reach(address, port, connectTimeout, endpoint.getHost());

        onStage.accept(Stage.TLS);
        boolean acceptSelfSigned = profile.authKind() == AuthKind.EMULATOR && local;
        if (!acceptSelfSigned) {
            checkTls(endpoint.getHost(), port, connectTimeout);
        }

        onStage.accept(Stage.AUTHENTICATE);
        JsonNode account = readAccount(endpoint, credentials, acceptSelfSigned, connectTimeout);

        onStage.accept(Stage.LIST_DATABASES);
        int databases;
        try (CosmosConnection connection = clientFactory.open(profile, credentials)) {
            databases = resources.readDatabases(connection).size();
        }
        return new AccountFacts(account.path("id").asText(""), regions(account.path("writableLocations")),
                regions(account.path("readableLocations")),
                account.path("userConsistencyPolicy").path("defaultConsistencyLevel").asText(null), databases);
    }

    static URI parseEndpoint(String endpoint) {
        try {
            URI uri = URI.create(endpoint.strip());
            if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(
                    uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST,
                    "The endpoint must look like https://<account>.documents.azure.com:443/");
        }
    }

    private InetAddress resolve(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new CosmosDeskException(ErrorKind.UNREACHABLE, "The host name \"" + host
                    + "\" could not be found: check the endpoint for typos, or your DNS/VPN.", 0, 0, null, 0, e);
        }
    }

    private static void reach(InetAddress address, int port, Duration timeout, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
        } catch (SocketTimeoutException e) {
            throw new CosmosDeskException(ErrorKind.TIMEOUT, host + ":" + port + " did not answer within "
                    + timeout.toSeconds() + " s: a firewall, proxy or VPN may be blocking it.", 0, 0, null, 0, e);
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNREACHABLE, "Nothing is listening at " + host + ":" + port
                    + ". If this is the emulator, is it running?", 0, 0, null, 0, e);
        }
    }

    private static void checkTls(String host, int port, Duration timeout) {
        try {
            SSLContext context = PinnedCertificates.currentSslContext();
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
        } catch (SSLException e) {
            String fingerprint = fingerprintOf(host, port, timeout);
            String sentence = "The server's TLS certificate is not trusted"
                    + (fingerprint == null ? "." : " (SHA-256 " + fingerprint + ").")
                    + " The emulator uses a self-signed certificate: on this machine connect with the \"Local "
                    + "emulator\" kind; on another host, trust its certificate after checking the fingerprint.";
            throw CosmosDeskException.untrustedCertificate(sentence, fingerprint, e);
        } catch (IOException | GeneralSecurityException e) {
            throw new CosmosDeskException(ErrorKind.UNREACHABLE, "TLS with " + host + ":" + port + " failed: "
                    + e.getMessage(), 0, 0, null, 0, e);
        }
    }

    /** The SHA-256 fingerprint of the server's certificate, read without trusting it; null if unreadable. */
    public static String fingerprintOf(String host, int port, Duration timeout) {
        try {
            return PinnedCertificates.fingerprint(PinnedCertificates.fetchServerCertificate(host, port, timeout));
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static JsonNode readAccount(URI endpoint, Credentials credentials, boolean acceptSelfSigned,
            Duration timeout) {
        String date = RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(15))
                .header("x-ms-date", date)
                .header("x-ms-version", "2018-12-31")
                .header("authorization", authorization(endpoint, credentials, date))
                .header("accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
            if (acceptSelfSigned) {
                // only for the emulator kind on this machine, like the SDK's emulator switch
                http.sslContext(PinnedCertificates.acceptAnyContext());
            } else {
                // full validation, plus certificates the user pinned for this host
                http.sslContext(PinnedCertificates.currentSslContext());
            }
            response = http.build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | GeneralSecurityException e) {
            throw CosmosErrors.classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosmosDeskException(ErrorKind.CANCELLED);
        }
        String activityId = response.headers().firstValue("x-ms-activity-id").orElse(null);
        int status = response.statusCode();
        if (status == 401) {
            throw new CosmosDeskException(ErrorKind.UNAUTHORIZED, credentials instanceof Credentials.Entra
                    ? "The account did not accept the Microsoft Entra ID token: check the tenant, or whether the "
                            + "account allows Entra ID sign-in."
                    : "The account key was rejected: check that it is the full primary or secondary key of this "
                            + "account (keys change when regenerated).", status, 0, activityId, 0, null);
        }
        if (status == 403) {
            String principal = response.body().replaceAll("(?s).*principal \\[([0-9a-fA-F-]{36})\\].*", "$1");
            String who = principal.length() == 36 ? " Principal id: " + principal + "." : "";
            throw new CosmosDeskException(ErrorKind.FORBIDDEN, ErrorKind.FORBIDDEN.defaultSentence() + who,
                    status, 0, activityId, 0, null);
        }
        if (status >= 400) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "The account answered " + status + " to a plain "
                    + "account read.", status, 0, activityId, 0, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "The endpoint answered, but not like a Cosmos DB "
                    + "account. Is this the right endpoint?", status, 0, activityId, 0, e);
        }
    }

    /** The data-plane authorization header for {@code GET /}. */
    static String authorization(URI endpoint, Credentials credentials, String date) {
        String value;
        if (credentials instanceof Credentials.AccountKey key) {
            String payload = "get\n\n\n" + date.toLowerCase(Locale.ROOT) + "\n\n";
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.key().strip()), "HmacSHA256"));
                String signature = Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(
                        StandardCharsets.UTF_8)));
                value = "type=master&ver=1.0&sig=" + signature;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new CosmosDeskException(ErrorKind.UNAUTHORIZED,
                        "The account key is not valid base64: paste the whole key.");
            }
        } else {
            Credentials.Entra entra = (Credentials.Entra) credentials;
            String scope = "https://" + endpoint.getHost() + "/.default";
            AccessToken token;
            try {
                token = entra.credential().getToken(new TokenRequestContext().addScopes(scope))
                        .block(Duration.ofSeconds(90));
            } catch (RuntimeException e) {
                throw EntraErrors.signInFailed(e);
            }
            if (token == null) {
                throw new CosmosDeskException(ErrorKind.UNAUTHORIZED, "Microsoft Entra ID returned no token.");
            }
            value = "type=aad&ver=1.0&sig=" + token.getToken();
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> regions(JsonNode locations) {
        List<String> names = new ArrayList<>();
        locations.forEach(location -> names.add(location.path("name").asText()));
        return names;
    }
}
