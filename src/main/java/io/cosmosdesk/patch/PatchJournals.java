package io.cosmosdesk.patch;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.files.OldFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patch journals and reports kept in the data folder: listed for "Undo a patch…" (also after a restart), and
 * deleted after the journal retention of the settings. A journal holds the full before-image of every item it
 * patched (customer data): keeping them forever would leave copies of records on the desktop.
 */
public final class PatchJournals {

    private static final Logger LOG = LoggerFactory.getLogger(PatchJournals.class);
    private static final String JOURNAL = ".journal.jsonl";
    private static final String REPORT = ".report.jsonl";

    private PatchJournals() {
    }

    /** The patches of {@code handle}'s container (same account and container), newest first. */
    public static List<PastPatch> of(Path folder, ContainerHandle handle) {
        List<PastPatch> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        List<Path> journals = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + JOURNAL)) {
            files.forEach(journals::add);
        } catch (IOException e) {
            LOG.warn("Could not list the patch journals: {}", e.toString());
            return found;
        }
        journals.sort(java.util.Comparator.reverseOrder()); // ids start with their UTC time stamp
        for (Path journal : journals) {
            try {
                PatchJournal.Header header = PatchJournal.header(journal);
                if (header.database().equals(handle.ref().databaseId())
                        && header.container().equals(handle.ref().containerId())
                        && header.endpoint().equals(handle.connection().profile().endpoint())) {
                    found.add(new PastPatch(journal, header.started(), header.scope(), header.spec().describe(),
                            PatchJournal.ended(journal), undoRuns(folder, header.job())));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipped the unreadable patch journal {}: {}", journal.getFileName(), e.toString());
            }
        }
        return found;
    }

    private static int undoRuns(Path folder, String job) throws IOException {
        int runs = 0;
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(folder, job + "-undo-*" + REPORT)) {
            for (Path ignored : reports) {
                runs++;
            }
        }
        return runs;
    }

    /**
     * Deletes journals and reports last written more than {@code keep} ago (ended or not: a patch that old is not
     * undone any more); returns how many files went.
     */
    public static int prune(Path folder, Duration keep, Clock clock) {
        return OldFiles.prune(folder, "patch-*.jsonl", keep, clock, "patch journal/report file(s)");
    }
}
