package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * A tab beside the container workspaces: a query, a container's schema, its live changes, the audit log, the jobs.
 * Features make them and hand them to {@link ToolTabs#open}; the main window shows, selects and closes them.
 */
public interface ToolTab {

    /** What kind of tool this is ("query", "schema", "changes", "audit", "jobs", ...). */
    String kind();

    /** The container it works on, or null for a tool that is not tied to one container. */
    ContainerHandle container();

    /** The tab's text; the main window adds the connection's colour mark. */
    ObservableValue<String> title();

    /** The tab's content, built on the FX thread. */
    Node view();

    /**
     * Asked before the tab closes (its ×, Ctrl+W, Disconnect, Quit): resolve false to keep it, for example after
     * asking about unsaved work.
     */
    default CompletableFuture<Boolean> requestClose() {
        return CompletableFuture.completedFuture(true);
    }

    /**
     * Its container no longer exists (deleted in CosmosDesk or elsewhere; FX thread, may come more than once): stop
     * its work, show {@code sentence}, and offer nothing that writes. Tabs without a container ignore it.
     */
    default void containerGone(String sentence) {
    }

    /** Called once after the tab is gone: cancel work, dispose streams. */
    default void close() {
    }
}
