package io.cosmosdesk.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic JSON file writer: whole files only, and a damaged file set aside rather than dropped. */
class JsonFilesTest {

    @TempDir
    Path folder;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = folder.resolve("sub").resolve("settings.json");
        JsonFiles.write(file, Map.of("version", 1));
        JsonFiles.write(file, Map.of("version", 2));

        assertThat(JsonFiles.read(file)).hasValueSatisfying(n -> assertThat(n.path("version").asInt()).isEqualTo(2));
        assertThat(Files.readString(file)).contains("\n"); // indented, for people who open it
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aMissingFileReadsAsEmptyAndNothingIsCreated() throws Exception {
        assertThat(JsonFiles.read(folder.resolve("none.json"))).isEmpty();
        assertThat(names()).isEmpty();
    }

    @Test
    void aDamagedFileIsSetAsideWithItsContentNotDropped() throws Exception {
        Path file = Files.writeString(folder.resolve("connections.json"), "{\"connections\": [ {\"id\": ");

        Optional<JsonNode> read = JsonFiles.read(file);

        assertThat(read).isEmpty();
        assertThat(file).doesNotExist();
        List<String> names = names();
        assertThat(names).hasSize(1);
        assertThat(names.get(0)).matches("connections\\.json\\.damaged-\\d{8}-\\d{6}");
        assertThat(Files.readString(folder.resolve(names.get(0)))).isEqualTo("{\"connections\": [ {\"id\": ");
        // the next save starts afresh and the set-aside copy stays
        JsonFiles.write(file, Map.of("version", 1));
        assertThat(names()).hasSize(2);
    }

    @Test
    void anEmptyFileIsDamagedToo() throws Exception {
        Path file = Files.writeString(folder.resolve("window.json"), "");
        assertThat(JsonFiles.read(file)).isEmpty();
        assertThat(names()).singleElement().asString().startsWith("window.json.damaged-");
    }

    @Test
    void twoSetAsidesInTheSameSecondKeepBoth() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-06T04:05:06Z"), ZoneOffset.UTC);
        Path file = folder.resolve("a.json");
        Files.writeString(file, "first");
        assertThat(JsonFiles.setAside(file, "test", fixed)).contains(folder.resolve("a.json.damaged-20261206-040506"));
        Files.writeString(file, "second");
        assertThat(JsonFiles.setAside(file, "test", fixed))
                .contains(folder.resolve("a.json.damaged-20261206-040506-2"));
        assertThat(Files.readString(folder.resolve("a.json.damaged-20261206-040506"))).isEqualTo("first");
    }
}
