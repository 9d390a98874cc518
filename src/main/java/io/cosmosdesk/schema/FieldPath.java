package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a field sits in the items a schema describes: property names, and {@link #ELEMENT} for "each element of
 * the array here" (so {@code lineItems[].sku} is the sku of every line item). A {@link JsonPath} names one value;
 * a field path names a family of them, which is why it is a type of its own.
 */
public record FieldPath(List<String> steps) {

    /** The step into each element of an array; a real property called "[]" is a different string object. */
    public static final String ELEMENT = new String("[]");

    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        steps = List.copyOf(steps);
    }

    public FieldPath child(String name) {
        List<String> next = new ArrayList<>(steps);
        next.add(Objects.requireNonNull(name));
        return new FieldPath(next);
    }

    public FieldPath element() {
        List<String> next = new ArrayList<>(steps);
        next.add(ELEMENT);
        return new FieldPath(next);
    }

    public static boolean isElement(String step) {
        return step == ELEMENT; // identity: a property may be named "[]"
    }

    public int depth() {
        return steps.size();
    }

    /** The last step as a tree shows it: the property name, or {@code []} for array elements. */
    public String name() {
        return steps.isEmpty() ? "" : isElement(steps.get(steps.size() - 1)) ? "[]" : steps.get(steps.size() - 1);
    }

    public Optional<FieldPath> parent() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(new FieldPath(steps.subList(0, steps.size() - 1)));
    }

    /** True when the path goes through array elements (one item can hold it many times). */
    public boolean insideArray() {
        return steps.stream().anyMatch(FieldPath::isElement);
    }

    /** The path of one value, when the field is not inside an array. */
    public Optional<JsonPath> toJsonPath() {
        if (steps.isEmpty() || insideArray()) {
            return Optional.empty();
        }
        return Optional.of(JsonPath.of(steps));
    }

    /**
     * The readable form: {@code customer.name}, {@code lineItems[].sku}, names that are not plain identifiers in
     * brackets and quotes ({@code ["unit price"]}).
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String step : steps) {
            if (isElement(step)) {
                text.append("[]");
            } else if (step.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(step);
            } else {
                text.append("[\"").append(step.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FieldPath that) || that.steps.size() != steps.size()) {
            return false;
        }
        for (int i = 0; i < steps.size(); i++) {
            String a = steps.get(i);
            String b = that.steps.get(i);
            if (isElement(a) != isElement(b) || !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (String step : steps) {
            hash = 31 * hash + (isElement(step) ? 0x5b5d : step.hashCode());
        }
        return hash;
    }
}
