package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportValidationTest {

    @TempDir
    Path dir;

    private Path jsonl(String... lines) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static ImportCheck check(ImportRequest request, List<String> keyPaths, List<PreparedRow> sink) {
        return ImportValidation.check(request, keyPaths, sink::add, () -> false);
    }

    @Test
    void everyBadRowIsReportedAndThePreviewIsWhatWillBeSent() throws IOException {
        Path file = jsonl(
                "{\"id\":\"1\",\"pk\":\"a\",\"_rid\":\"x\",\"_etag\":\"\\\"e\\\"\",\"_ts\":1}",
                "{\"pk\":\"a\"}",
                "{\"id\":\"a/b\",\"pk\":\"a\"}",
                "{\"id\":7,\"pk\":\"a\"}",
                "{\"id\":\"2\"}",
                "{\"id\":\"3\",\"pk\":{\"x\":1}}",
                "{\"id\":\"1\",\"pk\":\"a\"}",
                "{\"id\":\"1\",\"pk\":\"b\"}",
                "not json");
        List<PreparedRow> sink = new ArrayList<>();
        ImportCheck check = check(ImportRequest.of(file, ImportFormat.JSONL), List.of("/pk"), sink);

        assertThat(check.rows()).isEqualTo(9);
        assertThat(check.valid()).isEqualTo(2);
        assertThat(check.preview()).extracting(r -> r.body().toString())
                .containsExactly("{\"id\":\"1\",\"pk\":\"a\"}", "{\"id\":\"1\",\"pk\":\"b\"}");
        assertThat(sink).extracting(PreparedRow::row).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 9L);
        assertThat(sink.get(0).problem()).contains("needs an \"id\"").contains("generate ids");
        assertThat(sink.get(1).problem()).contains("character");
        assertThat(sink.get(2).problem()).contains("must be a string");
        assertThat(sink.get(3).problem()).contains("/pk is missing");
        assertThat(sink.get(4).problem()).contains("not an object");
        assertThat(sink.get(5).problem()).contains("already in row 1");
        assertThat(sink.get(6).describe()).startsWith("Row 9 (line 9): column 4: unknown word");
        assertThat(check.problems()).hasSize(7);
    }

    @Test
    void generatedIdsAreTheSameForTheSameJobAndRow() throws IOException {
        Path file = jsonl("{\"pk\":\"a\",\"n\":1}", "{\"id\":\"\",\"pk\":\"a\"}", "{\"id\":\"keep\",\"pk\":\"a\"}");
        ImportRequest request = ImportRequest.of(file, ImportFormat.JSONL).withGenerateIds(true);
        ImportCheck first = check(request, List.of("/pk"), new ArrayList<>());
        ImportCheck again = check(request, List.of("/pk"), new ArrayList<>());
        ImportCheck otherJob = check(ImportRequest.of(file, ImportFormat.JSONL).withGenerateIds(true), List.of("/pk"),
                new ArrayList<>());

        assertThat(first.clean()).isTrue();
        assertThat(first.preview()).extracting(PreparedRow::id).containsExactlyElementsOf(
                again.preview().stream().map(PreparedRow::id).toList());
        assertThat(first.preview().get(0).id()).isNotEqualTo(otherJob.preview().get(0).id());
        assertThat(first.preview().get(0).body().fieldNames().next()).isEqualTo("id");
        assertThat(first.preview().get(2).id()).isEqualTo("keep");
    }

    @Test
    void hierarchicalKeysNeedEveryLevelWithAValue() throws IOException {
        Path file = jsonl("{\"id\":\"1\",\"t\":\"x\",\"d\":\"y\"}", "{\"id\":\"2\",\"t\":\"x\"}",
                "{\"id\":\"3\",\"t\":\"x\",\"d\":null}", "{\"id\":\"4\",\"t\":\"x\",\"d\":5}");
        List<PreparedRow> sink = new ArrayList<>();
        ImportCheck check = check(ImportRequest.of(file, ImportFormat.JSONL), List.of("/t", "/d"), sink);
        assertThat(check.valid()).isEqualTo(2);
        assertThat(sink).extracting(PreparedRow::row).containsExactly(2L, 3L);
        assertThat(sink.get(1).problem()).contains("is null");
    }

    @Test
    void nestedKeysAreReadAtTheirPath() throws IOException {
        Path file = jsonl("{\"id\":\"1\",\"customer\":{\"id\":\"c1\"}}", "{\"id\":\"2\",\"customer\":\"c1\"}");
        List<PreparedRow> sink = new ArrayList<>();
        ImportCheck check = check(ImportRequest.of(file, ImportFormat.JSONL), List.of("/customer/id"), sink);
        assertThat(check.preview()).singleElement().satisfies(r -> assertThat(r.key().display()).isEqualTo("\"c1\""));
        assertThat(sink).extracting(PreparedRow::row).containsExactly(2L);
    }

    @Test
    void itemsOverTwoMegabytesAreRefused() throws IOException {
        String big = "x".repeat(2 * 1024 * 1024);
        Path file = jsonl("{\"id\":\"1\",\"pk\":\"a\",\"blob\":\"" + big + "\"}", "{\"id\":\"2\",\"pk\":\"a\"}");
        List<PreparedRow> sink = new ArrayList<>();
        ImportCheck check = check(ImportRequest.of(file, ImportFormat.JSONL), List.of("/pk"), sink);
        assertThat(check.valid()).isEqualTo(1);
        assertThat(sink).singleElement().satisfies(r -> assertThat(r.problem()).contains("2.00 MB; Cosmos DB accepts"));
    }

    @Test
    void duplicateDetectionScalesWithoutCollisionsOnDistinctKeys() {
        DuplicateKeys keys = new DuplicateKeys();
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.firstRowOf("id-" + i, "[\"p" + (i % 97) + "\"]", i)).isEqualTo(-1);
        }
        assertThat(keys.firstRowOf("id-77", "[\"p77\"]", 999_999)).isEqualTo(77);
        assertThat(keys.firstRowOf("id-77", "[\"p78\"]", 999_999)).isEqualTo(-1);
    }
}
