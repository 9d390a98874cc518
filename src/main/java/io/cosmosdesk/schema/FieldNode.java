package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running figures of one field path while a sample is read; see {@link SchemaStatistics}. */
final class FieldNode {

    private static final ValueType[] TYPES = ValueType.values();

    final FieldPath path;
    private long lastItem = -1;
    private long itemCount;
    private long occurrences;
    private final long[] typeCounts = new long[TYPES.length];
    private NumberAccumulator numbers;
    private final StringAccumulator[] strings = new StringAccumulator[3]; // STRING, DATE, GUID
    private DateAccumulator dates;
    private long trueCount;
    private long falseCount;
    private int minArrayLength = Integer.MAX_VALUE;
    private int maxArrayLength;
    private long arrayLengthSum;
    private final Map<String, FieldNode> children = new LinkedHashMap<>();
    private FieldNode element;

    FieldNode(FieldPath path) {
        this.path = path;
    }

    FieldNode child(String name) {
        return children.get(name);
    }

    FieldNode addChild(String name) {
        FieldNode child = new FieldNode(path.child(name));
        children.put(name, child);
        return child;
    }

    FieldNode element() {
        return element;
    }

    FieldNode addElement() {
        element = new FieldNode(path.element());
        return element;
    }

    /** Records one value of this field in item number {@code item}. */
    void record(JsonNode value, long item) {
        if (lastItem != item) {
            lastItem = item;
            itemCount++;
        }
        occurrences++;
        switch (value.getNodeType()) {
            case STRING -> recordString(value.textValue());
            case NUMBER -> {
                typeCounts[ValueType.NUMBER.ordinal()]++;
                if (numbers == null) {
                    numbers = new NumberAccumulator(path.hashCode());
                }
                numbers.add(value);
            }
            case BOOLEAN -> {
                typeCounts[ValueType.BOOLEAN.ordinal()]++;
                if (value.booleanValue()) {
                    trueCount++;
                } else {
                    falseCount++;
                }
            }
            case OBJECT, POJO -> typeCounts[ValueType.OBJECT.ordinal()]++;
            case ARRAY -> {
                typeCounts[ValueType.ARRAY.ordinal()]++;
                int length = value.size();
                minArrayLength = Math.min(minArrayLength, length);
                maxArrayLength = Math.max(maxArrayLength, length);
                arrayLengthSum += length;
            }
            default -> typeCounts[ValueType.NULL.ordinal()]++; // NULL, and BINARY/MISSING never seen in items
        }
    }

    private void recordString(String text) {
        ValueType type;
        long millis = StringForms.dateMillis(text);
        if (millis != StringForms.NOT_A_DATE) {
            type = ValueType.DATE;
            if (dates == null) {
                dates = new DateAccumulator(path.hashCode());
            }
            dates.add(millis, text);
        } else if (StringForms.isGuid(text)) {
            type = ValueType.GUID;
        } else {
            type = ValueType.STRING;
        }
        typeCounts[type.ordinal()]++;
        int slot = type.ordinal(); // STRING, DATE, GUID are the first three
        if (strings[slot] == null) {
            strings[slot] = new StringAccumulator();
        }
        strings[slot].add(text);
    }

    FieldSummary summary(long itemsInspected, double rareShare) {
        List<TypeSummary> types = new ArrayList<>();
        int kinds = 0;
        boolean anyString = false;
        for (ValueType type : TYPES) {
            long count = typeCounts[type.ordinal()];
            if (count == 0) {
                continue;
            }
            if (type.isString()) {
                if (!anyString) {
                    kinds++;
                }
                anyString = true;
            } else if (type != ValueType.NULL) {
                kinds++;
            }
            types.add(typeSummary(type, count));
        }
        types.sort(Comparator.comparingLong(TypeSummary::count).reversed());
        List<FieldSummary> nested = new ArrayList<>();
        for (FieldNode child : children.values()) {
            nested.add(child.summary(itemsInspected, rareShare));
        }
        nested.sort(Comparator.comparingLong(FieldSummary::itemCount).reversed());
        if (element != null) {
            nested.add(0, element.summary(itemsInspected, rareShare));
        }
        boolean rare = itemsInspected > 0 && (double) itemCount / itemsInspected < rareShare;
        return new FieldSummary(path, itemCount, occurrences, types, kinds > 1, rare, nested);
    }

    private TypeSummary typeSummary(ValueType type, long count) {
        return switch (type) {
            case NUMBER -> new TypeSummary(type, count, numbers.summary(), null, null, null, null);
            case STRING, GUID -> new TypeSummary(type, count, null, strings[type.ordinal()].summary(), null, null,
                    null);
            case DATE -> new TypeSummary(type, count, null, strings[type.ordinal()].summary(), dates.summary(), null,
                    null);
            case BOOLEAN -> new TypeSummary(type, count, null, null, null, null,
                    new TypeSummary.Booleans(trueCount, falseCount));
            case ARRAY -> new TypeSummary(type, count, null, null, null,
                    new TypeSummary.Arrays(minArrayLength, (double) arrayLengthSum / count, maxArrayLength), null);
            case OBJECT, NULL -> new TypeSummary(type, count, null, null, null, null, null);
        };
    }
}
