package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.editor.ItemValidator;
import io.cosmosdesk.json.Json;
import java.io.IOException;

/**
 * Reads a JSON file holding one object, an array of objects, or objects one after another, with Jackson's
 * streaming parser: one item in memory at a time. Malformed JSON ends the file with a row naming its line and
 * column (nothing after it can be trusted); an array element that is not an object is a bad row of its own.
 */
final class JsonItemReader implements ItemReader {

    private final TextInput input;
    private final RecordLimit limited;
    private final JsonParser parser;
    private boolean inArray;
    private boolean finished;
    private long row;

    JsonItemReader(TextInput input) {
        this.input = input;
        this.limited = new RecordLimit(input.reader(), RecordLimit.DEFAULT_LIMIT);
        try {
            this.parser = Json.MAPPER.getFactory().createParser(limited);
        } catch (IOException e) {
            throw input.failure(e, 0);
        }
        start();
    }

    private void start() {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                input.close();
                throw new ImportInputException("The file " + input.fileName() + " is empty: it holds no JSON.");
            }
            if (first == JsonToken.START_ARRAY) {
                inArray = true;
            }
        } catch (JsonProcessingException e) {
            // reported as the first row, with its line and column
            pendingError = e;
        } catch (IOException e) {
            input.close();
            throw input.failure(e, 0);
        }
    }

    private JsonProcessingException pendingError;
    /** True while an element is being read: an error then belongs to it, else to the next one. */
    private boolean inRecord;

    @Override
    public SourceRow next() {
        if (finished) {
            return null;
        }
        if (pendingError != null) {
            return malformed(pendingError);
        }
        try {
            JsonToken token = inArray ? parser.nextToken() : currentOrNext();
            if (token == null || (inArray && token == JsonToken.END_ARRAY)) {
                return trailing();
            }
            row++;
            inRecord = true;
            JsonLocation start = parser.currentTokenLocation();
            long line = Math.max(1, start.getLineNr());
            limited.startRecord();
            if (token != JsonToken.START_OBJECT) {
                String kind = describe(token);
                parser.skipChildren();
                parser.clearCurrentToken();
                inRecord = false;
                return SourceRow.problem(row, line, (inArray ? "the array element" : "the value") + " is " + kind
                        + ", not a JSON object { … }.");
            }
            JsonNode node = Json.MAPPER.readTree(parser);
            parser.clearCurrentToken();
            inRecord = false;
            return SourceRow.item(row, line, (ObjectNode) node);
        } catch (JsonProcessingException e) {
            return malformed(e);
        } catch (RecordLimit.TooLong e) {
            finished = true;
            return SourceRow.fatal(row, parser.currentLocation().getLineNr(), "this item is longer than "
                    + RecordLimit.DEFAULT_LIMIT / (1024 * 1024) + " MB of text (items are at most 2 MB); reading stopped here.");
        } catch (IOException e) {
            finished = true;
            throw input.failure(e, parser.currentLocation().getLineNr());
        }
    }

    private JsonToken currentOrNext() throws IOException {
        JsonToken current = parser.currentToken();
        return current != null ? current : parser.nextToken();
    }

    /** After the array: only whitespace may follow. */
    private SourceRow trailing() throws IOException {
        if (inArray) {
            inArray = false;
            JsonToken after = parser.nextToken();
            if (after != null) {
                finished = true;
                JsonLocation at = parser.currentTokenLocation();
                return SourceRow.fatal(row + 1, at.getLineNr(), "Line " + at.getLineNr() + ", column "
                        + at.getColumnNr() + ": there is more after the closing ] of the array.");
            }
        }
        finished = true;
        return null;
    }

    private SourceRow malformed(JsonProcessingException e) {
        finished = true;
        pendingError = null;
        var problem = ItemValidator.syntaxProblem(e);
        long line = Math.max(1, problem.line());
        return SourceRow.fatal(inRecord ? row : row + 1, line, problem.sentence()
                + " Nothing after this point can be read.");
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }

    @Override
    public long bytesRead() {
        return input.bytesRead();
    }

    @Override
    public long totalBytes() {
        return input.size();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing
        }
        input.close();
    }
}
