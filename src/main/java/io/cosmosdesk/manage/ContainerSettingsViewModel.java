package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.manage.CreateResourceViewModel.TtlMode;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.LineDiff;
import io.cosmosdesk.ui.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The container settings pane: throughput, time to live, indexing policy and computed properties as the user
 * edits them, checked as they type (the create dialog's sentences); Review shows the change as a diff, Apply
 * writes it with the ETag the settings were read with, then follows the index transformation. Partition key,
 * unique keys and the conflict resolution policy are shown read-only.
 */
public final class ContainerSettingsViewModel {

    /** The change as a diff: before and after as one text each. */
    public record Review(String before, String after, long changedLines) { }

    /** Waits between two reads of the indexing progress (a fake in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration PROGRESS_POLL = Duration.ofSeconds(2);

    /** Shown beside a change made through Azure Resource Manager, whose container writes take no If-Match. */
    public static final String NO_IF_MATCH = "Through Azure Resource Manager, which takes no If-Match on containers:"
            + " the settings are compared with those read here just before the change is sent, so only a change made"
            + " elsewhere in that instant could still be overwritten.";

    /** Beside the mode choice when a switch is asked for and Azure Resource Manager will make it. */
    public static final String MIGRATION = "Switching between manual and autoscale is a migration Azure Resource"
            + " Manager makes (it can take minutes); the figure typed here is set once it is done.";

    private final ContainerHandle handle;
    private final ContainerSettingsService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Sleeper sleeper;

    // Properties
    private final ReadOnlyObjectWrapper<ContainerSettings> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final StringProperty requestUnits = new SimpleStringProperty(this, "requestUnits", "");
    private final ObjectProperty<ThroughputInput.Mode> throughputMode = new SimpleObjectProperty<>(this,
            "throughputMode", ThroughputInput.Mode.NONE);
    private final ObjectProperty<TtlMode> ttlMode = new SimpleObjectProperty<>(this, "ttlMode", TtlMode.OFF);
    private final StringProperty ttlSeconds = new SimpleStringProperty(this, "ttlSeconds", "86400");
    private final StringProperty indexingPolicy = new SimpleStringProperty(this, "indexingPolicy", "");
    private final StringProperty computedProperties = new SimpleStringProperty(this, "computedProperties", "");
    private final ReadOnlyObjectWrapper<Review> review = new ReadOnlyObjectWrapper<>(this, "review");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper indexProgress = new ReadOnlyLongWrapper(this, "indexProgress", -1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final StringBinding problems;
    private final BooleanBinding dirty;

    public ContainerSettingsViewModel(ContainerHandle handle, ContainerSettingsService service, TaskRunner tasks,
            DialogService dialogs, Sleeper sleeper) {
        this.handle = handle;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.sleeper = sleeper;
        title.set("Settings · " + handle.ref().containerId());
        Observable[] inputs = {loaded, requestUnits, throughputMode, ttlMode, ttlSeconds, indexingPolicy,
            computedProperties};
        problems = Bindings.createStringBinding(() -> String.join("\n", currentProblems()), inputs);
        dirty = Bindings.createBooleanBinding(() -> loaded.get() != null && !sameAsLoaded(), inputs);
        // an edit after Review makes the diff stale: review again before applying
        for (Observable input : List.of(requestUnits, throughputMode, ttlMode, ttlSeconds, indexingPolicy,
                computedProperties)) {
            input.addListener(o -> review.set(null));
        }
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    public ReadOnlyObjectProperty<ContainerSettings> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public StringProperty requestUnitsProperty() {
        return requestUnits;
    }

    /** Manual or autoscale (NONE when the container has no throughput of its own, which cannot change here). */
    public ObjectProperty<ThroughputInput.Mode> throughputModeProperty() {
        return throughputMode;
    }

    /**
     * A sentence about how the change will be made, or empty: a switch of mode is a migration; through Azure
     * Resource Manager the ETag is compared just before the change, not sent with it.
     */
    public String planeNote() {
        ContainerSettings settings = loaded.get();
        List<String> notes = new ArrayList<>();
        if (settings != null && ThroughputInput.Mode.of(settings.throughput()) != throughputMode.get()
                && service.controlPlanes().canSwitchThroughputMode(handle.connection())) {
            notes.add(MIGRATION);
        }
        if (service.controlPlanes().usesResourceManager(handle.connection())) {
            notes.add(NO_IF_MATCH);
        }
        return String.join(" ", notes);
    }

    public ObjectProperty<TtlMode> ttlModeProperty() {
        return ttlMode;
    }

    public StringProperty ttlSecondsProperty() {
        return ttlSeconds;
    }

    public StringProperty indexingPolicyProperty() {
        return indexingPolicy;
    }

    public StringProperty computedPropertiesProperty() {
        return computedProperties;
    }

    public ReadOnlyObjectProperty<Review> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The container no longer exists: nothing here can be applied. */
    /** Where a failure met here is reported, so the container's other tabs learn it is gone. */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = java.util.Objects.requireNonNull(failures);
    }

    /** The container no longer exists: nothing here can be applied, and the tab says so. */
    public void containerGone(String sentence) {
        gone.set(true);
        review.set(null);
        error.set(sentence);
    }

    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0-100 while the service rebuilds the index after a policy change; -1 when it does not say. */
    public ReadOnlyLongProperty indexProgressProperty() {
        return indexProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The problems with what is typed, one sentence per line; empty when it can be applied. */
    public ObservableValue<String> problemsProperty() {
        return problems;
    }

    public ObservableValue<Boolean> dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public boolean readOnlyConnection() {
        return handle.connection().profile().readOnly();
    }

    // Commands

    /** Reads the settings (again), replacing what is typed. */
    public void load() {
        busy.set(true);
        error.set("");
        tasks.start(BackgroundTask.of("Reading the settings of " + handle.ref(), context -> service.read(handle))
                .onSuccess(this::show)
                .onFailure(this::failed)
                .onFinally(() -> busy.set(false)));
    }

    /** Shows the change as a diff; nothing is sent. Refused (with the problems shown) while there are any. */
    public void review() {
        if (loaded.get() == null || !currentProblems().isEmpty()) {
            return;
        }
        ContainerSettings before = loaded.get();
        String beforeText = before.unchanged().reviewText(before.throughputNote());
        String afterText = change().reviewText(before.throughputNote());
        review.set(new Review(beforeText, afterText, LineDiff.changedRows(LineDiff.compare(beforeText, afterText))));
    }

    public void cancelReview() {
        review.set(null);
    }

    /** Applies the reviewed change; what is typed is kept when it fails. */
    public void apply() {
        if (review.get() == null || loaded.get() == null || gone.get() || busy.get()) {
            return;
        }
        ContainerSettings before = loaded.get();
        SettingsChange change = change();
        busy.set(true);
        error.set("");
        status.set("");
        boolean[] retryThroughResourceManager = {false};
        tasks.start(BackgroundTask.of("Changing the settings of " + handle.ref(),
                        context -> service.apply(handle, before, change, context))
                .onProgress((fraction, message) -> status.set(message))
                .onSuccess(after -> {
                    show(after);
                    status.set("Applied through " + service.controlPlanes().forConnection(handle.connection()).name()
                            + ".");
                    followIndexing(after.indexTransformationProgress());
                })
                .onFailure(failure -> {
                    if (service.controlPlanes().canOffer(handle.connection(), failure)
                            && dialogs.confirm("Change settings", ControlPlaneSwitch.OFFER,
                            "Use Azure Resource Manager")) {
                        service.controlPlanes().agree(handle.connection());
                        retryThroughResourceManager[0] = true;
                        return;
                    }
                    failed(failure);
                })
                .onFinally(() -> {
                    busy.set(false);
                    if (retryThroughResourceManager[0]) {
                        apply();
                    }
                }));
    }

    /** Puts every field back as it was read. */
    public void revert() {
        if (loaded.get() != null) {
            fill(loaded.get());
        }
    }

    /** Closing with unapplied edits asks first; true when the tab may close. */
    public boolean confirmClose() {
        if (!isDirty()) {
            return true;
        }
        return dialogs.confirm("Unapplied settings", "Your changes to the settings of " + handle.ref()
                + " have not been applied. Close and discard them?", "Discard", true);
    }

    // the rest

    private void show(ContainerSettings settings) {
        loaded.set(settings);
        fill(settings);
        review.set(null);
        indexProgress.set(settings.indexTransformationProgress());
    }

    private void fill(ContainerSettings settings) {
        Throughput throughput = settings.throughput();
        throughputMode.set(ThroughputInput.Mode.of(throughput));
        requestUnits.set(ThroughputInput.figureOf(throughput));
        Integer ttl = settings.defaultTtlSeconds();
        ttlMode.set(ttl == null ? TtlMode.OFF : ttl == -1 ? TtlMode.ON_NO_DEFAULT : TtlMode.SECONDS);
        if (ttl != null && ttl > 0) {
            ttlSeconds.set(String.valueOf(ttl));
        }
        indexingPolicy.set(settings.indexingPolicyJson());
        computedProperties.set(settings.computedPropertiesJson());
        review.set(null);
    }

    private void failed(Throwable failure) {
        CosmosDeskException mapped = failure instanceof CosmosDeskException e ? e
                : CosmosErrors.map("Changing the settings of " + handle.ref(), failure);
        if (mapped.kind() == ErrorKind.NOT_FOUND) {
            failures.seen(handle, mapped); // the container's other tabs follow
            containerGone("The container " + handle.ref() + " no longer exists (deleted elsewhere): nothing here "
                    + "can be applied.");
            return;
        }
        error.set(mapped.userMessage());
    }

    /** Reads the indexing progress until the service says it is done (or stops saying). */
    private void followIndexing(long progress) {
        indexProgress.set(progress);
        if (progress < 0 || progress >= 100) {
            return;
        }
        tasks.start(BackgroundTask.of("Following the indexing of " + handle.ref(), context -> {
            sleeper.sleep(PROGRESS_POLL);
            return service.indexTransformationProgress(handle);
        }).onSuccess(this::followIndexing).onFailure(failure -> indexProgress.set(-1)));
    }

    List<String> currentProblems() {
        List<String> found = new ArrayList<>();
        ContainerSettings settings = loaded.get();
        if (settings == null) {
            return found;
        }
        ThroughputInput.numberProblem(throughputMode.get(), requestUnits.get()).ifPresent(found::add);
        if (!(settings.throughput() instanceof Throughput.None)
                && ThroughputInput.Mode.of(settings.throughput()) != throughputMode.get()
                && !service.controlPlanes().canSwitchThroughputMode(handle.connection())) {
            found.add(ResourceAdmin.MODE_SWITCH);
        }
        if (ttlMode.get() == TtlMode.SECONDS && ThroughputInput.wholeNumber(ttlSeconds.get()) == null) {
            found.add("Time to live must be a whole number of seconds.");
        }
        if (found.isEmpty()) {
            found.addAll(change().problems());
        }
        return found;
    }

    /** The change as typed; valid only when there are no problems. */
    SettingsChange change() {
        ContainerSettings settings = loaded.get();
        Throughput throughput = settings.throughput() instanceof Throughput.None ? settings.throughput()
                : ThroughputInput.of(throughputMode.get(), requestUnits.get());
        Integer ttl = switch (ttlMode.get() == null ? TtlMode.OFF : ttlMode.get()) {
            case OFF -> null;
            case ON_NO_DEFAULT -> -1;
            case SECONDS -> ThroughputInput.wholeNumber(ttlSeconds.get()) == null ? 0 : ThroughputInput.wholeNumber(ttlSeconds.get());
        };
        return new SettingsChange(ttl, indexingPolicy.get(), computedProperties.get(), throughput);
    }

    private boolean sameAsLoaded() {
        ContainerSettings settings = loaded.get();
        SettingsChange change = change();
        return !change.changesSettings(settings) && Objects.equals(change.throughput(), settings.throughput());
    }
}
