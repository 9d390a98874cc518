package io.cosmosdesk.move;

import java.util.List;

/**
 * What a move would do, before anything runs.
 *
 * @param total items selected
 * @param alreadyInTarget items that already have the target value (skipped: moving there is a no-op)
 * @param existingInTarget ids that already exist under the target value: conflicts, left untouched (the first
 *        thousand of a large selection; {@code conflicts} counts them all)
 * @param conflicts how many ids already exist under the target value
 * @param estimatedRequestUnits a rough estimate (a create and a conditional delete per item, scaled from a
 *        sample read's charge)
 */
public record MovePreview(int total, int alreadyInTarget, List<String> existingInTarget, int conflicts,
        double estimatedRequestUnits) {

    public MovePreview {
        existingInTarget = List.copyOf(existingInTarget);
    }

    /** A preview naming every conflicting id. */
    public MovePreview(int total, int alreadyInTarget, List<String> existingInTarget, double estimatedRequestUnits) {
        this(total, alreadyInTarget, existingInTarget, existingInTarget.size(), estimatedRequestUnits);
    }

    /** Items the move would actually try to move. */
    public int toMove() {
        return total - alreadyInTarget;
    }
}
