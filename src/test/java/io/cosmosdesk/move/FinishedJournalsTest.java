package io.cosmosdesk.move;

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

class FinishedJournalsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path moves;

    private Path journal(Path folder, String name, Duration age) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, "{}\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    @Test
    void deletesOnlyFinishedJournalsOlderThanTheKeepPeriod() throws Exception {
        Path done = moves.resolve("done");
        Path old = journal(done, "old.jsonl", Duration.ofDays(30));
        Path recent = journal(done, "recent.jsonl", Duration.ofDays(2));
        Path otherFile = journal(done, "notes.txt", Duration.ofDays(90));
        Path unfinished = journal(moves, "running.jsonl", Duration.ofDays(90));

        int deleted = FinishedJournals.prune(moves, Duration.ofDays(14), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(deleted).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherFile).exists();
        assertThat(unfinished).exists(); // recovery needs it, however old
    }

    @Test
    void noFolderNoWork() {
        assertThat(FinishedJournals.prune(moves.resolve("absent"), Duration.ofDays(14), Clock.systemUTC())).isZero();
    }
}
