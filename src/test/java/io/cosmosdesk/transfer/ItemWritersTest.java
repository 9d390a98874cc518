package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writers, and the round trip JSON -> CSV -> JSON of nested and unicode data. */
class ItemWritersTest {

    private static final String ITEMS = """
            [
             {"id":"1","customerId":"c-1","customer":{"name":"Zoë Ångström","address":{"city":"Köln","zip":"50667"}},
              "lines":[{"sku":"A-1","qty":2},{"sku":"日本","qty":1}],"total":14.5,"paid":true,"note":null,
              "tags":[],"meta":{},"formula":"=1+1","looksNumeric":"007","zip":"50667","empty":"","emoji":"🚀 ok",
              "multi":"line one\\nline \\"two\\", three","a.b":{"x":1},"c":{"name":"alias"},
              "_rid":"r1","_etag":"\\"e1\\"","_ts":1700000000,"_self":"s1","_attachments":"att/"},
             {"id":"2","customerId":"c-2","customer":{"name":"Bob","address":"unknown"},"total":-3,
              "paid":false,"extra":{"deep":{"deeper":{"deepest":"✓"}}},"formula":"-minus","big":12345678901234567890,
              "_rid":"r2","_etag":"\\"e2\\"","_ts":1700000001,"_self":"s2","_attachments":"att/"},
             {"id":"3","customerId":"c-3","note":"'=quoted already","tags":["x",{"y":null}],"meta":{"k":"v"}}
            ]""";

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatRoundTripsNestedAndUnicodeItems(ExportFormat format) throws Exception {
        for (boolean gzip : new boolean[] {false, true}) {
            List<ObjectNode> items = items();
            ExportOptions options = ExportOptions.of(format).withGzip(gzip);
            byte[] file = write(options, CsvFields.of(items(), false), items);

            List<ObjectNode> back = read(format, gzip ? gunzip(file) : file);

            List<ObjectNode> expected = items().stream().map(ItemContent::withoutSystemProperties).toList();
            assertThat(back).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ItemContent.equalByValue(back.get(i), expected.get(i)))
                        .as("%s gzip=%s item %d:%n%s%nvs%n%s", format, gzip, i, back.get(i), expected.get(i))
                        .isTrue();
            }
        }
    }

    @Test
    void systemPropertiesAreLeftOutUnlessAsked() throws Exception {
        byte[] without = write(ExportOptions.of(ExportFormat.JSONL), List.of(), items());
        byte[] with = write(ExportOptions.of(ExportFormat.JSONL).withSystemProperties(true), List.of(), items());
        assertThat(read(ExportFormat.JSONL, without).get(0).has("_rid")).isFalse();
        assertThat(read(ExportFormat.JSONL, without).get(0).has("_etag")).isFalse();
        assertThat(read(ExportFormat.JSONL, with).get(0).get("_rid").asText()).isEqualTo("r1");
        assertThat(CsvFields.of(items(), false)).noneMatch(p -> p.segments().get(0).startsWith("_"));
        assertThat(CsvFields.of(items(), true)).contains(JsonPath.parse("_ts"), JsonPath.parse("_etag"));
    }

    @Test
    void csvColumnsComeFromTheSampleFlattenedWithDots() throws Exception {
        byte[] file = write(ExportOptions.of(ExportFormat.CSV), CsvFields.of(items(), false), items());
        String header = new String(file, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        // id first; customer.address is an object in one item and text in another: one column of JSON text
        assertThat(header).startsWith("id,customerId,customer.name,customer.address,lines,total,");
        assertThat(header).contains("\"[\"\"a.b\"\"].x\"", "\"[\"\"c\"\"].name\"", "extra.deep.deeper.deepest", ",meta,", ",tags,");
        assertThat(header).doesNotContain("_rid");
    }

    @Test
    void csvCellsAreQuotedPerRfc4180AndFormulasDefused() throws Exception {
        List<JsonPath> fields = List.of(JsonPath.parse("id"), JsonPath.parse("formula"), JsonPath.parse("multi"),
                JsonPath.parse("looksNumeric"), JsonPath.parse("lines"));
        String text = new String(write(ExportOptions.of(ExportFormat.CSV), fields, items()), StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,formula,multi,looksNumeric,lines\r\n");
        assertThat(text).contains("1,'=1+1,\"line one\nline \"\"two\"\", three\",007,");
        assertThat(text).contains("\"[{\"\"sku\"\":\"\"A-1\"\",\"\"qty\"\":2},{\"\"sku\"\":\"\"日本\"\",\"\"qty\"\":1}]\"");
        assertThat(text).contains("\r\n2,'-minus,,,\r\n");
        assertThat(text).startsWith("id,formula,multi,looksNumeric,lines\r\n1,");
    }

    @Test
    void aJsonArrayHasOneItemPerLineAndAnEmptyExportIsStillValid() throws Exception {
        String text = new String(write(ExportOptions.of(ExportFormat.JSON), List.of(), items()), StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(5);
        assertThat(Json.MAPPER.readTree(text)).hasSize(3);
        for (ExportFormat format : ExportFormat.values()) {
            byte[] empty = write(ExportOptions.of(format), List.of(JsonPath.parse("id")), List.of());
            assertThat(read(format, empty)).isEmpty();
        }
        assertThat(new String(write(ExportOptions.of(ExportFormat.JSON), List.of(), List.of()),
                StandardCharsets.UTF_8)).isEqualTo("[]\n");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void writersPassItemsOnAsTheyComeInsteadOfHoldingThem(ExportFormat format) throws Exception {
        CountingOutputStream sink = new CountingOutputStream(OutputStream.nullOutputStream());
        try (ItemWriter writer = ItemWriters.open(ExportOptions.of(format).withGzip(true),
                List.of(JsonPath.parse("id"), JsonPath.parse("n")), sink)) {
            ObjectNode item = Json.MAPPER.createObjectNode();
            for (int i = 0; i < 20_000; i++) {
                item.put("id", "item-" + i).put("n", i);
                writer.write(item);
            }
            long beforeFinish = sink.count();
            writer.finish();
            assertThat(writer.items()).isEqualTo(20_000);
            assertThat(beforeFinish).as("bytes out before finish").isGreaterThan(sink.count() / 2);
        }
    }

    /** A flush per item sent each ~400-byte item to the file in a system call of its own (ExportBenchmark's profile). */
    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void writersLeaveFlushingToTheBufferInsteadOfFlushingEveryItem(ExportFormat format) throws Exception {
        int[] flushes = {0};
        OutputStream sink = new java.io.FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                flushes[0]++;
                super.flush();
            }
        };
        try (ItemWriter writer = ItemWriters.open(ExportOptions.of(format),
                List.of(JsonPath.parse("id"), JsonPath.parse("n")), sink)) {
            for (ObjectNode item : items()) {
                for (int i = 0; i < 400; i++) {
                    writer.write(item.deepCopy());
                }
            }
            assertThat(flushes[0]).as("flushes while writing 1,200 items").isZero();
            writer.finish();
        }
    }

    static List<ObjectNode> items() throws IOException {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode node : (ArrayNode) Json.MAPPER.readTree(ITEMS)) {
            items.add((ObjectNode) node);
        }
        return items;
    }

    static byte[] write(ExportOptions options, List<JsonPath> fields, List<ObjectNode> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ItemWriter writer = ItemWriters.open(options, fields, out)) {
            for (ObjectNode item : items) {
                writer.write(item);
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    static List<ObjectNode> read(ExportFormat format, byte[] file) throws IOException {
        List<ObjectNode> items = new ArrayList<>();
        switch (format) {
            case JSON -> Json.MAPPER.readTree(file).forEach(node -> items.add((ObjectNode) node));
            case JSONL -> {
                try (MappingIterator<ObjectNode> lines = Json.MAPPER.readerFor(ObjectNode.class).readValues(file)) {
                    lines.forEachRemaining(items::add);
                }
            }
            case CSV -> {
                try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8);
                        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
                    List<JsonPath> columns = null;
                    for (CSVRecord record : parser) {
                        if (columns == null) {
                            columns = record.stream().map(CsvHeader::parse).toList();
                            continue;
                        }
                        ObjectNode item = Json.MAPPER.createObjectNode();
                        for (int i = 0; i < columns.size(); i++) {
                            JsonNode value = CsvCells.decode(columns.get(i), record.get(i), true);
                            if (value != null) {
                                CsvCells.put(item, columns.get(i), value);
                            }
                        }
                        items.add(item);
                    }
                }
            }
            default -> throw new IllegalArgumentException();
        }
        return items;
    }

    private static byte[] gunzip(byte[] file) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
