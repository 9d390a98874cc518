package io.cosmosdesk.editor;

import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.ui.Choices;
import io.cosmosdesk.ui.DialogService;
import java.util.concurrent.CompletableFuture;

/**
 * The unsaved-changes guard: before the item in the editor is replaced or its container goes, asks Save /
 * Discard / Cancel (or Discard / Cancel when the text cannot be saved, saying why) and carries the answer out.
 */
final class LeaveGuard {

    private final ItemEditorState item;
    private final ItemWrites writes;
    private final DialogService dialogs;

    LeaveGuard(ItemEditorState item, ItemWrites writes, DialogService dialogs) {
        this.item = item;
        this.writes = writes;
        this.dialogs = dialogs;
    }

    /**
     * Completes with true at once when there is nothing to lose; otherwise asks and completes when that is
     * done (true when saved or discarded). {@code where} ends the item's name in the question, e.g. " in db/c".
     */
    CompletableFuture<Boolean> canLeave(String where) {
        if (!item.isDirty() || !item.isEditing()) {
            return CompletableFuture.completedFuture(true);
        }
        String name = (item.mode() == Mode.NEW ? "The new item" : "\"" + item.originalId() + "\"") + where;
        ItemValidator.Result result = item.currentValidation();
        boolean savable = result.valid() && !item.isReadOnly();
        String why = savable ? "" : (item.isReadOnly() ? item.readOnlySentence()
                : result.firstProblem().sentence()).strip();
        String message = name + " has unsaved changes."
                + (savable ? " Save them before you go on?"
                        : " They cannot be saved as they are: " + why + (why.matches(".*[.?!]$") ? "" : "."));
        Choices<EditorChoice> choices = savable
                ? Choices.of(EditorChoice.SAVE, EditorChoice.DISCARD, EditorChoice.CANCEL)
                        .byDefault(EditorChoice.SAVE).destructive(EditorChoice.DISCARD)
                : Choices.of(EditorChoice.DISCARD, EditorChoice.CANCEL).byDefault(EditorChoice.CANCEL)
                        .destructive(EditorChoice.DISCARD);
        switch (dialogs.choose("Unsaved changes", message, choices).orElse(EditorChoice.CANCEL)) {
            case SAVE -> {
                CompletableFuture<Boolean> decision = new CompletableFuture<>();
                writes.save(decision::complete);
                return decision;
            }
            case DISCARD -> {
                item.revert();
                return CompletableFuture.completedFuture(true);
            }
            default -> {
                return CompletableFuture.completedFuture(false);
            }
        }
    }
}
