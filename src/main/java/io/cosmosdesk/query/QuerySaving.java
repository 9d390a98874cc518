package io.cosmosdesk.query;

import io.cosmosdesk.ui.DialogService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Ctrl+S in a query tab: back to the {@code .sql} file the query came from, else to the saved query it came
 * from, else as a new saved query under a name the user gives (kept on this computer, not in the account).
 * A failure is shown as a sentence and the text stays in the editor.
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

    public QuerySaving(SavedQueries saved, DialogService dialogs) {
        this.saved = saved;
        this.dialogs = dialogs;
    }

    /** Saves; the origin to remember from now on, or empty when the user cancelled or it failed. */
    public Optional<Origin> save(Origin origin, String text, List<QueryParameter> parameters) {
        if (origin.sqlFile() != null) {
            return saveToFile(origin.sqlFile(), text);
        }
        if (origin.savedName() != null) {
            return saveAs(origin.savedName(), text, parameters);
        }
        return saveAsNew(text, parameters);
    }

    /** Asks for a name and saves under it; replacing another query of that name only when the user agrees. */
    public Optional<Origin> saveAsNew(String text, List<QueryParameter> parameters) {
        Optional<String> name = dialogs.prompt("Save query",
                "Name for this query (saved on this computer, not in the account):", suggestedName(text))
                .map(String::strip).filter(typed -> !typed.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<SavedQueries.Saved> existing = saved.find(name.get());
        if (existing.isPresent() && !existing.get().text().equals(text) && !dialogs.confirm("Replace saved query",
                "A saved query named \"" + existing.get().name() + "\" exists. Replace it with this one?", "Replace",
                true)) {
            return Optional.empty();
        }
        return saveAs(name.get(), text, parameters);
    }

    /** Writes the query to {@code file} (Save as .sql, or Ctrl+S of a query opened from a file). */
    public Optional<Origin> saveToFile(Path file, String text) {
        try {
            SqlFiles.write(file, text);
            return Optional.of(new Origin(file, null));
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Query not saved", new IOException("The query could not be written to " + file + " ("
                    + e.getMessage() + "). Your text is still in the editor.", e));
            return Optional.empty();
        }
    }

    private Optional<Origin> saveAs(String name, String text, List<QueryParameter> parameters) {
        try {
            saved.save(new SavedQueries.Saved(name, text, parameters));
            return Optional.of(new Origin(null, name));
        } catch (RuntimeException e) {
            dialogs.showError("Query not saved", new IOException(e.getMessage()
                    + " Your text is still in the editor.", e));
            return Optional.empty();
        }
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
