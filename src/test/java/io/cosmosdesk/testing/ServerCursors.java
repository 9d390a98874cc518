package io.cosmosdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The local server's query-cursor switch ({@code /_cosmosdesk/cursors}): counts, and dropping every cursor. */
public final class ServerCursors {

    public record Stats(int live, long hits, long misses) {
    }

    private final LocalCosmosServer server;
    private final SSLContext tls = trustAll();

    public ServerCursors(LocalCosmosServer server) {
        this.server = server;
    }

    public Stats stats() {
        JsonNode json = readJson(send("GET"));
        return new Stats(json.get("live").asInt(), json.get("hits").asLong(), json.get("misses").asLong());
    }

    /** Drops every live cursor, as if each had been idle past its expiry. */
    public void dropAll() {
        send("DELETE");
    }

    private String send(String method) {
        try {
            HttpsURLConnection connection = (HttpsURLConnection) URI.create(server.endpoint())
                    .resolve("/_cosmosdesk/cursors").toURL().openConnection();
            connection.setSSLSocketFactory(tls.getSocketFactory());
            // the certificate is self-signed for "cosmosdb"; this only ever talks to the loopback test server
            connection.setHostnameVerifier((host, session) -> true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestMethod(method);
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 300) {
                throw new IllegalStateException(method + " /_cosmosdesk/cursors: " + status + " " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("local server unreachable", e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable cursor stats: " + text, e);
        }
    }

    /** The server's certificate is self-signed; this only ever talks to the loopback test server. */
    private static SSLContext trustAll() {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }
}
