package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Walks sampled items into their field paths (see {@link FieldPathSource}). Pure. */
public final class FieldPaths {

    /** Deeper levels are rarely typed and make the list long. */
    static final int MAX_DEPTH = 8;
    /** A container of free-form maps (ids as keys) would otherwise give thousands of paths. */
    static final int MAX_PATHS = 2_000;
    /** System properties: known to everyone, listed by name in completion anyway would be noise. */
    private static final Set<String> SYSTEM = Set.of("_rid", "_self", "_etag", "_attachments", "_lsn");

    private static final Comparator<List<String>> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareToIgnoreCase(b.get(i));
            if (c == 0) {
                c = a.get(i).compareTo(b.get(i));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private FieldPaths() {
    }

    /** The distinct paths of these items, sorted (parents before children), at most {@link #MAX_PATHS}. */
    public static List<JsonPath> of(Iterable<JsonNode> items) {
        Set<List<String>> paths = new TreeSet<>(ORDER);
        for (JsonNode item : items) {
            walk(item, new ArrayList<>(), paths);
            if (paths.size() >= MAX_PATHS) {
                break;
            }
        }
        List<JsonPath> result = new ArrayList<>();
        for (List<String> path : paths) {
            if (result.size() == MAX_PATHS) {
                break;
            }
            result.add(JsonPath.of(path));
        }
        return result;
    }

    /** Both lists' paths, once each, sorted as {@link #of} sorts them, at most {@link #MAX_PATHS}. */
    public static List<JsonPath> merge(List<JsonPath> first, List<JsonPath> second) {
        Set<List<String>> paths = new TreeSet<>(ORDER);
        first.forEach(path -> paths.add(path.segments()));
        second.forEach(path -> paths.add(path.segments()));
        List<JsonPath> result = new ArrayList<>();
        for (List<String> path : paths) {
            if (result.size() == MAX_PATHS) {
                break;
            }
            result.add(JsonPath.of(path));
        }
        return result;
    }

    private static void walk(JsonNode node, List<String> prefix, Set<List<String>> paths) {
        if (prefix.size() >= MAX_DEPTH || paths.size() >= MAX_PATHS) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (prefix.isEmpty() && SYSTEM.contains(field.getKey())) {
                    continue;
                }
                prefix.add(field.getKey());
                paths.add(List.copyOf(prefix));
                walk(field.getValue(), prefix, paths);
                prefix.remove(prefix.size() - 1);
            }
        } else if (node.isArray()) {
            prefix.add(FieldPathSource.ARRAY_ELEMENT);
            for (JsonNode element : node) {
                if (element.isContainerNode()) {
                    walk(element, prefix, paths);
                }
            }
            prefix.remove(prefix.size() - 1);
        }
    }
}
