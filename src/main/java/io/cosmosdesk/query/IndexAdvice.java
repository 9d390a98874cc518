package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service's index metrics for a query: which indexes it used and which it would have liked, plus an
 * indexing-policy fragment adding the potential ones, ready to paste into the container's policy.
 *
 * @param utilizedSingle index paths such as {@code /n/?}
 * @param potentialComposite each a list of {@code /path ASC|DESC} entries
 */
public record IndexAdvice(List<String> utilizedSingle, List<String> potentialSingle,
        List<List<String>> utilizedComposite, List<List<String>> potentialComposite) {

    public static final IndexAdvice NONE = new IndexAdvice(List.of(), List.of(), List.of(), List.of());

    public IndexAdvice {
        utilizedSingle = List.copyOf(utilizedSingle);
        potentialSingle = List.copyOf(potentialSingle);
        utilizedComposite = List.copyOf(utilizedComposite);
        potentialComposite = List.copyOf(potentialComposite);
    }

    public boolean isEmpty() {
        return utilizedSingle.isEmpty() && potentialSingle.isEmpty() && utilizedComposite.isEmpty()
                && potentialComposite.isEmpty();
    }

    public boolean hasPotential() {
        return !potentialSingle.isEmpty() || !potentialComposite.isEmpty();
    }

    /** Merges the advice of several pages or partitions, keeping the first occurrence of each index. */
    public IndexAdvice plus(IndexAdvice other) {
        return new IndexAdvice(union(utilizedSingle, other.utilizedSingle), union(potentialSingle, other.potentialSingle),
                union(utilizedComposite, other.utilizedComposite), union(potentialComposite, other.potentialComposite));
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /**
     * The indexing-policy properties that add the potential indexes ({@code includedPaths} and
     * {@code compositeIndexes}), pretty-printed; "{}" when nothing is suggested.
     */
    public String policyFragment() {
        ObjectNode policy = Json.MAPPER.createObjectNode();
        if (!potentialSingle.isEmpty()) {
            ArrayNode included = policy.putArray("includedPaths");
            for (String path : potentialSingle) {
                included.addObject().put("path", path.endsWith("/?") || path.endsWith("/*") ? path : path + "/?");
            }
        }
        if (!potentialComposite.isEmpty()) {
            ArrayNode composites = policy.putArray("compositeIndexes");
            for (List<String> composite : potentialComposite) {
                ArrayNode entries = composites.addArray();
                for (String entry : composite) {
                    String[] parts = entry.strip().split("\\s+");
                    ObjectNode node = entries.addObject().put("path", stripWildcard(parts[0]));
                    node.put("order", parts.length > 1 && parts[1].equalsIgnoreCase("DESC") ? "descending"
                            : "ascending");
                }
            }
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripWildcard(String path) {
        return path.endsWith("/?") ? path.substring(0, path.length() - 2) : path;
    }
}
