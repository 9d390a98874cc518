package io.cosmosdesk.cosmos;

import java.util.List;

/**
 * What a bulk delete did.
 *
 * @param deleted items this run deleted
 * @param alreadyGone items that did not exist any more (404): counted as done
 * @param failures items that could not be deleted, each with the user sentence why
 * @param notAttempted items left untouched because the user cancelled
 * @param requestCharge total RU
 */
public record DeleteResult(List<ItemRef> deleted, List<ItemRef> alreadyGone, List<Failure> failures,
        List<ItemRef> notAttempted, double requestCharge) {

    public record Failure(ItemRef item, ErrorKind kind, String message) {
    }

    public DeleteResult {
        deleted = List.copyOf(deleted);
        alreadyGone = List.copyOf(alreadyGone);
        failures = List.copyOf(failures);
        notAttempted = List.copyOf(notAttempted);
    }

    public boolean cancelled() {
        return !notAttempted.isEmpty();
    }

    /** Items that are no longer in the container (deleted now or before). */
    public int goneCount() {
        return deleted.size() + alreadyGone.size();
    }
}
