package io.cosmosdesk.connection;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An account connection string, {@code AccountEndpoint=https://…;AccountKey=…;}, parsed forgivingly
 * (whitespace, quotes, extra or missing semicolons, any key case) and validated strictly (an https
 * endpoint, a base64 key).
 */
public record ConnectionString(String endpoint, String key) {

    /** Thrown with a sentence that says what is wrong; never contains the key. */
    public static final class InvalidConnectionStringException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidConnectionStringException(String message) {
            super(message);
        }
    }

    public static boolean looksLikeConnectionString(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("accountendpoint=");
    }

    public static ConnectionString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConnectionStringException("Paste a connection string: AccountEndpoint=…;AccountKey=…;");
        }
        String trimmed = text.strip();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String segment : trimmed.split(";")) {
            String part = segment.strip();
            if (part.isEmpty()) {
                continue; // extra semicolons
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new InvalidConnectionStringException("\"" + shorten(part) + "\" is not a name=value part. "
                        + "Expected AccountEndpoint=…;AccountKey=…;");
            }
            String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            // keys end in '=' padding: only the first '=' separates name and value
            String value = part.substring(equals + 1).strip();
            if (parts.containsKey(name)) {
                throw new InvalidConnectionStringException("The connection string names " + displayName(name)
                        + " twice.");
            }
            parts.put(name, value);
        }
        String endpoint = parts.get("accountendpoint");
        String key = parts.get("accountkey");
        if (endpoint == null || endpoint.isEmpty()) {
            throw new InvalidConnectionStringException("The connection string has no AccountEndpoint.");
        }
        if (key == null || key.isEmpty()) {
            throw new InvalidConnectionStringException("The connection string has no AccountKey. (Connection "
                    + "strings with a resource token are not supported; use a key or Microsoft Entra ID.)");
        }
        validateEndpoint(endpoint);
        validateKey(key);
        return new ConnectionString(endpoint, key);
    }

    public static void validateEndpoint(String endpoint) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidConnectionStringException("The endpoint is not a valid URL: " + shorten(endpoint));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidConnectionStringException("The endpoint must start with https:// and name a host, e.g. "
                    + "https://myaccount.documents.azure.com:443/");
        }
    }

    public static void validateKey(String key) {
        String compact = key.strip();
        try {
            byte[] bytes = Base64.getDecoder().decode(compact);
            if (bytes.length < 16) {
                throw new InvalidConnectionStringException("The account key is too short: paste the whole key "
                        + "(88 characters ending in ==).");
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidConnectionStringException invalid) {
                throw invalid;
            }
            throw new InvalidConnectionStringException("The account key is not valid base64: it may be cut off "
                    + "or contain extra characters.");
        }
    }

    private static String displayName(String lower) {
        return switch (lower) {
            case "accountendpoint" -> "AccountEndpoint";
            case "accountkey" -> "AccountKey";
            default -> lower;
        };
    }

    private static String shorten(String text) {
        String safe = io.cosmosdesk.cosmos.Secrets.redact(text);
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

    @Override
    public String toString() {
        return "ConnectionString[endpoint=" + endpoint + ", key=***]";
    }
}
