package io.cosmosdesk.move;

/**
 * Told when a move reaches each {@link MoveStep} for an item, on the thread that runs the move. The app uses
 * none; reliability tests throw from it to simulate a crash, or flip the server's fault switch mid-job.
 */
@FunctionalInterface
public interface MoveStepListener {

    MoveStepListener NONE = (step, index, id) -> { };

    /** {@code index} is the item's position in the job (0-based), {@code id} its id. */
    void reached(MoveStep step, int index, String id);
}
