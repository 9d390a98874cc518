package io.cosmosdesk.testing;

import io.cosmosdesk.sandbox.LocalCosmosServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/** The local server's switches under {@code /_cosmosdesk/} (see server.js), for tests that change how it answers. */
public final class ServerControl {

    private final LocalCosmosServer server;
    private final SSLContext tls = LocalCosmosServer.trustAllContext();

    public ServerControl(LocalCosmosServer server) {
        this.server = server;
    }

    /**
     * Serves, or refuses with 400 as an account without continuous backup does, the change feed's
     * all-versions-and-deletes mode. Tests that refuse it turn it back on when they end.
     */
    public void allVersionsAndDeletes(boolean enabled) {
        send("PUT", "/_cosmosdesk/all-versions", "{\"enabled\":" + enabled + "}");
    }

    /** The answer's text; a status of 300 or more throws. */
    public String send(String method, String path, String body) {
        try {
            HttpsURLConnection connection = (HttpsURLConnection) URI.create(server.endpoint()).resolve(path).toURL()
                    .openConnection();
            connection.setSSLSocketFactory(tls.getSocketFactory());
            // the certificate is self-signed for "cosmosdb"; this only ever talks to the loopback test server
            connection.setHostnameVerifier((host, session) -> true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestMethod(method);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("content-type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + status + " " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("local server unreachable", e);
        }
    }
}
