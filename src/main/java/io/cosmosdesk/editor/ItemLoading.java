package io.cosmosdesk.editor;

import io.cosmosdesk.cosmos.ContainerFailures;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;

/**
 * Reads an item into the editor on a background thread. Only the latest read may land: a new read, a new
 * item or {@link #forget()} cancels the one on its way, and a generation counter drops an answer that
 * arrives after all.
 */
final class ItemLoading {

    private final ItemService items;
    private final TaskRunner tasks;
    private final ItemEditorState item;
    private ContainerFailures failures = ContainerFailures.IGNORE;
    private long generation;
    private TaskHandle loading = TaskHandle.NONE;

    ItemLoading(ItemService items, TaskRunner tasks, ItemEditorState item) {
        this.items = items;
        this.tasks = tasks;
        this.item = item;
    }

    void reportFailuresTo(ContainerFailures failures) {
        this.failures = Objects.requireNonNull(failures);
    }

    /** Reads {@code id}; shows it with {@code doneMessage}, or says why not after {@code failurePrefix}. */
    void load(ContainerHandle container, String id, PartitionKeyValue partitionKey, String doneMessage,
            String failurePrefix) {
        loading.cancel();
        long current = ++generation;
        item.useContainer(container);
        item.startLoading("Loading \"" + id + "\"…");
        loading = tasks.start(BackgroundTask.of("Opening item " + id,
                        ctx -> LoadedItem.of(items.readItem(container, id, partitionKey)))
                .onSuccess(loadedItem -> {
                    if (current == generation) {
                        item.show(loadedItem);
                        item.showStatus(doneMessage);
                    }
                })
                .onFailure(error -> {
                    failures.seen(container, error);
                    if (current == generation) {
                        CosmosDeskException e = CosmosErrors.classify(error);
                        item.clearItem();
                        item.showError(e.kind() == ErrorKind.NOT_FOUND
                                ? "Item \"" + id + "\" no longer exists: it may have been deleted by someone else. "
                                        + "Refresh the list."
                                : failurePrefix + e.userMessage());
                    }
                }));
    }

    /** Whatever is being read is no longer wanted (the editor empties, or shows a new item instead). */
    void forget() {
        loading.cancel();
        generation++;
    }
}
