package io.cosmosdesk.files;

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
 * The one pruning rule for files that hold user data for a while (finished move journals, patch journals and
 * reports): those in a folder matching a pattern, last written longer ago than a retention, are deleted. Files
 * elsewhere (a move's unfinished journals, one level up) are never touched. A file that cannot be deleted is
 * logged and skipped.
 */
public final class OldFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OldFiles.class);

    private OldFiles() {
    }

    /**
     * Deletes the files of {@code folder} (not below it) matching {@code glob} last written more than {@code keep}
     * ago; returns how many. A missing folder has none.
     *
     * @param what how the log names them: "finished move journal(s)"
     */
    public static int prune(Path folder, String glob, Duration keep, Clock clock, String what) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(keep);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file)
                            && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                        Files.delete(file);
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.warn("Could not delete the {} {}: {}", what, file.getFileName(), e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the {}: {}", what, e.toString());
        }
        if (deleted > 0) {
            LOG.info("Deleted {} {} older than {} days", deleted, what, keep.toDays());
        }
        return deleted;
    }
}
