package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.ContainerFailures;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place that decides a container is gone, and tells every open tab of it (FX thread). Three roads lead
 * here: a 404 any screen meets (checked by reading the container: a missing item is a 404 too, and must not
 * condemn its container), a delete made in CosmosDesk, and a tree refresh that no longer lists the container.
 */
public final class GoneContainers implements ContainerFailures {

    /** Whether a container still exists; runs in the background; throws when it cannot tell. */
    @FunctionalInterface
    public interface Existence {
        boolean exists(ContainerHandle handle);
    }

    /** Which containers went: one container, or every container of a database. */
    public record Gone(CosmosConnection connection, String databaseId, String containerId) {

        public Gone {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(databaseId, "databaseId");
        }

        public static Gone container(ContainerHandle handle) {
            return new Gone(handle.connection(), handle.ref().databaseId(), handle.ref().containerId());
        }

        public static Gone database(CosmosConnection connection, String databaseId) {
            return new Gone(connection, databaseId, null);
        }

        /** True when {@code handle} is (in) what went. */
        public boolean covers(ContainerHandle handle) {
            return handle != null && handle.connection() == connection
                    && handle.ref().databaseId().equals(databaseId)
                    && (containerId == null || handle.ref().containerId().equals(containerId));
        }
    }

    /** What a tab of a gone container says. */
    public static final String SENTENCE = io.cosmosdesk.browse.ItemsViewModel.CONTAINER_GONE;

    private final TaskRunner tasks;
    private final Existence existence;
    private final List<Consumer<Gone>> listeners = new ArrayList<>();
    /** Containers being checked now: a burst of 404s from one tab asks once. */
    private final Set<ContainerHandle> checking = new HashSet<>();

    public GoneContainers(TaskRunner tasks, Existence existence) {
        this.tasks = Objects.requireNonNull(tasks);
        this.existence = Objects.requireNonNull(existence);
    }

    /** Reads the container; a 404 (of the container or its database) means it is gone. */
    public static boolean readable(ContainerHandle handle) {
        try {
            handle.container().read().block();
            return true;
        } catch (RuntimeException e) {
            if (CosmosErrors.classify(e).kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** Told (FX thread) each time containers go. */
    public void addListener(Consumer<Gone> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void seen(ContainerHandle handle, Throwable failure) {
        if (handle == null || failure == null || CosmosErrors.classify(failure).kind() != ErrorKind.NOT_FOUND
                || !checking.add(handle)) {
            return;
        }
        tasks.start(BackgroundTask.of("Checking that " + handle.ref() + " still exists",
                context -> existence.exists(handle))
                .onSuccess(exists -> {
                    if (!exists) {
                        gone(Gone.container(handle));
                    }
                })
                .onFinally(() -> checking.remove(handle)));
    }

    /** {@code gone} no longer exists (deleted here, or found missing): every listener is told. */
    public void gone(Gone gone) {
        for (Consumer<Gone> listener : List.copyOf(listeners)) {
            listener.accept(gone);
        }
    }
}
