package io.cosmosdesk.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules Cosmos DB sets for database and container ids and partition key paths, as sentences. */
public final class ResourceNames {

    public static final int MAX_ID_LENGTH = 255;
    public static final int MAX_KEY_LEVELS = 3;

    private ResourceNames() {
    }

    /** What is wrong with {@code id} as the id of a {@code what} ("database", "container"), or empty. */
    public static Optional<String> idProblem(String what, String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("Give the " + what + " an id.");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of("A " + what + " id has at most " + MAX_ID_LENGTH + " characters.");
        }
        for (char reserved : new char[] {'/', '\\', '?', '#'}) {
            if (id.indexOf(reserved) >= 0) {
                return Optional.of("A " + what + " id cannot contain " + reserved + " (nor / \\ ? #).");
            }
        }
        if (id.endsWith(" ")) {
            return Optional.of("A " + what + " id cannot end with a space.");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("A " + what + " id cannot contain control characters such as tabs or line breaks.");
        }
        return Optional.empty();
    }

    /** Problems with partition key paths (one, or two to three for a hierarchical key), as sentences. */
    public static List<String> partitionKeyProblems(List<String> paths) {
        List<String> problems = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add("Give a partition key path, such as /customerId.");
            return problems;
        }
        if (paths.size() > MAX_KEY_LEVELS) {
            problems.add("A hierarchical partition key has at most " + MAX_KEY_LEVELS + " levels.");
        }
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                problems.add("A partition key level is empty: give a path such as /tenantId, or remove the level.");
            } else if (!path.startsWith("/") || path.length() < 2) {
                problems.add("The partition key path \"" + path + "\" must start with / and name a property, "
                        + "e.g. /" + path.replaceFirst("^/+", "") + ".");
            } else if (path.endsWith("/") || path.contains("//")) {
                problems.add("The partition key path \"" + path + "\" has an empty segment.");
            } else if (path.contains("*") || path.contains("[") || path.contains("?")) {
                problems.add("The partition key path \"" + path + "\" must name one property: no *, [] or ?.");
            } else if (path.chars().anyMatch(Character::isWhitespace) && !path.contains("\"")) {
                problems.add("The partition key path \"" + path + "\" has a space: quote that segment, "
                        + "e.g. /\"my key\".");
            }
        }
        if (paths.stream().distinct().count() < paths.size()) {
            problems.add("Each level of a hierarchical partition key must be a different path.");
        }
        return problems;
    }
}
