package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.JsonPath;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV (RFC 4180, UTF-8 without BOM): a header row of field paths, then one row per item; cells by {@link CsvCells}. */
final class CsvItemWriter implements ItemWriter {

    private final List<JsonPath> fields;
    private final CSVPrinter printer;
    private final List<String> row;
    private long items;

    CsvItemWriter(OutputStream out, List<JsonPath> fields) throws IOException {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one field for the CSV file.");
        }
        this.fields = List.copyOf(fields);
        this.row = new ArrayList<>(fields.size());
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(fields.size());
        for (JsonPath field : fields) {
            header.add(CsvHeader.format(field));
        }
        printer.printRecord(header);
    }

    @Override
    public void write(ObjectNode item) throws IOException {
        row.clear();
        for (JsonPath field : fields) {
            JsonNode value = field.readThroughObjects(item);
            String cell = CsvCells.encode(field, value);
            row.add(cell == null ? "" : cell);
        }
        printer.printRecord(row);
        items++;
    }

    @Override
    public long items() {
        return items;
    }

    @Override
    public void finish() throws IOException {
        printer.close(true);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
