package io.cosmosdesk.editor;

import io.cosmosdesk.ui.Choice;

/** The editor's answers to its questions (unsaved changes, a conflict, a deleted item, a changed key or id). */
public enum EditorChoice implements Choice {
    SAVE("Save"),
    DISCARD("Discard"),
    CANCEL("Cancel"),
    OVERWRITE("Overwrite"),
    MERGE("Merge"),
    RELOAD("Reload"),
    KEEP_EDITING("Keep editing"),
    MOVE_ITEM("Move item…"),
    SAVE_AS_NEW("Save as new item"),
    DISCARD_CHANGES("Discard changes");

    private final String label;

    EditorChoice(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
