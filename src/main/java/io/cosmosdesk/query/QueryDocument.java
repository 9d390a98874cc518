package io.cosmosdesk.query;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.Choice;
import io.cosmosdesk.ui.Choices;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A query tab as a document: where its query came from (a {@code .sql} file, a saved query, or nowhere yet), whether
 * the text changed since it was opened or saved (a star in the title, a question on close), and the commands that
 * open and save it. Plain Java: the view binds the title; files are read in the background.
 */
public final class QueryDocument {

    /** The answers to "save before closing?". */
    public enum CloseChoice implements Choice {
        SAVE("Save"), DISCARD("Discard"), CANCEL("Cancel");

        private final String label;

        CloseChoice(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private final QueryTabViewModel model;
    private final QuerySaving saving;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private final String untitled;
    private final ReadOnlyObjectWrapper<QuerySaving.Origin> origin = new ReadOnlyObjectWrapper<>(this, "origin",
            QuerySaving.Origin.NONE);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private String baseline;
    private CompletableFuture<Boolean> writing;
    private Runnable onSaved = () -> { };
    private java.util.function.BiConsumer<QueryDraft, QuerySaving.Origin> elsewhere;

    /**
     * @param untitled the tab's name before it is saved ("Query 3")
     * @param baseline the text counted as unchanged (what a new tab starts with, or what was last saved); null when
     *        nothing was saved (the text counts as changed)
     */
    public QueryDocument(QueryTabViewModel model, String untitled, QuerySaving saving, DialogService dialogs,
            TaskRunner tasks, QuerySaving.Origin origin, String baseline) {
        this.model = Objects.requireNonNull(model);
        this.untitled = Objects.requireNonNull(untitled);
        this.saving = Objects.requireNonNull(saving);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.origin.set(origin == null ? QuerySaving.Origin.NONE : origin);
        this.baseline = baseline;
        model.textProperty().addListener((obs, old, text) -> update());
        update();
    }

    /** "Query 3 · orders", "cheap orders · orders", "*report.sql · orders" (changed since saved). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QuerySaving.Origin> originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** Called after every successful save (saved-query lists reload, open tabs are written). */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /**
     * Where a query opened while this one has unsaved changes goes (a new tab), so nothing typed is lost; without
     * it the query replaces this one's text anyway.
     */
    public void setElsewhere(java.util.function.BiConsumer<QueryDraft, QuerySaving.Origin> elsewhere) {
        this.elsewhere = elsewhere;
    }

    // ---- Commands

    /**
     * Ctrl+S: to its file, to its saved name, or under a name the user gives. Written in the background; resolves
     * on the UI thread to whether it was saved.
     */
    public CompletableFuture<Boolean> save() {
        String text = model.textProperty().get();
        return saved(text, saving.save(origin.get(), text, model.draft().parameters()));
    }

    /** Save as a saved query under a new name (asked). */
    public CompletableFuture<Boolean> saveAsNamed() {
        String text = model.textProperty().get();
        return saved(text, saving.saveAsNew(text, model.draft().parameters()));
    }

    /** Save as a {@code .sql} file the user chose. */
    public CompletableFuture<Boolean> saveToFile(Path file) {
        String text = model.textProperty().get();
        return saved(text, saving.saveToFile(file, text));
    }

    /** Whether a save is still being written. */
    public boolean isSaving() {
        return writing != null && !writing.isDone();
    }

    /** The name a Save As chooser suggests. */
    public String suggestedFileName() {
        QuerySaving.Origin now = origin.get();
        return now.sqlFile() != null ? now.sqlFile().getFileName().toString()
                : now.savedName() != null ? now.savedName() : QuerySaving.suggestedName(model.textProperty().get());
    }

    /** Whether opening another query here loses nothing (else it opens in a new tab). */
    public boolean canReplace() {
        return !modified.get();
    }

    /** Puts a saved query here (or in a new tab when this one has changes); Ctrl+S then saves back to it. */
    public void openSaved(SavedQueries.Saved query) {
        show(new QueryDraft(query.text(), query.parameters(), model.draft().scope()),
                new QuerySaving.Origin(null, query.name()));
    }

    /** Reads a {@code .sql} file (in the background) into the editor; Ctrl+S then writes it back there. */
    public void openFile(Path file) {
        tasks.start(BackgroundTask.of("Reading " + file.getFileName(), context -> SqlFiles.read(file))
                .onSuccess(text -> show(new QueryDraft(text, model.draft().parameters(), model.draft().scope()),
                        new QuerySaving.Origin(file, null)))
                .onFailure(error -> dialogs.showError("Query not opened", new IOException("The file " + file
                        + " could not be read (" + error.getMessage() + ").", error))));
    }

    /** Closing the tab: asks about changes not saved; resolves false to keep the tab. */
    public CompletableFuture<Boolean> requestClose() {
        if (isSaving()) {
            // Ctrl+S then close (or quit) at once: the save lands first, then the question is asked only if needed
            return writing.thenCompose(ok -> requestClose());
        }
        if (!modified.get()) {
            return CompletableFuture.completedFuture(true);
        }
        String name = Optional.ofNullable(origin.get().title()).orElse(untitled);
        CloseChoice choice = dialogs.choose("Unsaved query", "Save the changes to \"" + name + "\" before closing "
                + "its tab?", Choices.of(CloseChoice.SAVE, CloseChoice.DISCARD, CloseChoice.CANCEL)
                .byDefault(CloseChoice.SAVE).destructive(CloseChoice.DISCARD)).orElse(CloseChoice.CANCEL);
        return switch (choice) {
            case SAVE -> save();
            case DISCARD -> CompletableFuture.completedFuture(true);
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    // ---- Internals

    private void show(QueryDraft draft, QuerySaving.Origin from) {
        if (!canReplace() && elsewhere != null) {
            elsewhere.accept(draft, from);
            return;
        }
        model.applyDraft(draft);
        origin.set(from);
        baseline = draft.text();
        update();
    }

    /** After the write: the origin to keep and {@code text} as the saved text (typing meanwhile stays "changed"). */
    private CompletableFuture<Boolean> saved(String text, CompletableFuture<Optional<QuerySaving.Origin>> write) {
        CompletableFuture<Boolean> done = write.thenApply(where -> {
            where.ifPresent(now -> {
                origin.set(now);
                baseline = text;
                update();
                onSaved.run();
            });
            return where.isPresent();
        });
        writing = done;
        return done;
    }

    private void update() {
        modified.set(baseline == null || !baseline.equals(model.textProperty().get()));
        String name = Optional.ofNullable(origin.get().title()).orElse(untitled);
        title.set((modified.get() ? "*" : "") + name + " · " + model.container().ref().containerId());
    }
}
