package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The move dialog's preview in words: one sentence of counts, and a line per item (the first {@link #LINES}). */
final class MovePreviewText {

    /** Shown in the preview list at most: the counts say how many more. */
    static final int LINES = 200;

    private MovePreviewText() {
    }

    static String describe(MovePreview preview, MoveTarget target, List<String> paths) {
        StringBuilder text = new StringBuilder(String.format("%,d %s to move to %s", preview.toMove(),
                preview.toMove() == 1 ? "item" : "items", target.display(paths)));
        if (preview.alreadyInTarget() > 0) {
            text.append(String.format("; %,d already there (skipped)", preview.alreadyInTarget()));
        }
        if (preview.conflicts() > 0) {
            List<String> shown = preview.existingInTarget().subList(0, Math.min(5, preview.existingInTarget().size()));
            int existing = preview.conflicts();
            text.append(String.format("; %,d %s already in the target and will be reported as %s, not overwritten "
                    + "(%s%s)", existing, existing == 1 ? "id is" : "ids are", existing == 1 ? "a conflict" : "conflicts",
                    String.join(", ", shown),
                    existing > shown.size() ? ", …" : ""));
        }
        text.append(String.format(". Estimated ≈ %,.0f RU.", preview.estimatedRequestUnits()));
        return text.toString();
    }

    /**
     * One line per item of {@code sources} (at most {@link #LINES}), old value → its own new value (kept levels
     * stay), saying which ones will be skipped or left as conflicts; then how many more of {@code total}.
     */
    static List<String> lines(MovePreview result, MoveTarget target, List<MoveSource> sources, long total) {
        Set<String> conflicts = new HashSet<>(result.existingInTarget());
        List<String> lines = new ArrayList<>();
        int shown = Math.min(sources.size(), LINES);
        for (MoveSource item : sources.subList(0, shown)) {
            PartitionKeyValue to = target.resolve(item.partitionKey());
            String line = item.id() + "   " + item.partitionKey().display() + " → " + to.display();
            if (item.partitionKey().equals(to)) {
                line += "   (already there: skipped)";
            } else if (conflicts.contains(item.id())) {
                line += "   (the id exists there: conflict, left as it is)";
            }
            lines.add(line);
        }
        if (total > shown) {
            lines.add(String.format("… and %,d more", total - shown));
        }
        return lines;
    }
}
