package io.cosmosdesk.changes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reading a change's compact JSON ({@link ChangeRow#json}): the whole tree, or one value by path without a tree. */
final class CompactBody {

    private CompactBody() {
    }

    static ObjectNode parse(byte[] json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value at {@code segments} (object fields by name, array elements by index, as a JSON pointer reads them),
     * or null when any step is absent; a JSON null comes back as a NullNode. Only the value found is made a tree.
     */
    static JsonNode read(byte[] json, List<String> segments) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            JsonToken token = parser.nextToken();
            for (String step : segments) {
                if (token == JsonToken.START_OBJECT) {
                    token = toField(parser, step);
                } else if (token == JsonToken.START_ARRAY && isIndex(step)) {
                    token = toElement(parser, Integer.parseInt(step));
                } else {
                    return null;
                }
                if (token == null) {
                    return null;
                }
            }
            return Json.MAPPER.readTree(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves to the value of field {@code name} of the object just started; null when it has none. */
    private static JsonToken toField(JsonParser parser, String name) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            boolean wanted = name.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (wanted) {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    /** Moves to element {@code index} of the array just started; null when it is shorter. */
    private static JsonToken toElement(JsonParser parser, int index) throws IOException {
        int at = 0;
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            if (at++ == index) {
                return token;
            }
            parser.skipChildren();
        }
        return null;
    }

    private static boolean isIndex(String step) {
        if (step.isEmpty() || step.length() > 9) {
            return false;
        }
        for (int i = 0; i < step.length(); i++) {
            if (!Character.isDigit(step.charAt(i))) {
                return false;
            }
        }
        return step.length() == 1 || step.charAt(0) != '0';
    }
}
