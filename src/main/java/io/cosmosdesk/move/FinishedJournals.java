package io.cosmosdesk.move;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished move journals after a while. A journal holds the full body of every item it moved
 * (customer data, in production), and once a job has ended nothing reads it again; keeping them forever
 * would leave copies of records on the desktop long after anyone could want them.
 */
public final class FinishedJournals {

    /** How long a finished journal stays, for a look at what a recent move did. */
    public static final Duration KEEP = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(FinishedJournals.class);

    private FinishedJournals() {
    }

    /**
     * Deletes journals under {@code movesFolder/done} last written more than {@code keep} ago; returns how
     * many. Unfinished journals (directly in the moves folder) are never touched: recovery needs them.
     */
    public static int prune(Path movesFolder, Duration keep, Clock clock) {
        Path done = movesFolder.resolve(MoveJournal.DONE_FOLDER);
        if (!Files.isDirectory(done)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(keep);
        int deleted = 0;
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(done, "*" + MoveJournal.EXTENSION)) {
            for (Path journal : journals) {
                try {
                    if (Files.getLastModifiedTime(journal).toInstant().isBefore(cutoff)) {
                        Files.delete(journal);
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.warn("Could not delete the finished move journal {}: {}", journal.getFileName(), e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list finished move journals: {}", e.toString());
        }
        if (deleted > 0) {
            LOG.info("Deleted {} finished move journal(s) older than {} days", deleted, keep.toDays());
        }
        return deleted;
    }
}
