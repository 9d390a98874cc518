package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A system property as the read-only panel shows it, e.g. {@code _ts} as a date. */
public record SystemProperty(String name, String value) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The system properties present in {@code item}, in {@link ItemContent#SYSTEM_PROPERTIES} order. */
    public static List<SystemProperty> of(ObjectNode item) {
        List<SystemProperty> properties = new ArrayList<>();
        for (String name : ItemContent.SYSTEM_PROPERTIES) {
            JsonNode value = item.get(name);
            if (value != null) {
                properties.add(new SystemProperty(name, display(name, value)));
            }
        }
        return properties;
    }

    private static String display(String name, JsonNode value) {
        if (name.equals("_ts") && value.canConvertToLong()) {
            return TIME.format(Instant.ofEpochSecond(value.asLong())) + "  (" + value.asLong() + ")";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
