package io.cosmosdesk.move;

import java.util.List;

/**
 * What a move would do, before anything runs.
 *
 * @param total items selected
 * @param alreadyInTarget items that already have the target value (skipped: moving there is a no-op)
 * @param existingInTarget ids that already exist under the target value: conflicts, left untouched
 * @param estimatedRequestUnits a rough estimate (a create and a conditional delete per item, scaled from a
 *        sample read's charge)
 */
public record MovePreview(int total, int alreadyInTarget, List<String> existingInTarget,
        double estimatedRequestUnits) {

    public MovePreview {
        existingInTarget = List.copyOf(existingInTarget);
    }

    /** Items the move would actually try to move. */
    public int toMove() {
        return total - alreadyInTarget;
    }
}
