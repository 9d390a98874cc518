package io.cosmosdesk.transfer;

import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.MoveJournal;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.move.ServerUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Imports a file into a container: bulk writes in the chosen {@link ImportMode}, throttling and outages retried,
 * every row's outcome in a private JSON Lines report, the whole job journaled so that a crash or an outage
 * resumes without a duplicate or a gap ({@link ImportRun}). Journals and reports live in a private folder
 * ({@code AppDirectories.data()/imports}). Blocking: call it from a background task.
 */
public final class ImportService {

    private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final AuditedWrites writes;
    private final MoveTuning tuning;
    private final ImportStep.Listener steps;

    /** {@code writes}: the audited door every write goes through (AppContext's, or one per command run). */
    public ImportService(Path folder, AuditedWrites writes) {
        this(folder, writes, MoveTuning.defaults(), ImportStep.Listener.NONE);
    }

    /** For tests and benchmarks: other pacing, and a listener told at every step (crash injection). */
    public ImportService(Path folder, AuditedWrites writes, MoveTuning tuning, ImportStep.Listener steps) {
        this.folder = folder;
        this.writes = writes;
        this.tuning = tuning;
        this.steps = steps;
    }

    public Path folder() {
        return folder;
    }

    /** An unfinished import, as its journal tells it. */
    public record UnfinishedImport(Path journal, Path file, String database, String container, long rowsDone) {
    }

    /**
     * Starts an import. Bad rows are reported as INVALID and not sent: validate first ({@link ImportValidation})
     * when the user should decide.
     *
     * @throws ImportInputException when the file cannot be read; CosmosDeskException READ_ONLY for a read-only
     *         connection, UNREACHABLE when the server stays away (the job is then resumable)
     */
    public ImportResult importItems(ContainerHandle target, ImportRequest request, ImportControl control) {
        target.connection().requireWritable();
        List<String> keyPaths = target.info().partitionKeyPaths();
        // opening the file first says what is wrong with it before any journal exists
        ItemReaders.open(request.file(), request.format(), request.csv()).close();
        String jobId = LocalDateTime.now().format(JOB_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path reports = reportsFolder();
        Path report = reports.resolve(jobId + "-report.jsonl");
        Path failed = reports.resolve(jobId + "-failed.jsonl");
        MoveJournal journal = MoveJournal.create(privateFolder(folder), jobId,
                ImportJournal.header(jobId, request, target, keyPaths, report, failed));
        privateFile(journal.file());
        return run(jobId, target, request, keyPaths, journal, new ImportReportWriter(report, failed, 0, 0), control,
                null);
    }

    /** Continues an import a crash or an outage stopped, from its journal. */
    public ImportResult resume(ContainerHandle target, Path journalFile, ImportControl control) {
        target.connection().requireWritable();
        ImportJournal.State state = ImportJournal.read(journalFile);
        if (state == null || state.ended()) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "This import has already ended; there is nothing to resume.");
        }
        if (!state.targets(target)) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "This import was started for "
                    + state.header().path("database").asText() + "/" + state.header().path("container").asText()
                    + " on " + state.header().path("endpoint").asText() + "; resume it there.");
        }
        ImportJournal.requireSameFile(state);
        List<String> keyPaths = new ArrayList<>();
        state.header().path("keyPaths").forEach(p -> keyPaths.add(p.asText()));
        MoveJournal journal = MoveJournal.openForAppend(journalFile);
        ImportReportWriter report = new ImportReportWriter(Path.of(state.header().path("report").asText()),
                Path.of(state.header().path("failed").asText()), state.reportLength(), state.failedLength());
        return run(state.jobId(), target, state.request(), keyPaths, journal, report, control, state);
    }

    private ImportResult run(String jobId, ContainerHandle target, ImportRequest request, List<String> keyPaths,
            MoveJournal journal, ImportReportWriter report, ImportControl control, ImportJournal.State resumed) {
        boolean finished = false;
        try {
            ImportRun run = new ImportRun(writes, jobId, target, request, keyPaths, journal, report, tuning, steps,
                    control, resumed);
            boolean cancelled;
            try {
                cancelled = run.run();
            } catch (ServerUnavailableException e) {
                throw new CosmosDeskException(e.last().kind(), e.last().userMessage() + " The import stopped; "
                        + "nothing is lost: it can be resumed where it stopped.", e.last().statusCode(), 0, null, 0, e);
            }
            journal.appendAndSync(ImportJournal.end(cancelled ? "CANCELLED" : "DONE"));
            finished = true;
            return new ImportResult(run.progress(), report.reportFile(), report.failedFile(), cancelled);
        } finally {
            writes.flush(); // the job's audit entries are on disk before it reports
            report.close();
            if (finished) {
                journal.closeAsFinished();
            } else {
                journal.close();
            }
        }
    }

    /** Imports that did not end (a crash, a lost server), oldest first. */
    public List<UnfinishedImport> findUnfinished() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<UnfinishedImport> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(MoveJournal.EXTENSION)).sorted().toList()) {
                ImportJournal.State state;
                try {
                    state = ImportJournal.read(file);
                } catch (RuntimeException e) {
                    continue; // damaged: left for a person to look at
                }
                if (state != null && !state.ended()) {
                    found.add(new UnfinishedImport(file, Path.of(state.fileText()),
                            state.header().path("database").asText(), state.header().path("container").asText(),
                            state.doneThrough()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the import journals in " + folder, e);
        }
        found.sort(Comparator.comparing(UnfinishedImport::journal));
        return found;
    }

    /** The unfinished import of this file into this container, if there is one (the command line resumes it). */
    public Optional<UnfinishedImport> findUnfinished(ContainerHandle target, Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return findUnfinished().stream()
                .filter(u -> u.file().equals(wanted))
                .filter(u -> ImportJournal.read(u.journal()).targets(target))
                .findFirst();
    }

    private Path reportsFolder() {
        return privateFolder(folder.resolve("reports"));
    }

    private static Path privateFolder(Path path) {
        try {
            return PrivateFiles.folder(path);
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "Cannot create the folder " + path + ": " + e.getMessage());
        }
    }

    private static void privateFile(Path path) {
        try {
            PrivateFiles.file(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
