package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.TaskContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The manage tests' control plane: its database create and its deletes refuse, finish at once, or run until their
 * task is cancelled, telling the task how it goes as they wait (as Azure Resource Manager's long operations do).
 * Container create and settings changes are not asked of it.
 */
final class WaitingPlane implements ControlPlane {

    /** Counted down once a call is under way (after its progress, if any, was told). */
    final CountDownLatch started = new CountDownLatch(1);
    /** What finished at once: "database retail", "container retail/orders". */
    final List<String> done = new CopyOnWriteArrayList<>();
    volatile boolean finishAtOnce;
    volatile boolean sawCancel;
    private final String name;
    private final CosmosDeskException refusal;
    private final String progress;
    private TaskContext context;

    /** {@code progress}: what a waiting call tells its task, or null; {@code refusal}: thrown instead, or null. */
    WaitingPlane(String name, String progress, CosmosDeskException refusal) {
        this.name = name;
        this.progress = progress;
        this.refusal = refusal;
    }

    /** Polls {@code condition} for up to 10 s. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ControlPlane reporting(TaskContext taskContext) {
        this.context = taskContext;
        return this;
    }

    private void run(String what) {
        if (refusal != null) {
            throw refusal;
        }
        if (finishAtOnce) {
            done.add(what);
            return;
        }
        if (progress != null) {
            context.progress(-1, progress);
        }
        started.countDown();
        while (!context.isCancelled()) {
            Thread.onSpinWait();
        }
        sawCancel = true;
        throw new CosmosDeskException(ErrorKind.CANCELLED, ArmOperations.STOPPED_WAITING);
    }

    @Override
    public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
        run("database " + id);
    }

    @Override
    public void deleteDatabase(CosmosConnection connection, String id) {
        run("database " + id);
    }

    @Override
    public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
        run("container " + ref);
    }

    @Override
    public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
            Throughput throughput) {
        throw new UnsupportedOperationException();
    }
}
