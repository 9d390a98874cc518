package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldPathCatalogTest {

    @TempDir
    Path folder;

    private static SchemaSummary sample(String... items) throws Exception {
        SchemaStatistics statistics = new SchemaStatistics();
        for (String item : items) {
            statistics.add(Json.MAPPER.readTree(item));
        }
        return statistics.summary();
    }

    @Test
    void pathsAreKeptPerContainerMostPresentFirstInAPrivateFile() throws Exception {
        FieldPathCatalog catalog = new FieldPathCatalog(folder);
        catalog.remember("https://a|db|orders", sample("{\"id\":\"1\",\"lines\":[{\"sku\":\"x\"}]}",
                "{\"id\":\"2\",\"note\":null}"));
        catalog.remember("https://a|db|other", sample("{\"id\":\"1\",\"name\":\"n\"}"));

        FieldPathCatalog reread = new FieldPathCatalog(folder);
        assertThat(reread.paths("https://a|db|orders")).extracting(FieldPathCatalog.KnownPath::path)
                .startsWith("id").contains("lines", "lines[]", "lines[].sku", "note");
        assertThat(reread.paths("https://a|db|orders").get(0).presence()).isEqualTo(1.0);
        assertThat(reread.paths("https://a|db|other")).extracting(FieldPathCatalog.KnownPath::path)
                .containsExactly("id", "name");
        assertThat(reread.paths("https://a|db|never")).isEmpty();
        Path file = folder.resolve(FieldPathCatalog.FILE_NAME);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aNewSampleReplacesTheContainersPaths() throws Exception {
        FieldPathCatalog catalog = new FieldPathCatalog(folder);
        catalog.remember("k", sample("{\"old\":1}"));
        catalog.remember("k", sample("{\"new\":1}"));
        assertThat(new FieldPathCatalog(folder).paths("k")).extracting(FieldPathCatalog.KnownPath::path)
                .containsExactly("new");
    }
}
