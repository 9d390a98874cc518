package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The New database / New container form: what the user typed, the problems with it as sentences (live), and the
 * create command. A failed create keeps every value and shows the server's sentence.
 */
public final class CreateResourceViewModel {

    public enum TtlMode { OFF, ON_NO_DEFAULT, SECONDS }

    // Properties
    private final boolean container;
    private final String databaseId;
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty keyLevel1 = new SimpleStringProperty(this, "keyLevel1", "/");
    private final StringProperty keyLevel2 = new SimpleStringProperty(this, "keyLevel2", "");
    private final StringProperty keyLevel3 = new SimpleStringProperty(this, "keyLevel3", "");
    private final ObjectProperty<ThroughputInput.Mode> throughputMode = new SimpleObjectProperty<>(this, "throughputMode");
    private final StringProperty requestUnits = new SimpleStringProperty(this, "requestUnits", "400");
    private final ObjectProperty<TtlMode> ttlMode = new SimpleObjectProperty<>(this, "ttlMode", TtlMode.OFF);
    private final StringProperty ttlSeconds = new SimpleStringProperty(this, "ttlSeconds", "86400");
    private final StringProperty uniqueKeys = new SimpleStringProperty(this, "uniqueKeys", "");
    private final StringProperty indexingPolicy = new SimpleStringProperty(this, "indexingPolicy", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private TaskHandle running = TaskHandle.NONE;

    private final ControlPlaneSwitch planes;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private final CosmosConnection connection;

    private CreateResourceViewModel(ControlPlaneSwitch planes, DialogService dialogs, TaskRunner tasks,
            CosmosConnection connection, String databaseId, boolean container) {
        this.planes = planes;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.connection = connection;
        this.databaseId = databaseId;
        this.container = container;
        // a new container usually shares its database's throughput or none (serverless); a database has none
        throughputMode.set(container ? ThroughputInput.Mode.MANUAL : ThroughputInput.Mode.NONE);
        problems.bind(Bindings.createStringBinding(() -> String.join("\n", currentProblems()), id, keyLevel1,
                keyLevel2, keyLevel3, throughputMode, requestUnits, ttlMode, ttlSeconds, uniqueKeys, indexingPolicy));
        id.addListener((obs, old, now) -> error.set(""));
    }

    /**
     * @param planes the connection's control plane: the data plane first; when it refuses a Microsoft Entra ID
     *        token, Azure Resource Manager is offered through {@code dialogs} and used only if the user agrees
     */
    public static CreateResourceViewModel forDatabase(ControlPlaneSwitch planes, DialogService dialogs,
            TaskRunner tasks, CosmosConnection connection) {
        return new CreateResourceViewModel(planes, dialogs, tasks, connection, null, false);
    }

    public static CreateResourceViewModel forContainer(ControlPlaneSwitch planes, DialogService dialogs,
            TaskRunner tasks, CosmosConnection connection, String databaseId) {
        return new CreateResourceViewModel(planes, dialogs, tasks, connection, databaseId, true);
    }

    public boolean isContainer() {
        return container;
    }

    public String databaseId() {
        return databaseId;
    }

    public CosmosConnection connection() {
        return connection;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty keyLevel1Property() {
        return keyLevel1;
    }

    public StringProperty keyLevel2Property() {
        return keyLevel2;
    }

    public StringProperty keyLevel3Property() {
        return keyLevel3;
    }

    public ObjectProperty<ThroughputInput.Mode> throughputModeProperty() {
        return throughputMode;
    }

    public StringProperty requestUnitsProperty() {
        return requestUnits;
    }

    public ObjectProperty<TtlMode> ttlModeProperty() {
        return ttlMode;
    }

    public StringProperty ttlSecondsProperty() {
        return ttlSeconds;
    }

    public StringProperty uniqueKeysProperty() {
        return uniqueKeys;
    }

    public StringProperty indexingPolicyProperty() {
        return indexingPolicy;
    }

    /** The problems with what is typed, one sentence per line; empty when it can be created. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The last create's failure as a sentence; cleared when the id changes. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How a long create is going (Azure Resource Manager's operations take a while); empty when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    // Commands

    /**
     * Stops waiting for a create in progress. Resource Manager cannot call its operation back, so the form says the
     * change may still complete; what was typed stays.
     */
    public void cancel() {
        if (busy.get()) {
            running.cancel();
        }
    }

    /**
     * Creates the database or container when there are no problems; {@code created} hears the new container (null
     * for a database) on success. Failures stay in the form as {@link #errorProperty()}.
     */
    public void create(Consumer<ContainerInfo> created) {
        if (busy.get() || !problems.get().isEmpty()) {
            return;
        }
        error.set("");
        busy.set(true);
        Throughput throughput = throughput();
        String name = id.get().strip();
        ControlPlane plane = planes.forConnection(connection);
        boolean[] retryThroughResourceManager = {false};
        java.util.function.Consumer<Throwable> failure = problem -> {
            if (planes.canOffer(connection, problem) && dialogs.confirm(container ? "New container" : "New database",
                    ControlPlaneSwitch.OFFER, "Use Azure Resource Manager")) {
                planes.agree(connection);
                retryThroughResourceManager[0] = true;
                return;
            }
            failed(problem);
        };
        Runnable done = () -> {
            busy.set(false);
            progress.set("");
            if (retryThroughResourceManager[0]) {
                create(created);
            }
        };
        if (container) {
            ContainerSpec spec = spec();
            running = tasks.start(BackgroundTask.of("Creating container " + name + " through " + plane.name(),
                    context -> plane.reporting(context).createContainer(connection, spec))
                    .onProgress((fraction, message) -> progress.set(message))
                    .onCancelled(() -> error.set(ArmOperations.STOPPED_WAITING))
                    .onSuccess(created::accept).onFailure(failure).onFinally(done));
        } else {
            running = tasks.start(BackgroundTask.of("Creating database " + name + " through " + plane.name(),
                    context -> {
                        plane.reporting(context).createDatabase(connection, name, throughput);
                        return Boolean.TRUE;
                    })
                    .onProgress((fraction, message) -> progress.set(message))
                    .onCancelled(() -> error.set(ArmOperations.STOPPED_WAITING))
                    .onSuccess(ok -> created.accept(null)).onFailure(failure).onFinally(done));
        }
    }

    private void failed(Throwable failure) {
        error.set(failure instanceof CosmosDeskException cosmos ? cosmos.userMessage()
                : "Could not create it: " + failure.getMessage());
    }

    ContainerSpec spec() {
        List<String> keys = new ArrayList<>();
        keys.add(keyLevel1.get());
        for (String level : List.of(keyLevel2.get(), keyLevel3.get())) {
            if (level != null && !level.isBlank()) {
                keys.add(level);
            }
        }
        return new ContainerSpec(databaseId, id.get(), keys, throughput(), ttl(), uniqueKeyPaths(),
                indexingPolicy.get());
    }

    private List<String> currentProblems() {
        List<String> found = new ArrayList<>();
        if (container) {
            found.addAll(spec().problems());
        } else {
            ResourceNames.idProblem("database", id.get()).ifPresent(found::add);
            throughput().problem().ifPresent(found::add);
        }
        ThroughputInput.numberProblem(throughputMode.get(), requestUnits.get()).ifPresent(found::add);
        if (ttlMode.get() == TtlMode.SECONDS && ThroughputInput.wholeNumber(ttlSeconds.get()) == null) {
            found.add("Time to live must be a whole number of seconds.");
        }
        return found.stream().distinct().toList();
    }

    private Throughput throughput() {
        return ThroughputInput.of(throughputMode.get(), requestUnits.get());
    }

    private Integer ttl() {
        return switch (ttlMode.get() == null ? TtlMode.OFF : ttlMode.get()) {
            case OFF -> null;
            case ON_NO_DEFAULT -> -1;
            case SECONDS -> {
                Integer seconds = ThroughputInput.wholeNumber(ttlSeconds.get());
                yield seconds == null ? 1 : seconds;
            }
        };
    }

    /** One unique key per line, its paths separated by commas: {@code /email} or {@code /firstName, /lastName}. */
    private List<List<String>> uniqueKeyPaths() {
        return uniqueKeys.get().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> Arrays.stream(line.split(",")).map(String::strip).filter(path -> !path.isEmpty())
                        .toList())
                .toList();
    }
}
