package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Deletes chosen items after the user confirms, with progress and a Stop that lets the deletes in flight
 * finish; then reports which items are gone and sums up what was not deleted and why.
 */
final class ItemDeletion {

    private static final int FAILURES_LISTED = 5;
    /** The confirmation names this many items, then says how many more. */
    static final int ITEMS_LISTED = 20;
    private static final int ID_SHOWN_LENGTH = 60;

    private final ContainerHandle handle;
    private final ItemQueryService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> notice;
    private final Consumer<Set<ItemRef>> onGone;
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting");
    private final ReadOnlyDoubleWrapper deleteProgress = new ReadOnlyDoubleWrapper(this, "deleteProgress");
    private final ReadOnlyStringWrapper deleteMessage = new ReadOnlyStringWrapper(this, "deleteMessage", "");
    private AtomicBoolean deleteStop = new AtomicBoolean();
    private final Runnable onStart;
    private io.cosmosdesk.jobs.JobTracker jobs = io.cosmosdesk.jobs.JobTracker.NONE;

    /**
     * @param notice where the outcome (or the refusal) is told to the user
     * @param onGone told which items no longer exist (deleted now or already gone), before the notice
     */
    ItemDeletion(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, DialogService dialogs,
            Consumer<String> notice, Consumer<Set<ItemRef>> onGone) {
        this(handle, service, tasks, dialogs, notice, onGone, () -> { });
    }

    /** @param onStart told when a confirmed delete starts, e.g. to clear a selection of rows going away */
    ItemDeletion(ContainerHandle handle, ItemQueryService service, TaskRunner tasks, DialogService dialogs,
            Consumer<String> notice, Consumer<Set<ItemRef>> onGone, Runnable onStart) {
        this.onStart = Objects.requireNonNull(onStart);
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.notice = Objects.requireNonNull(notice);
        this.onGone = Objects.requireNonNull(onGone);
    }

