package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.schema.FieldPathCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion's field paths: those the Schema tab sampled for the container (schema's {@link FieldPathCatalog}: a
 * larger sample, over every feed range), merged with completion's own quick sample. A container the Schema tab
 * never sampled gets the quick sample alone; when the quick sample fails (throttled, offline) the catalog's paths
 * still serve.
 */
public final class CatalogFieldPaths implements FieldPathSource {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFieldPaths.class);

    private final FieldPathCatalog catalog;
    private final FieldPathSource sample;

    public CatalogFieldPaths(FieldPathCatalog catalog, FieldPathSource sample) {
        this.catalog = Objects.requireNonNull(catalog);
        this.sample = Objects.requireNonNull(sample);
    }

    @Override
    public List<JsonPath> fieldPaths(ContainerHandle container) throws Exception {
        List<JsonPath> known = new ArrayList<>();
        for (FieldPathCatalog.KnownPath path : catalog.paths(container)) {
            List<String> segments = segments(path.path());
            // "tags[]" (the elements of an array of values) is no field to complete after "c."
            if (!segments.isEmpty() && !segments.get(segments.size() - 1).equals(ARRAY_ELEMENT)) {
                try {
                    known.add(JsonPath.of(segments));
                } catch (IllegalArgumentException unusable) {
                    // an empty or overlong name: completion cannot offer it
                }
            }
        }
        if (known.isEmpty()) {
            return sample.fieldPaths(container);
        }
        List<JsonPath> sampled;
        try {
            sampled = sample.fieldPaths(container);
        } catch (Exception e) {
            LOG.info("Completion uses the Schema tab's paths alone for {}: {}", container.ref(), e.getMessage());
            sampled = List.of();
        }
        return FieldPaths.merge(known, sampled);
    }

    /**
     * The steps of a path as the catalog writes it ({@code customer.name}, {@code lines[].sku},
     * {@code ["unit price"]}), with {@link FieldPathSource#ARRAY_ELEMENT} for {@code []}; empty when it does not read.
     */
    static List<String> segments(String text) {
        List<String> steps = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
            } else if (text.startsWith("[]", i)) {
                steps.add(ARRAY_ELEMENT);
                i += 2;
            } else if (text.startsWith("[\"", i)) {
                StringBuilder name = new StringBuilder();
                int j = i + 2;
                while (j < n && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    name.append(text.charAt(j++));
                }
                if (!text.startsWith("\"]", j)) {
                    return List.of();
                }
                steps.add(name.toString());
                i = j + 2;
            } else {
                int j = i;
                while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
                    j++;
                }
                steps.add(text.substring(i, j));
                i = j;
            }
        }
        return steps;
    }
}
