package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's lines last to first, across the 64 KB blocks it is read in. */
class NewestLinesTest {

    @TempDir
    Path folder;

    private List<String> newestFirst(String content) throws Exception {
        Path file = folder.resolve("day.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        NewestLines.read(file, lines::add);
        return lines;
    }

    @Test
    void linesComeLastFirstWithLongAndMultiByteLinesAcrossBlocks() throws Exception {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // lengths from 1 to ~150 KB, with 2-, 3- and 4-byte characters that fall on block edges somewhere
            String filler = i % 997 == 0 ? "é漢😀".repeat(10_000 + i) : "é漢😀x".repeat(i % 37);
            written.add("{\"n\":" + i + ",\"s\":\"" + filler + "\"}");
        }
        List<String> read = newestFirst(String.join("\n", written) + "\n");
        Collections.reverse(written);
        assertThat(read).isEqualTo(written);
    }

    @Test
    void aTornLastLineWithoutItsNewlineComesFirstAndAnEmptyFileHasNone() throws Exception {
        assertThat(newestFirst("a\nb\n{\"torn")).containsExactly("{\"torn", "b", "a");
        assertThat(newestFirst("")).isEmpty();
        assertThat(newestFirst("only")).containsExactly("only");
    }

    @Test
    void readingStopsWhenTheReaderHasEnough() throws Exception {
        Path file = folder.resolve("day.jsonl");
        Files.writeString(file, "1\n2\n3\n4\n", StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        NewestLines.read(file, line -> {
            lines.add(line);
            return lines.size() < 2;
        });
        assertThat(lines).containsExactly("4", "3");
    }
}
