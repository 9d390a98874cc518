package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180): the header row names field paths ({@link CsvHeader}), each further row is an item whose
 * cells mean what export wrote ({@link CsvCells}, shared with export: notes/transfer-shared.md).
 * The delimiter is the one chosen, or detected from the header row. A row with a different number of cells
 * than the header is a bad row; broken quoting ends the file with a row saying where.
 */
final class CsvItemReader implements ItemReader {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int HEADER_LOOKAHEAD = 1 << 20;

    private final TextInput input;
    private final CsvOptions options;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<JsonPath> paths;
    private final char delimiter;
    private long row;
    private boolean finished;

    CsvItemReader(TextInput input, CsvOptions options) {
        this.input = input;
        this.options = options;
        Reader reader = input.reader();
        try {
            this.delimiter = options.delimiter() != null ? options.delimiter() : detect(reader);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setTrim(false).get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            input.close();
            throw input.failure(e, 1);
        }
        this.records = parser.iterator();
        CSVRecord header;
        try {
            header = null;
            while (records.hasNext()) {
                CSVRecord candidate = records.next();
                if (candidate.size() > 1 || !candidate.get(0).isBlank()) {
                    header = candidate;
                    break;
                }
            }
            if (header == null) {
                input.close();
                throw new ImportInputException("The file " + input.fileName() + " is empty: it has no header row.");
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            input.close();
            throw new ImportInputException("The header row of " + input.fileName() + " cannot be read: "
                    + reason(e));
        }
        List<String> names = new ArrayList<>(header.size());
        header.forEach(names::add);
        try {
            this.paths = headerPaths(names, input.fileName());
        } catch (ImportInputException e) {
            input.close();
            throw e;
        }
    }

    /** The delimiter that splits the header row most often, outside quotes; a comma when none does. */
    static char detect(Reader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        int read = 0;
        int c;
        while ((c = reader.read()) >= 0 && read++ < HEADER_LOOKAHEAD - 1) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int i = 0; i < CANDIDATES.length; i++) {
                    if (c == CANDIDATES[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int i = 1; i < CANDIDATES.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return counts[best] == 0 ? ',' : CANDIDATES[best];
    }

    /** The delimiter in use (chosen or detected). */
    char delimiter() {
        return delimiter;
    }

    /** The header's field paths. */
    List<JsonPath> columns() {
        return paths;
    }

    /** The header row's paths ({@link CsvHeader#parse}); an empty or repeated name is a sentence. */
    static List<JsonPath> headerPaths(List<String> header, String fileName) {
        List<JsonPath> paths = new ArrayList<>(header.size());
        java.util.Map<JsonPath, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).strip();
            if (cell.isEmpty()) {
                throw new ImportInputException("The header row of " + fileName + " has an empty name in column "
                        + (i + 1) + ": each column needs a field path such as customer.name.");
            }
            JsonPath path;
            try {
                path = CsvHeader.parse(cell);
            } catch (IllegalArgumentException e) {
                throw new ImportInputException("The header row of " + fileName + " has a field path it cannot read "
                        + "in column " + (i + 1) + " (" + cell + "): " + e.getMessage());
            }
            Integer before = seen.put(path, i);
            if (before != null) {
                throw new ImportInputException("The header row of " + fileName + " names " + cell + " twice "
                        + "(columns " + (before + 1) + " and " + (i + 1) + ").");
            }
            paths.add(path);
        }
        return paths;
    }

    @Override
    public SourceRow next() {
        if (finished) {
            return null;
        }
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                finished = true;
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            finished = true;
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException coding) {
                throw input.failure(coding, parser.getCurrentLineNumber());
            }
            return SourceRow.fatal(row + 1, parser.getCurrentLineNumber(), "the CSV cannot be read from here: "
                    + reason(e) + " Nothing after this point can be read.");
        }
        row++;
        long line = Math.max(1, record.getCharacterPosition() >= 0 ? lineOf(record) : row + 1);
        if (record.size() != paths.size()) {
            return SourceRow.problem(row, line, "the row has " + record.size() + " cell" + (record.size() == 1 ? "" : "s")
                    + " but the header has " + paths.size() + " (is a value with a '" + printable(delimiter)
                    + "' missing its quotes?).");
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode value = CsvCells.decode(paths.get(i), record.get(i), options.inferTypes());
            if (value == null) {
                continue;
            }
            try {
                CsvCells.put(item, paths.get(i), value);
            } catch (IllegalArgumentException clash) {
                return SourceRow.problem(row, line, clash.getMessage());
            }
        }
        return SourceRow.item(row, line, item);
    }

    private long lineOf(CSVRecord record) {
        // the parser counts lines read so far; a record's own line is that minus the lines its cells span
        long lines = parser.getCurrentLineNumber();
        long spanned = 0;
        for (String cell : record) {
            spanned += cell.chars().filter(ch -> ch == '\n').count();
        }
        return lines - spanned;
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed (a \" is missing).";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows a closing quote (a \" inside a quoted cell must be doubled: \"\").";
        }
        return message;
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
