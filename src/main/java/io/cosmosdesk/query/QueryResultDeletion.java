package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Opens and deletes items a query returned whole (projections and aggregates are read-only). Deletes each only if it
 * still has the ETag the query read (like the editor's saves): an item someone changed since is kept and named; one
 * already gone counts as deleted.
 */
final class QueryResultDeletion {

    private static final int LISTED = 20;

    /** What happened to the chosen items. */
    record Outcome(Set<ItemRef> gone, List<ItemRef> changed, List<String> failures) {
    }

    private final ContainerHandle handle;
    private final ItemService items;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<Set<ItemRef>> onGone;
    private final Consumer<String> notice;
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting");

    QueryResultDeletion(ContainerHandle handle, ItemService items, TaskRunner tasks, DialogService dialogs,
            Consumer<Set<ItemRef>> onGone, Consumer<String> notice) {
        this.handle = handle;
        this.items = items;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.onGone = onGone;
        this.notice = notice;
    }

    ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    /** Opens a whole item in the editor; anything else is refused with {@code readOnly} (or "no id"). */
    void open(QueryResult result, boolean wholeItems, String readOnly,
            java.util.function.BiConsumer<ContainerHandle, ItemRef> openItem) {
        if (!wholeItems || result.itemRef().isEmpty()) {
            notice.accept(wholeItems ? "This result has no id: it cannot be opened." : readOnly);
            return;
        }
        openItem.accept(handle, result.itemRef().get());
    }

    /** Deletes whole items; projections and aggregates are refused with {@code readOnly}. */
    void delete(List<QueryResult> chosen, boolean wholeItems, String readOnly) {
        if (!wholeItems) {
            notice.accept(readOnly);
            return;
        }
        delete(chosen);
    }

    void delete(List<QueryResult> chosen) {
        List<QueryResult> deletable = chosen.stream().filter(r -> r.itemRef().isPresent()).toList();
        if (deletable.isEmpty() || deleting.get()) {
            return;
        }
        if (handle.connection().profile().readOnly()) {
            notice.accept("\"" + handle.connection().profile().name()
                    + "\" is a read-only connection: items cannot be deleted.");
            // sent to the audited door all the same, which refuses each delete and records it; nothing is sent
            List<java.util.Map.Entry<ItemRef, String>> refused = deletable.stream().map(r -> java.util.Map.entry(
                    r.itemRef().get(), r.json().path("_etag").isTextual() ? r.json().path("_etag").textValue()
                            : "\"unknown\"")).toList();
            ContainerHandle target = handle;
            tasks.start(BackgroundTask.of("Recording the refused delete", context -> {
                for (java.util.Map.Entry<ItemRef, String> item : refused) {
                    try {
                        items.deleteItem(target, item.getKey().id(), item.getKey().partitionKey(), item.getValue());
                    } catch (RuntimeException expected) {
                        // refused and recorded
                    }
                }
                return Boolean.TRUE;
            }));
            return;
        }
        StringBuilder message = new StringBuilder(deletable.size() == 1 ? "Delete item " : "Delete these "
                + deletable.size() + " items ").append(deletable.size() == 1 ? "" : "").append("from ")
                .append(handle).append("?\n");
        deletable.stream().limit(LISTED).forEach(r -> message.append("\n").append(r.itemRef().get()));
        if (deletable.size() > LISTED) {
            message.append("\nand ").append(deletable.size() - LISTED).append(" more");
        }
        message.append("\n\nAn item changed since the query read it is kept. This cannot be undone.");
        if (!dialogs.confirm(deletable.size() == 1 ? "Delete item" : "Delete " + deletable.size() + " items",
                message.toString(), "Delete")) {
            return;
        }
        record Target(ItemRef ref, String etag) {
        }
        List<Target> targets = new ArrayList<>();
        for (QueryResult result : deletable) {
            JsonNode etag = result.json().path("_etag");
            targets.add(new Target(result.itemRef().get(), etag.isTextual() ? etag.textValue() : null));
        }
        deleting.set(true);
        notice.accept("");
        tasks.start(BackgroundTask.of("Deleting " + targets.size() + " items of " + handle.ref(), context -> {
            Set<ItemRef> gone = new HashSet<>();
            List<ItemRef> changed = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Target target : targets) {
                if (context.isCancelled()) {
                    break;
                }
                if (target.etag() == null) {
                    failures.add(target.ref() + ": the query did not return its _etag");
                    continue;
                }
                try {
                    items.deleteItem(handle, target.ref().id(), target.ref().partitionKey(), target.etag());
                    gone.add(target.ref());
                } catch (CosmosDeskException e) {
                    if (e.kind() == ErrorKind.NOT_FOUND) {
                        gone.add(target.ref());
                    } else if (e.kind() == ErrorKind.CHANGED_BY_SOMEONE_ELSE) {
                        changed.add(target.ref());
                    } else {
                        failures.add(target.ref() + ": " + e.userMessage());
                    }
                }
            }
            return new Outcome(gone, changed, failures);
        }).onSuccess(outcome -> {
            onGone.accept(outcome.gone());
            notice.accept(summary(outcome));
        }).onFailure(failure -> notice.accept("Nothing was deleted: " + CosmosErrors.classify(failure).userMessage()))
                .onFinally(() -> deleting.set(false)));
    }

    static String summary(Outcome outcome) {
        List<String> parts = new ArrayList<>();
        if (!outcome.changed().isEmpty()) {
            parts.add(outcome.changed().size() + (outcome.changed().size() == 1 ? " item was" : " items were")
                    + " changed by someone else since the query read "
                    + (outcome.changed().size() == 1 ? "it" : "them") + " and kept (" + outcome.changed().get(0)
                    + (outcome.changed().size() > 1 ? ", …" : "") + "): run the query again to see the current version.");
        }
        if (!outcome.failures().isEmpty()) {
            parts.add(outcome.failures().size() + " not deleted: " + outcome.failures().get(0));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "Deleted " + outcome.gone().size() + ". " + String.join(" ", parts);
    }
}
