package io.cosmosdesk.patch;

import java.nio.file.Path;

/**
 * A bulk patch whose journal is kept in the data folder, as "Undo a patch…" lists it (also after a restart).
 *
 * @param ended  false when the app stopped mid-job (Undo still restores what it wrote, from the journal)
 * @param undone how many undo runs were made of it already (an undo is conditional on the patched ETags, so a
 *               second one restores only what the first could not)
 */
public record PastPatch(Path journal, String started, String scope, String operations, boolean ended, int undone) {

    /** One line for the list: "2026-12-06 12:40 · 2 selected items · set /status = "archived" · stopped mid-way". */
    public String describe() {
        String when = started == null || started.length() < 16 ? String.valueOf(started)
                : started.substring(0, 10) + " " + started.substring(11, 16) + " UTC";
        return when + " · " + scope + " · " + operations + (ended ? "" : " · stopped mid-way")
                + (undone > 0 ? " · undone before" : "");
    }
}
