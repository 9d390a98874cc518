package io.cosmosdesk.query;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Ctrl+S in a query tab: back to the {@code .sql} file the query came from, else to the saved query it came
 * from, else as a new saved query under a name the user gives (kept on this computer, not in the account).
 * A failure is shown as a sentence and the text stays in the editor. Questions are asked on the UI thread; the file
 * is written in the background (the answer resolves on the UI thread once it is on disk, so closing a tab waits for
 * it). Writes to one file land in the order they were asked for: a slower older write never replaces a newer one.
 */
public final class QuerySaving {

    /** Where a tab's query was opened from or last saved to; both null for a new query. */
    public record Origin(Path sqlFile, String savedName) {
        public static final Origin NONE = new Origin(null, null);

        /** The tab's title for it: the file's name, the saved name, or null. */
        public String title() {
            return sqlFile != null ? sqlFile.getFileName().toString() : savedName;
        }
    }

    private final SavedQueries saved;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    /** Per file (a .sql path or "saved:" + name): the newest write asked for and the newest written. */
    private final Map<String, Long> asked = new HashMap<>();
    private final Map<String, Long> written = new HashMap<>();

    public QuerySaving(SavedQueries saved, DialogService dialogs, TaskRunner tasks) {
        this.saved = saved;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    /**
     * Saves; resolves (on the UI thread) to the origin to remember from now on once it is written, or to empty when
     * the user cancelled or it failed.
     */
    public CompletableFuture<Optional<Origin>> save(Origin origin, String text, List<QueryParameter> parameters) {
        if (origin.sqlFile() != null) {
            return saveToFile(origin.sqlFile(), text);
        }
        if (origin.savedName() != null) {
            return saveAs(origin.savedName(), text, parameters);
        }
        return saveAsNew(text, parameters);
    }

    /** Asks for a name and saves under it; replacing another query of that name only when the user agrees. */
    public CompletableFuture<Optional<Origin>> saveAsNew(String text, List<QueryParameter> parameters) {
        Optional<String> name = dialogs.prompt("Save query",
                "Name for this query (saved on this computer, not in the account):", suggestedName(text))
                .map(String::strip).filter(typed -> !typed.isEmpty());
        if (name.isEmpty()) {
            return nothing();
        }
        Optional<SavedQueries.Saved> existing = saved.find(name.get());
        if (existing.isPresent() && !existing.get().text().equals(text) && !dialogs.confirm("Replace saved query",
                "A saved query named \"" + existing.get().name() + "\" exists. Replace it with this one?", "Replace",
                true)) {
            return nothing();
        }
        return saveAs(name.get(), text, parameters);
    }

    /** Writes the query to {@code file} (Save as .sql, or Ctrl+S of a query opened from a file). */
    public CompletableFuture<Optional<Origin>> saveToFile(Path file, String text) {
        return write("file:" + file.toAbsolutePath(), new Origin(file, null), () -> SqlFiles.write(file, text),
                e -> new IOException("The query could not be written to " + file + " (" + e.getMessage()
                        + "). Your text is still in the editor.", e));
    }

    private CompletableFuture<Optional<Origin>> saveAs(String name, String text, List<QueryParameter> parameters) {
        SavedQueries.Saved query = new SavedQueries.Saved(name, text, parameters);
        return write("saved:" + name.strip().toLowerCase(Locale.ROOT), new Origin(null, name),
                () -> saved.save(query), e -> new IOException(e.getMessage() + " Your text is still in the editor.",
                        e));
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write} in the background; the answer comes on the UI thread when it is done. */
    private CompletableFuture<Optional<Origin>> write(String target, Origin origin, Write write,
            java.util.function.Function<Exception, IOException> sentence) {
        CompletableFuture<Optional<Origin>> done = new CompletableFuture<>();
        long ticket = asked.merge(target, 1L, Long::sum);
        BackgroundTask<Boolean> task = BackgroundTask.<Boolean>of("Saving the query", context -> {
            inOrder(target, ticket, write);
            return Boolean.TRUE;
        }).onSuccess(ok -> done.complete(Optional.of(origin))).onFailure(error -> {
            dialogs.showError("Query not saved", sentence.apply(error instanceof Exception e ? e
                    : new IOException(String.valueOf(error.getMessage()), error)));
            done.complete(Optional.empty());
        });
        try {
            tasks.start(task);
        } catch (RejectedExecutionException closing) {
            // the app is closing and background tasks have stopped: write it now rather than lose it
            try {
                inOrder(target, ticket, write);
                done.complete(Optional.of(origin));
            } catch (IOException | RuntimeException e) {
                dialogs.showError("Query not saved", sentence.apply(e));
                done.complete(Optional.empty());
            }
        }
        return done;
    }

    /** Writes unless a newer write to the same file has landed already (two quick Ctrl+S on two threads). */
    private void inOrder(String target, long ticket, Write write) throws IOException {
        synchronized (written) {
            if (written.getOrDefault(target, 0L) > ticket) {
                return;
            }
            write.run();
            written.put(target, ticket);
        }
    }

    private static CompletableFuture<Optional<Origin>> nothing() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The first words of the query that are not a comment: a name to start from. */
    static String suggestedName(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("--")) {
                String comment = stripped.substring(2).strip();
                if (!comment.isEmpty()) {
                    return comment.length() > 60 ? comment.substring(0, 60) : comment;
                }
            }
        }
        return "";
    }
}
