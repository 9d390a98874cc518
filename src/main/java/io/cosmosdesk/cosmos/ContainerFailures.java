package io.cosmosdesk.cosmos;

/**
 * Where a screen reports a failure it met while working on a container (FX thread). A 404 may mean the container
 * itself is gone: the receiver checks, and if so every open tab of that container learns it at once.
 */
@FunctionalInterface
public interface ContainerFailures {

    /** Drops every report: for screens built without the app around them (tests, dialogs). */
    ContainerFailures IGNORE = (handle, failure) -> { };

    /** {@code failure} was met on {@code handle}; anything but a 404 is ignored. */
    void seen(ContainerHandle handle, Throwable failure);
}
