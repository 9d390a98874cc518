package io.cosmosdesk.browse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the server's complaint about a typed filter into a sentence for the line under the filter box. The
 * commonest slip, a property written without the {@code c.} alias ({@code customerId = "x"}), gets a hint
 * to write {@code c.customerId}; other complaints keep their text, without the SDK's status suffixes.
 */
final class FilterErrors {

    /** The local server ("customerId is not defined") and Cosmos DB ("Identifier 'customerId' could not be resolved"). */
    private static final Pattern UNKNOWN_NAME = Pattern.compile(
            "(?:\\b([A-Za-z_][A-Za-z0-9_]*) is not defined|Identifier '([A-Za-z_][A-Za-z0-9_]*)' could not be resolved)");
    private static final Pattern STATUS_SUFFIX = Pattern.compile(",?\\s*StatusCode:\\s*\\w+.*$");

    private FilterErrors() {
    }

    /** The sentence for {@code complaint}, the mapped error's user message. */
    static String sentence(String complaint) {
        if (complaint == null || complaint.isBlank()) {
            return "The filter could not run.";
        }
        Matcher unknown = UNKNOWN_NAME.matcher(complaint);
        if (unknown.find()) {
            String name = unknown.group(1) != null ? unknown.group(1) : unknown.group(2);
            return "The filter names " + name + ", which the query does not know: properties are written with the"
                    + " item's alias, e.g. c." + name + " = \"…\".";
        }
        String text = STATUS_SUFFIX.matcher(complaint.strip()).replaceFirst("").strip();
        return text.endsWith(".") || text.endsWith("'") || text.endsWith("\"") ? text : text + ".";
    }
}
