package io.cosmosdesk.transfer;

import io.cosmosdesk.app.AppDirectories;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliException;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the import and copy commands share: progress lines, Ctrl+C as Cancel, exit statuses, the jobs folder. */
final class CommandSupport {

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private CommandSupport() {
    }

    /** Where import journals and reports live: the app's own folder, so the window can resume what a script left. */
    static Path importsFolder() {
        return AppDirectories.detect().data().resolve("imports");
    }

    /** The audited door for one command run: CLI writes are audited like the app's. Close the log at the end. */
    static io.cosmosdesk.audit.AuditLog auditLog() {
        return new io.cosmosdesk.audit.AuditLog(AppDirectories.detect().data().resolve("audit"));
    }

    /** Progress to stderr, at most one line every two seconds. */
    static Consumer<ImportProgress> progressLines(CliIO io, boolean quiet) {
        long[] last = {0};
        return progress -> {
            if (quiet) {
                return;
            }
            long now = System.nanoTime();
            if (last[0] != 0 && now - last[0] < PROGRESS_EVERY_NANOS) {
                return;
            }
            last[0] = now;
            // an import knows its file's size; a copy counts its source
            String fraction = progress.fraction() >= 0 ? String.format(" (%.0f%% of the file)", progress.fraction() * 100)
                    : progress.ofTotal().map(total -> "; " + total).orElse("");
            io.err().println(progress.summary() + fraction + String.format(", %,.0f rows/s", progress.rate())
                    + (progress.status() == null ? "" : " — " + progress.status()));
            io.err().flush();
        };
    }

    /** Runs {@code job}; Ctrl+C asks it to stop after the batch in flight and waits for that (10 s at most). */
    static ImportResult cancellable(ImportControl control, Supplier<ImportResult> job) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new InterruptHook(control, finished);
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return job.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has what it waited for
            }
        }
    }

    /**
     * Ctrl+C on the command line: the JVM runs shutdown hooks, which must be threads. Not background work (which
     * goes through TaskRunner): it only asks the job to stop and waits for it to record where it stopped.
     */
    private static final class InterruptHook extends Thread {
        private final ImportControl control;
        private final CountDownLatch finished;

        InterruptHook(ImportControl control, CountDownLatch finished) {
            super("transfer-interrupted");
            this.control = control;
            this.finished = finished;
        }

        @Override
        public void run() {
            control.requestCancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The summary lines and the exit status of a finished job. */
    static int finish(ImportResult result, String verb, CliIO io) {
        io.err().println((result.cancelled() ? verb + " interrupted after " : verb + ": ") + result.totals().summary() + ".");
        io.err().println("Report (one line per item): " + result.report());
        if (result.notImported() > 0) {
            io.err().println(result.notImported() + " item" + (result.notImported() == 1 ? " was" : "s were")
                    + " not imported; their bodies, to fix and import again: " + result.failedItems());
        }
        return result.allFine() ? Cli.OK : Cli.SOME_FAILED;
    }

    /** A service's sentence as the command's stop, with the status its kind calls for. */
    static CliException stop(CosmosDeskException e) {
        int status = switch (e.kind()) {
            case UNAUTHORIZED, FORBIDDEN, UNREACHABLE, CERTIFICATE, TIMEOUT -> Cli.CANNOT_CONNECT;
            case BAD_REQUEST, NOT_FOUND, READ_ONLY -> Cli.BAD_INPUT;
            default -> Cli.SOME_FAILED;
        };
        return new CliException(status, e.userMessage(), e);
    }
}
