package io.cosmosdesk.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.editor.ItemValidator;
import io.cosmosdesk.editor.ValidationProblem;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads JSON Lines: one object per line, blank lines skipped. A bad line is a bad row of its own (with its line
 * and column) and reading goes on with the next line. A line longer than {@link RecordLimit#DEFAULT_LIMIT} is
 * skipped without being held in memory.
 */
final class JsonLinesItemReader implements ItemReader {

    private final TextInput input;
    private final Reader reader;
    private final long limit;
    private final StringBuilder line = new StringBuilder(1024);
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int filled;
    private long lineNumber;
    private long row;
    private boolean sawAny;
    private boolean finished;

    JsonLinesItemReader(TextInput input) {
        this(input, RecordLimit.DEFAULT_LIMIT);
    }

    JsonLinesItemReader(TextInput input, long limit) {
        this.input = input;
        this.reader = input.reader();
        this.limit = limit;
    }

    @Override
    public SourceRow next() {
        if (finished) {
            return null;
        }
        try {
            while (true) {
                LineResult read = readLine();
                if (read == LineResult.END) {
                    finished = true;
                    if (!sawAny) {
                        throw new ImportInputException("The file " + input.fileName()
                                + " is empty: it holds no JSON lines.");
                    }
                    return null;
                }
                if (read == LineResult.TOO_LONG) {
                    sawAny = true;
                    row++;
                    return SourceRow.problem(row, lineNumber, "the line is longer than " + limit / (1024 * 1024)
                            + " MB (items are at most 2 MB); it was skipped.");
                }
                if (isBlank(line)) {
                    continue;
                }
                sawAny = true;
                row++;
                return parse(line.toString());
            }
        } catch (IOException e) {
            finished = true;
            throw input.failure(e, lineNumber);
        }
    }

    private SourceRow parse(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            ValidationProblem problem = ItemValidator.syntaxProblem(e);
            return SourceRow.unreadableLine(row, lineNumber, "column " + Math.max(1, problem.column()) + ": "
                    + problem.message(), stripCarriageReturn(text));
        }
        if (!(node instanceof ObjectNode item)) {
            return SourceRow.unreadableLine(row, lineNumber, "the line holds " + kind(node)
                    + ", not a JSON object { … }.", stripCarriageReturn(text));
        }
        return SourceRow.item(row, lineNumber, item);
    }

    private enum LineResult { LINE, TOO_LONG, END }

    /** Reads up to the next newline into {@link #line}; a line over the limit is skipped to its end. */
    private LineResult readLine() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == filled) {
                filled = reader.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    if (!any) {
                        return LineResult.END;
                    }
                    lineNumber++;
                    return tooLong ? LineResult.TOO_LONG : LineResult.LINE;
                }
            }
            any = true;
            int start = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
                if (line.length() > limit) {
                    tooLong = true;
                    line.setLength(0);
                    line.trimToSize();
                }
            }
            if (position < filled) {
                position++; // the newline
                lineNumber++;
                return tooLong ? LineResult.TOO_LONG : LineResult.LINE;
            }
        }
    }

    private static String stripCarriageReturn(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
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
        input.close();
    }
}
