package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ItemCount;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Counts the items a query selects, on demand. A count is only worth showing for the query on screen, so it
 * is shown only while the query generation it started under is still the current one.
 */
final class ItemCounter {

    private final ContainerHandle handle;
    private final ItemQueryService service;
    private final TaskRunner tasks;
    private final LongSupplier queryGeneration;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private TaskHandle countTask = TaskHandle.NONE;

    ItemCounter(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, LongSupplier queryGeneration) {
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.queryGeneration = Objects.requireNonNull(queryGeneration);
    }

    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    void count(ItemQuery query) {
        if (counting.get()) {
            return;
        }
        long generation = queryGeneration.getAsLong();
        ContainerHandle target = handle;
        counting.set(true);
        countText.set("Counting…");
        countTask = tasks.start(BackgroundTask.of("Counting items of " + target.ref(),
                        context -> service.countItems(target, query))
                .onSuccess(count -> {
                    if (generation == queryGeneration.getAsLong()) {
                        countText.set(describeCount(count, query));
                    }
                })
                .onFailure(error -> {
                    if (generation == queryGeneration.getAsLong()) {
                        countText.set("Count failed: " + CosmosErrors.classify(error).userMessage());
                    }
                })
                .onCancelled(() -> countText.set(""))
                .onFinally(() -> counting.set(false)));
    }

    /** Stops a running count; its late reply is dropped. */
    void cancel() {
        countTask.cancel();
    }

    /** A new query is on screen: the old figure no longer describes it. */
    void reset() {
        countTask.cancel();
        countText.set("");
    }

    static String describeCount(ItemCount count, ItemQuery query) {
        String matching = query.filter().isEmpty() && query.conditions().isEmpty() ? " in the container" : " match";
        return String.format(Locale.ROOT, "%,d %s%s · %.1f RU", count.count(), count.count() == 1 ? "item" : "items",
                matching, count.requestCharge());
    }
}
