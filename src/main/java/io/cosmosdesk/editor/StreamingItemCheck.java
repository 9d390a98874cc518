package io.cosmosdesk.editor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link ItemValidator#validate}'s problems for a long text, found in one streaming pass that keeps no tree:
 * only the top-level values the id and partition key rules read are built, and the compact size (when it
 * could be over the limit) is counted as the text is read. A 2 MB item parsed into a tree is about a million
 * objects; building one per pause in typing (and keeping it) is what made the collector stop the UI for
 * hundreds of milliseconds. A text that is not a well-formed object goes through {@link ItemValidator#validate},
 * so every sentence about it is worded in one place.
 */
final class StreamingItemCheck {

    private StreamingItemCheck() {
    }

    /** The same problems as {@code ItemValidator.validate(text, paths, requireKey).problems()}. */
    static List<ValidationProblem> problemsOf(String text, List<String> partitionKeyPaths, boolean requireKey) {
        if (text.isBlank()) {
            return ItemValidator.validate(text, partitionKeyPaths, requireKey).problems();
        }
        Set<String> read = new HashSet<>();
        read.add("id");
        for (String path : partitionKeyPaths) {
            List<String> segments = JsonPath.fromPointer(path).segments();
            if (!segments.isEmpty()) {
                read.add(segments.get(0));
            }
        }
        ObjectNode fields = ItemJson.newObject();
        Utf8Counter size = new Utf8Counter();
        try (JsonParser parser = ItemJson.strictParser(text);
                JsonGenerator compact = ItemValidator.mayBeTooLarge(text)
                        ? Json.MAPPER.writer().createGenerator(size) : null) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ItemValidator.validate(text, partitionKeyPaths, requireKey).problems(); // not an object
            }
            if (compact != null) {
                compact.writeStartObject();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                boolean counted = compact != null && !ItemContent.SYSTEM_PROPERTIES.contains(name);
                if (counted) {
                    compact.writeFieldName(name);
                }
                if (read.contains(name)) {
                    JsonNode value = ItemJson.readValue(parser);
                    fields.set(name, value);
                    if (counted) {
                        Json.MAPPER.writeTree(compact, value);
                    }
                } else if (counted) {
                    copy(parser, compact);
                } else {
                    parser.skipChildren();
                }
            }
            if (compact != null) {
                compact.writeEndObject();
            }
            if (parser.nextToken() != null) {
                return ItemValidator.validate(text, partitionKeyPaths, requireKey).problems(); // trailing text
            }
        } catch (IOException | RuntimeException e) {
            // invalid JSON (or a value the tree refuses): the full check finds and words it
            return ItemValidator.validate(text, partitionKeyPaths, requireKey).problems();
        }
        List<ValidationProblem> problems = new java.util.ArrayList<>();
        ItemValidator.checkId(fields.get("id"), problems);
        ItemValidator.checkPartitionKey(fields, partitionKeyPaths, requireKey, requireKey, problems);
        if (ItemValidator.mayBeTooLarge(text)) {
            ItemValidator.checkSize(size.count(), problems);
        }
        return List.copyOf(problems);
    }

    /** Writes the value at the parser as the item's tree would be written: exact decimals, ints by size. */
    private static void copy(JsonParser parser, JsonGenerator out) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                out.writeStartObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    out.writeFieldName(parser.currentName());
                    parser.nextToken();
                    copy(parser, out);
                }
                out.writeEndObject();
            }
            case START_ARRAY -> {
                out.writeStartArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    copy(parser, out);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> out.writeString(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength());
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> out.writeNumber(parser.getIntValue());
                    case LONG -> out.writeNumber(parser.getLongValue());
                    default -> out.writeNumber(parser.getBigIntegerValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> out.writeNumber(parser.getDecimalValue());
            case VALUE_TRUE -> out.writeBoolean(true);
            case VALUE_FALSE -> out.writeBoolean(false);
            case VALUE_NULL -> out.writeNull();
            default -> throw new IOException("unexpected " + parser.currentToken());
        }
    }

    /**
     * Counts the UTF-8 bytes of the characters written to it and keeps none: the size as
     * {@code ItemService.sizeInBytes} measures it (the compact text's {@code getBytes(UTF_8)}). A character
     * writer, as there: Jackson's byte writer escapes characters outside the BMP, which counts 12 bytes for 4.
     */
    private static final class Utf8Counter extends Writer {
        private long count;
        private boolean afterHighSurrogate;

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(text.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            add((char) c);
        }

        private void add(char c) {
            if (afterHighSurrogate) {
                afterHighSurrogate = false;
                if (Character.isLowSurrogate(c)) {
                    count += 3; // the pair is 4 bytes; its high half counted 1
                    return;
                }
            }
            if (c < 0x80) {
                count++;
            } else if (c < 0x800) {
                count += 2;
            } else if (Character.isHighSurrogate(c)) {
                count++; // alone it is written as '?'
                afterHighSurrogate = true;
            } else if (Character.isLowSurrogate(c)) {
                count++;
            } else {
                count += 3;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        int count() {
            return (int) Math.min(Integer.MAX_VALUE, count);
        }
    }
}
