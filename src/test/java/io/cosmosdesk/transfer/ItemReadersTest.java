package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemReadersTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static List<SourceRow> readAll(Path file, ImportFormat format, CsvOptions csv) {
        List<SourceRow> rows = new ArrayList<>();
        try (ItemReader reader = ItemReaders.open(file, format, csv)) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<SourceRow> readAll(Path file, ImportFormat format) {
        return readAll(file, format, CsvOptions.defaults());
    }

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    // ---- JSON

    @Test
    void jsonArrayIsReadElementByElementWithItsLines() throws IOException {
        Path file = file("a.json", "[\n  {\"id\":\"1\",\"n\":1},\n  {\"id\":\"2\",\"nested\":{\"x\":[1,2]}}\n]\n");
        List<SourceRow> rows = readAll(file, ImportFormat.JSON);
        assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L);
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L);
        assertThat(rows.get(1).item()).isEqualTo(json("{\"id\":\"2\",\"nested\":{\"x\":[1,2]}}"));
    }

    @Test
    void jsonSingleObjectIsOneItem() throws IOException {
        List<SourceRow> rows = readAll(file("one.json", "{\"id\":\"only\"}"), ImportFormat.JSON);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).item().get("id").asText()).isEqualTo("only");
    }

    @Test
    void malformedJsonSaysLineAndColumnAndStops() throws IOException {
        Path file = file("bad.json", "[\n{\"id\":\"1\"},\n{\"id\":\"2\" \"x\":1},\n{\"id\":\"3\"}\n]");
        List<SourceRow> rows = readAll(file, ImportFormat.JSON);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).ok()).isTrue();
        SourceRow bad = rows.get(1);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.lastReadable()).isTrue();
        assertThat(bad.row()).isEqualTo(2);
        assertThat(bad.problem()).startsWith("Line 3, column 11:").contains("comma");
    }

    @Test
    void anArrayElementThatIsNotAnObjectIsABadRowAndReadingGoesOn() throws IOException {
        List<SourceRow> rows = readAll(file("mixed.json", "[{\"id\":\"1\"}, 42, [1], {\"id\":\"2\"}]"),
                ImportFormat.JSON);
        assertThat(rows).extracting(SourceRow::ok).containsExactly(true, false, false, true);
        assertThat(rows.get(1).problem()).contains("a number");
        assertThat(rows.get(2).problem()).contains("an array");
    }

    @Test
    void textAfterTheArrayIsReported() throws IOException {
        List<SourceRow> rows = readAll(file("more.json", "[{\"id\":\"1\"}]\n{\"id\":\"2\"}"), ImportFormat.JSON);
        assertThat(rows.get(rows.size() - 1).problem()).contains("more after the closing ]");
    }

    @Test
    void emptyFilesGetASentence() throws IOException {
        for (ImportFormat format : ImportFormat.values()) {
            Path empty = file("empty-" + format, new byte[0]);
            assertThatThrownBy(() -> readAll(empty, format)).isInstanceOf(ImportInputException.class)
                    .hasMessageContaining("is empty");
            Path blank = file("blank-" + format, "\uFEFF  \n\n");
            assertThatThrownBy(() -> readAll(blank, format)).isInstanceOf(ImportInputException.class)
                    .hasMessageContaining("is empty");
        }
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] body = "{\"id\":\"ü-1\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        for (ImportFormat format : List.of(ImportFormat.JSON, ImportFormat.JSONL)) {
            List<SourceRow> rows = readAll(file("bom" + format, bytes), format);
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.item().get("id").asText()).isEqualTo("ü-1"));
        }
        byte[] csv = "\uFEFFid,n\nx,1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(file("bom.csv", csv), ImportFormat.CSV).get(0).item()).isEqualTo(json("{\"id\":\"x\",\"n\":1}"));
    }

    @Test
    void utf16IsDecodedWithOrWithoutAMark() throws IOException {
        String text = "{\"id\":\"€ 1\"}\n{\"id\":\"2\"}\n";
        List<SourceRow> marked = readAll(file("le.jsonl", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)),
                ImportFormat.JSONL);
        List<SourceRow> unmarked = readAll(file("be.jsonl", text.getBytes(StandardCharsets.UTF_16BE)),
                ImportFormat.JSONL);
        assertThat(marked).extracting(r -> r.item().get("id").asText()).containsExactly("€ 1", "2");
        assertThat(unmarked).extracting(r -> r.item().get("id").asText()).containsExactly("€ 1", "2");
    }

    @Test
    void aBinaryFileRenamedJsonGetsASentence() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
                0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5C, 0x72, (byte) 0xA8};
        Path file = file("picture.json", png);
        assertThatThrownBy(() -> readAll(file, ImportFormat.JSON)).isInstanceOf(ImportInputException.class)
                .hasMessageContaining("not a text file");
    }

    @Test
    void aGzippedExportIsReadBackStreamedInEachFormatAndABrokenOneGetsASentence() throws IOException {
        String[][] files = {{"orders.jsonl.gz", "{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":2}\n"},
                {"orders.json.gz", "[{\"id\":\"a\",\"n\":1},{\"id\":\"b\",\"n\":2}]"},
                {"orders.csv.gz", "id,n\r\na,1\r\nb,2\r\n"}};
        for (String[] nameAndText : files) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
                gzip.write(nameAndText[1].getBytes(StandardCharsets.UTF_8));
            }
            Path file = file(nameAndText[0], bytes.toByteArray());
            ImportFormat format = ImportFormat.fromFileName(file).orElseThrow();
            assertThat(format.name()).isEqualTo(nameAndText[0].split("\\.")[1].toUpperCase(java.util.Locale.ROOT));

            assertThat(readAll(file, format)).as(nameAndText[0]).extracting(SourceRow::item)
                    .containsExactly(json("{\"id\":\"a\",\"n\":1}"), json("{\"id\":\"b\",\"n\":2}"));
        }
        byte[] cut = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 'x'};
        Path broken = file("cut.jsonl.gz", cut);
        assertThatThrownBy(() -> readAll(broken, ImportFormat.JSONL)).isInstanceOf(ImportInputException.class);
    }

    @Test
    void invalidUtf8IsReportedNotReplaced() throws IOException {
        byte[] bytes = "{\"id\":\"a\"}\n{\"id\":\"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = file("latin1.jsonl", bytes);
        assertThatThrownBy(() -> readAll(file, ImportFormat.JSONL)).isInstanceOf(ImportInputException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    /** A 3 GB file (sparse: it takes no disk) of zero bytes, as a disk image renamed .json would be. */
    @Test
    void aThreeGigabyteBinaryFileGetsASentenceFromItsFirstBytes() throws IOException {
        for (ImportFormat format : ImportFormat.values()) {
            Path huge = dir.resolve("disk-image." + format.name().toLowerCase(java.util.Locale.ROOT));
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(3L << 30);
            }
            assertThatThrownBy(() -> readAll(huge, format)).isInstanceOf(ImportInputException.class)
                    .hasMessageContaining("not a text file");
        }
    }

    /**
     * A 3 GB JSON Lines file (its first rows written, the rest a sparse hole) is read as a stream: rows arrive at
     * once with the bytes read so far against the whole size, nothing waits for the end of the file, and the
     * validation pass stops when cancelled.
     */
    @Test
    void aThreeGigabyteFileIsStreamedAndItsCheckStopsWhenCancelled() throws IOException {
        Path huge = dir.resolve("huge.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            rows.append("{\"id\":\"").append(i).append("\",\"pk\":\"p\"}\n");
        }
        Files.writeString(huge, rows);
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        try (ItemReader reader = ItemReaders.open(huge, ImportFormat.JSONL, CsvOptions.defaults())) {
            assertThat(reader.next().item().get("id").asText()).isEqualTo("0");
            assertThat(reader.totalBytes()).isEqualTo(3L << 30);
            assertThat(reader.bytesRead()).isLessThan(1L << 20);
        }
        long[] seen = {0};
        ImportCheck check = ImportValidation.check(ImportRequest.of(huge, ImportFormat.JSONL), List.of("/pk"),
                row -> { }, () -> ++seen[0] > 2); // asked every 256 rows: stops after about 512
        assertThat(check.rows()).isLessThan(5_000);
    }

    @Test
    void missingFolderAndUnreadableFilesGetSentences() throws IOException {
        assertThatThrownBy(() -> readAll(dir.resolve("nope.json"), ImportFormat.JSON))
                .isInstanceOf(ImportInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> readAll(dir, ImportFormat.JSON))
                .isInstanceOf(ImportInputException.class).hasMessageContaining("is a folder");
        Path secret = file("secret.json", "{\"id\":\"1\"}");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as root");
        assertThatThrownBy(() -> readAll(secret, ImportFormat.JSON))
                .isInstanceOf(ImportInputException.class).hasMessageContaining("permission denied");
    }

    // ---- JSON Lines

    @Test
    void jsonLinesReportsBadLinesAndGoesOn() throws IOException {
        Path file = file("x.jsonl", "{\"id\":\"1\"}\n\n{\"id\":\"2\",}\n[1]\r\n{\"id\":\"3\"}");
        List<SourceRow> rows = readAll(file, ImportFormat.JSONL);
        assertThat(rows).extracting(SourceRow::ok).containsExactly(true, false, false, true);
        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(rows.get(1).problem()).startsWith("column 11:");
        assertThat(rows.get(2).problem()).contains("an array");
    }

    @Test
    void anOverlongLineIsSkippedWithoutHoldingIt() throws IOException {
        StringBuilder big = new StringBuilder("{\"id\":\"big\",\"x\":\"");
        big.append("a".repeat(5000)).append("\"}\n{\"id\":\"after\"}\n");
        TextInput input = TextInput.open(file("long.jsonl", big.toString()));
        try (JsonLinesItemReader reader = new JsonLinesItemReader(input, 1000)) {
            SourceRow first = reader.next();
            assertThat(first.ok()).isFalse();
            assertThat(first.problem()).contains("longer than");
            assertThat(reader.next().item().get("id").asText()).isEqualTo("after");
            assertThat(reader.next()).isNull();
        }
    }

    // ---- CSV

    @Test
    void csvHeaderPathsMakeNestedObjectsWithInferredTypes() throws IOException {
        Path file = file("o.csv", "id,customer.name,customer.vip,total,tags,note,code\n"
                + "o1,\"Zoë, \"\"the\"\" best\",true,12.5,\"[\"\"a\"\",1]\",null,007\n"
                + "o2,Bob,,3,,\"two\nlines\",-0\n");
        List<SourceRow> rows = readAll(file, ImportFormat.CSV);
        assertThat(rows.get(0).item()).isEqualTo(json("{\"id\":\"o1\",\"customer\":{\"name\":\"Zoë, \\\"the\\\" best\","
                + "\"vip\":true},\"total\":12.5,\"tags\":[\"a\",1],\"note\":null,\"code\":\"007\"}"));
        assertThat(rows.get(1).item()).isEqualTo(json("{\"id\":\"o2\",\"customer\":{\"name\":\"Bob\"},\"total\":3,"
                + "\"note\":\"two\\nlines\",\"code\":0}"));
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L);
    }

    @Test
    void csvKeepsTextWhenAsked() throws IOException {
        Path file = file("t.csv", "id,n,flag\n1,42,true\n");
        ObjectNode item = readAll(file, ImportFormat.CSV, CsvOptions.defaults().withInferTypes(false)).get(0).item();
        assertThat(item).isEqualTo(json("{\"id\":\"1\",\"n\":\"42\",\"flag\":\"true\"}"));
    }

    @Test
    void csvDelimiterIsDetectedOrChosen() throws IOException {
        Path semicolons = file("s.csv", "id;price;label\na;1,5;\"x;y\"\n");
        assertThat(readAll(semicolons, ImportFormat.CSV).get(0).item())
                .isEqualTo(json("{\"id\":\"a\",\"price\":\"1,5\",\"label\":\"x;y\"}"));
        Path tabs = file("t.tsv", "id\tn\nb\t2\n");
        assertThat(readAll(tabs, ImportFormat.CSV).get(0).item()).isEqualTo(json("{\"id\":\"b\",\"n\":2}"));
        Path chosen = file("c.csv", "id|a,b\nc|1,2\n");
        assertThat(readAll(chosen, ImportFormat.CSV, CsvOptions.defaults().withDelimiter('|')).get(0).item())
                .isEqualTo(json("{\"id\":\"c\",\"a,b\":\"1,2\"}"));
    }

    @Test
    void csvRowWithTheWrongCellCountIsABadRow() throws IOException {
        Path file = file("w.csv", "id,a,b\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
        List<SourceRow> rows = readAll(file, ImportFormat.CSV);
        assertThat(rows).extracting(SourceRow::ok).containsExactly(true, false, false, true);
        assertThat(rows.get(1).describe()).isEqualTo("Row 2 (line 3): the row has 2 cells but the header has 3 "
                + "(is a value with a ',' missing its quotes?).");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void csvBrokenQuotingEndsWithASentence() throws IOException {
        List<SourceRow> rows = readAll(file("q.csv", "id,a\n1,\"open\n2,x\n"), ImportFormat.CSV);
        assertThat(rows.get(rows.size() - 1).problem()).contains("never closed");
    }

    @Test
    void csvHeaderProblemsGetSentences() throws IOException {
        Path twice = file("d.csv", "id,a,a\n1,2,3\n");
        assertThatThrownBy(() -> readAll(twice, ImportFormat.CSV)).hasMessageContaining("names a twice");
        Path dotted = file("b.csv", "id,[\"a.b\"],k.x,[\"c\"].y\n1,2,3,4\n");
        assertThat(readAll(dotted, ImportFormat.CSV).get(0).item())
                .isEqualTo(json("{\"id\":\"1\",\"a.b\":2,\"k\":{\"x\":3},\"c\":{\"y\":4}}"));
    }

    @Test
    void formatsFollowFileNames() {
        assertThat(ImportFormat.fromFileName(Path.of("a.JSONL"))).contains(ImportFormat.JSONL);
        assertThat(ImportFormat.fromFileName(Path.of("a.json"))).contains(ImportFormat.JSON);
        assertThat(ImportFormat.fromFileName(Path.of("a.csv"))).contains(ImportFormat.CSV);
        assertThat(ImportFormat.fromFileName(Path.of("a.txt"))).isEmpty();
    }
}
