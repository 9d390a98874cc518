package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemRef;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open {@link ToolTab}s, one list per app. Features open tabs here; the main window mirrors the list into its
 * tab pane and reports which one is in front. Everything here runs on the FX thread.
 */
public final class ToolTabs {

    /** What the main window does for the tools: the container workspaces live there. */
    public interface Host {
        /** Fronts the container's Items tab, opening it if needed, and shows the item in its editor. */
        void openItem(ContainerHandle container, ItemRef item);

        /**
         * Fronts the container's Items tab, opening it if needed, and applies {@code filter} as its filter (the
         * text in the filter box, the values of its {@code @names} sent as parameters).
         */
        void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter);

        /** The query (filter and sort) the container's open Items tab shows; empty when no tab is open. */
        default Optional<io.cosmosdesk.cosmos.ItemQuery> gridQuery(ContainerHandle container) {
            return Optional.empty();
        }
    }

    private final ObservableList<ToolTab> tabs = FXCollections.observableArrayList();
    private final ObservableList<ToolTab> readOnlyTabs = FXCollections.unmodifiableObservableList(tabs);
    private final ReadOnlyObjectWrapper<ToolTab> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final javafx.beans.property.ReadOnlyBooleanWrapper quitting = new javafx.beans.property
            .ReadOnlyBooleanWrapper(this, "quitting");
    private Host host = new Host() {
        @Override
        public void openItem(ContainerHandle container, ItemRef item) {
        }

        @Override
        public void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter) {
        }
    };

    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;

    /**
     * Where tabs report failures met on their container: a 404 that means the container is gone puts every open
     * tab of it in the gone state ({@link ToolTab#containerGone}).
     */
    public io.cosmosdesk.cosmos.ContainerFailures containerFailures() {
        return failures;
    }

    void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = Objects.requireNonNull(failures);
    }

    /** The open tool tabs, in the order opened. */
    public ObservableList<ToolTab> tabs() {
        return readOnlyTabs;
    }

    /** Adds the tab (once) behind the tab in front: the user keeps looking at what they were looking at. */
    public void add(ToolTab tab) {
        Objects.requireNonNull(tab, "tab");
        if (!tabs.contains(tab)) {
            tabs.add(tab);
        }
    }

    /** Adds the tab (once) and brings it to the front. */
    public void open(ToolTab tab) {
        Objects.requireNonNull(tab, "tab");
        if (!tabs.contains(tab)) {
            tabs.add(tab);
        }
        select(tab);
    }

    /** Brings an open tab to the front. */
    public void select(ToolTab tab) {
        if (tabs.contains(tab)) {
            selected.set(null); // fire even when it was the last one selected, so the window fronts it again
            selected.set(tab);
        }
    }

    public Optional<ToolTab> find(Predicate<ToolTab> which) {
        return tabs.stream().filter(which).findFirst();
    }

    /** The tool tab in front, or null when a container workspace or the welcome tab is. */
    public ReadOnlyObjectProperty<ToolTab> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Closes the tab if it agrees ({@link ToolTab#requestClose}); resolves to whether it closed. */
    public CompletableFuture<Boolean> close(ToolTab tab) {
        if (!tabs.contains(tab)) {
            return CompletableFuture.completedFuture(true);
        }
        return tab.requestClose().thenApply(ok -> {
            if (ok && tabs.remove(tab)) {
                if (selected.get() == tab) {
                    selected.set(null);
                }
                tab.close();
            }
            return ok;
        });
    }

    /** Closes every tab that agrees, one after another; resolves true when all of them closed. */
    public CompletableFuture<Boolean> closeAll(Predicate<ToolTab> which) {
        CompletableFuture<Boolean> result = CompletableFuture.completedFuture(true);
        for (ToolTab tab : tabs.stream().filter(which).toList()) {
            result = result.thenCompose(ok -> ok ? close(tab) : CompletableFuture.completedFuture(false));
        }
        return result;
    }

    /**
     * Closes every tab to quit the app. While it runs {@link #quittingProperty()} is true, so tabs that keep their
     * work for the next start (query tabs) close without asking; it goes back to false when a tab refused.
     */
    public CompletableFuture<Boolean> closeAllToQuit() {
        quitting.set(true);
        return closeAll(tab -> true).thenApply(ok -> {
            if (!ok) {
                quitting.set(false);
            }
            return ok;
        });
    }

    /** True while the app closes every tab to quit. */
    public javafx.beans.property.ReadOnlyBooleanProperty quittingProperty() {
        return quitting.getReadOnlyProperty();
    }

    /** Called by the main window when the user fronts a tab by clicking it. */
    void frontedByUser(ToolTab tab) {
        selected.set(tab);
    }

    public void openItem(ContainerHandle container, ItemRef item) {
        host.openItem(container, item);
    }

    public void setFilter(ContainerHandle container, String whereClause) {
        setFilter(container, io.cosmosdesk.cosmos.GridFilter.of(whereClause));
    }

    /** Fronts the Items tab and applies {@code filter}: its text in the box, its values as parameters. */
    public void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter) {
        host.setFilter(container, filter);
    }

    /** The query (filter and sort) the container's open Items tab shows; empty when none is open. */
    public Optional<io.cosmosdesk.cosmos.ItemQuery> gridQuery(ContainerHandle container) {
        return host.gridQuery(container);
    }

    void setHost(Host host) {
        this.host = Objects.requireNonNull(host);
    }
}
