package io.cosmosdesk.move;

import io.cosmosdesk.files.OldFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes finished move journals after a while. A journal holds the full body of every item it moved
 * (customer data, in production), and once a job has ended nothing reads it again; keeping them forever
 * would leave copies of records on the desktop long after anyone could want them.
 */
public final class FinishedJournals {

    /** How long a finished journal stays, for a look at what a recent move did. */
    public static final Duration KEEP = Duration.ofDays(14);

    private FinishedJournals() {
    }

    /**
     * Deletes journals under {@code movesFolder/done} last written more than {@code keep} ago; returns how
     * many. Unfinished journals (directly in the moves folder) are never touched: recovery needs them.
     */
    public static int prune(Path movesFolder, Duration keep, Clock clock) {
        return OldFiles.prune(movesFolder.resolve(MoveJournal.DONE_FOLDER), "*" + MoveJournal.EXTENSION, keep, clock,
                "finished move journal(s)");
    }
}