    /** Deletes started from now on also appear in the Jobs panel. */
    void reportTo(io.cosmosdesk.jobs.JobTracker tracker) {
        this.jobs = Objects.requireNonNull(tracker);
    }

    ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty deleteProgressProperty() {
        return deleteProgress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty deleteMessageProperty() {
        return deleteMessage.getReadOnlyProperty();
    }

    /** What the confirmation says: the container, then the items by id and partition key (the first 20). */
    String confirmation(List<ItemRow> chosen) {
        if (chosen.size() == 1) {
            return "Delete item " + shown(chosen.get(0).ref()) + " from " + handle + "?\nThis cannot be undone.";
        }
        StringBuilder text = new StringBuilder("Delete these " + chosen.size() + " items from " + handle + "?\n");
        chosen.stream().limit(ITEMS_LISTED).forEach(row -> text.append("\n").append(shown(row.ref())));
        if (chosen.size() > ITEMS_LISTED) {
            text.append("\nand ").append(chosen.size() - ITEMS_LISTED).append(" more");
        }
        return text.append("\n\nThis cannot be undone.").toString();
    }

    /** An item as listed: a very long id is cut, so the dialog stays narrow enough to show its buttons. */
    private static String shown(ItemRef ref) {
        String text = ref.toString();
        return text.length() <= ID_SHOWN_LENGTH ? text : text.substring(0, ID_SHOWN_LENGTH - 1) + "…";
    }

    void delete(List<ItemRow> chosen) {
        if (chosen.isEmpty() || deleting.get()) {
            return;
        }
        if (handle.connection().profile().readOnly()) {
            notice.accept("\"" + handle.connection().profile().name()
                    + "\" is a read-only connection: items cannot be deleted.");
            // sent to the audited door all the same, which refuses each delete and records it; nothing is sent
            List<ItemRef> refused = chosen.stream().map(ItemRow::ref).toList();
            ContainerHandle target = handle;
            tasks.start(BackgroundTask.of("Recording the refused delete", context ->
                    service.deleteItems(target, refused, (done, total) -> { }, () -> false))
                    .onFailure(error -> { }));
            return;
        }
        if (!dialogs.confirm("Delete " + (chosen.size() == 1 ? "item" : chosen.size() + " items"),
                confirmation(chosen), "Delete")) {
            return;
        }
        List<ItemRef> refs = chosen.stream().map(ItemRow::ref).toList();
        onStart.run();
        AtomicBoolean stop = new AtomicBoolean();
        deleteStop = stop;
        ContainerHandle target = handle;
        deleting.set(true);
        deleteProgress.set(0);
        deleteMessage.set("Deleting 0 of " + refs.size() + "…");
        notice.accept(null);
        io.cosmosdesk.jobs.JobHandle job = jobs.track("Delete", plural(refs.size(), "item") + " of " + target,
                this::stop);
        tasks.start(BackgroundTask.of("Deleting " + refs.size() + " items of " + target.ref(),
                        context -> service.deleteItems(target, refs,
                                (done, total) -> context.progress((double) done / total,
                                        "Deleting " + done + " of " + total + "…"),
                                () -> stop.get() || context.isCancelled()))
                .onProgress((fraction, message) -> {
                    deleteProgress.set(fraction);
                    if (!stop.get()) {
                        deleteMessage.set(message);
                    }
                    job.progress(fraction, message);
                })
                .onSuccess(result -> {
                    applyResult(result);
                    if (result.cancelled()) {
                        job.cancelled(describeDelete(result));
                    } else if (result.failures().isEmpty()) {
                        job.succeeded(io.cosmosdesk.jobs.JobOutcome.of(describeDelete(result)));
                    } else {
                        job.failed(describeDelete(result), null);
                    }
                })
                .onFailure(error -> {
                    notice.accept("Nothing was deleted: " + CosmosErrors.classify(error).userMessage());
                    job.failed("Nothing was deleted: " + CosmosErrors.classify(error).userMessage(), null);
                })
                .onFinally(() -> {
                    deleting.set(false);
                    deleteMessage.set("");
                }));
    }

    /** Asks a running delete to stop after the deletes in flight (Esc, Cancel). */
    void stop() {
        if (deleting.get()) {
            deleteStop.set(true);
            deleteMessage.set("Stopping after the deletes in flight…");
        }
    }

    /** The tab is closing: no new deletes start, and nothing is said about it. */
    void close() {
        deleteStop.set(true);
    }

    private void applyResult(DeleteResult result) {
        Set<ItemRef> gone = new HashSet<>(result.deleted());
        gone.addAll(result.alreadyGone());
        onGone.accept(gone);
        notice.accept(describeDelete(result));
    }

    static String describeDelete(DeleteResult result) {
        int asked = result.goneCount() + result.failures().size() + result.notAttempted().size();
        StringBuilder text = new StringBuilder();
        if (result.failures().isEmpty() && !result.cancelled()) {
            text.append("Deleted ").append(plural(result.goneCount(), "item")).append('.');
        } else {
            text.append(result.cancelled() ? "Stopped: deleted " : "Deleted ")
                    .append(result.goneCount()).append(" of ").append(plural(asked, "item")).append('.');
        }
        if (!result.alreadyGone().isEmpty()) {
            text.append(' ').append(result.alreadyGone().size()).append(result.alreadyGone().size() == 1
                    ? " was" : " were").append(" already gone.");
        }
        if (result.cancelled()) {
            text.append(' ').append(result.notAttempted().size()).append(" left untouched.");
        }
        if (!result.failures().isEmpty()) {
            text.append(' ').append(result.failures().size()).append(" failed: ");
            List<String> lines = new ArrayList<>();
            for (DeleteResult.Failure failure
                    : result.failures().subList(0, Math.min(FAILURES_LISTED, result.failures().size()))) {
                lines.add(failure.item() + " — " + failure.message());
            }
            text.append(String.join("; ", lines));
            if (result.failures().size() > FAILURES_LISTED) {
                text.append("; and ").append(result.failures().size() - FAILURES_LISTED)
                        .append(" more (see the log)");
            }
        }
        return text.toString();
    }

    private static String plural(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
