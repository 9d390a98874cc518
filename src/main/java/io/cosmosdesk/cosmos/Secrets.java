package io.cosmosdesk.cosmos;

import java.util.regex.Pattern;

/** Keeps credentials out of anything shown, copied or logged. */
public final class Secrets {

    private static final Pattern ACCOUNT_KEY = Pattern.compile("(?i)(AccountKey\\s*=\\s*)[^;\\s]+");
    private static final Pattern AUTH_HEADER =
            Pattern.compile("(?i)(type(=|%3d)(master|aad|resource)(&|%26)ver(=|%3d)[^&%]+(&|%26)sig(=|%3d))[^\\s,\"&]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._\\-]+");
    /** Base64 strings of the length of a Cosmos key (64 bytes) anywhere in free text. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9+/]{86}==");

    private Secrets() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = ACCOUNT_KEY.matcher(text).replaceAll("$1***");
        result = AUTH_HEADER.matcher(result).replaceAll("$1***");
        result = BEARER.matcher(result).replaceAll("$1***");
        return KEY_LIKE.matcher(result).replaceAll("***");
    }
}
