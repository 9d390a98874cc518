package io.cosmosdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/** The local server's query-cursor switch ({@code /_cosmosdesk/cursors}): counts, and dropping every cursor. */
public final class ServerCursors {

    /** {@code repeats}: pages asked for again and answered as cut before (the SDK reads a page ahead). */
    public record Stats(int live, long hits, long misses, long repeats) {
    }

    private final LocalCosmosServer server;
    private final SSLContext tls = io.cosmosdesk.sandbox.LocalCosmosServer.trustAllContext();

    public ServerCursors(LocalCosmosServer server) {
        this.server = server;
    }

    public Stats stats() {
        JsonNode json = readJson(send("GET"));
        return new Stats(json.get("live").asInt(), json.get("hits").asLong(), json.get("misses").asLong(),
                json.path("repeats").asLong());
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
            return io.cosmosdesk.json.Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable cursor stats: " + text, e);
        }
    }
}
