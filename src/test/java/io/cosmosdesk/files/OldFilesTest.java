package io.cosmosdesk.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OldFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void deletesOnlyMatchingFilesOfTheFolderOlderThanTheRetention() throws Exception {
        Path old = written("patch-a.jsonl", Duration.ofDays(31));
        Path recent = written("patch-b.jsonl", Duration.ofDays(29));
        Path otherName = written("notes.txt", Duration.ofDays(90));
        Files.createDirectories(folder.resolve("inner"));
        Path below = Files.writeString(folder.resolve("inner").resolve("patch-c.jsonl"), "{}");
        Files.setLastModifiedTime(below, FileTime.from(NOW.minus(Duration.ofDays(90))));
        Path folderNamedLikeOne = Files.createDirectories(folder.resolve("patch-d.jsonl"));
        Files.setLastModifiedTime(folderNamedLikeOne, FileTime.from(NOW.minus(Duration.ofDays(90))));

        int deleted = OldFiles.prune(folder, "patch-*.jsonl", Duration.ofDays(30), clock, "patch files");

        assertThat(deleted).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherName).exists();
        assertThat(below).exists();
        assertThat(folderNamedLikeOne).exists();
    }

    @Test
    void aMissingFolderHasNothingToPrune() {
        assertThat(OldFiles.prune(folder.resolve("missing"), "*", Duration.ZERO, clock, "files")).isZero();
    }

    private Path written(String name, Duration age) throws Exception {
        Path file = Files.writeString(folder.resolve(name), "{}");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }
}
