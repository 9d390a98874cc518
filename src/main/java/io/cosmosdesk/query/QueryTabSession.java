package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the query tabs of the last session back, like an IDE: the file is read in the background at start, and a
 * tab comes back when its connection opens (the app opens none by itself). A tab whose container no longer exists
 * is said so, and its text is kept as a saved query. Tabs of connections not opened this time stay in the file.
 */
public final class QueryTabSession {

    private static final Logger LOG = LoggerFactory.getLogger(QueryTabSession.class);

    /** Reads a database's containers (blocking; background thread). */
    @FunctionalInterface
    public interface Containers {
        List<ContainerInfo> read(CosmosConnection connection, String databaseId) throws Exception;
    }

    /**
     * A tab to open again (FX thread).
     *
     * @param baseline the text counted as unchanged: the saved query's or the file's text now, or null
     */
    public record Restored(ContainerHandle container, OpenQueryTabs.OpenTab tab, String baseline) {
    }

    private final OpenQueryTabs store;
    private final SavedQueries saved;
    private final Containers containers;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final List<OpenQueryTabs.OpenTab> pending = new ArrayList<>();
    private boolean loaded;

    public QueryTabSession(OpenQueryTabs store, SavedQueries saved, Containers containers, TaskRunner tasks,
            DialogService dialogs) {
        this.store = Objects.requireNonNull(store);
        this.saved = Objects.requireNonNull(saved);
        this.containers = Objects.requireNonNull(containers);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /**
     * Reads the file in the background; then restores the tabs of the connections open by then.
     *
     * @param open the connections open now (FX thread)
     * @param reopen opens one tab again (FX thread)
     */
    public void start(Supplier<List<CosmosConnection>> open, java.util.function.Consumer<Restored> reopen) {
        tasks.start(BackgroundTask.of("Reading the query tabs of the last session", context -> store.load())
                .onSuccess(tabs -> {
                    pending.addAll(tabs);
                    loaded = true;
                    open.get().forEach(connection -> connected(connection, reopen));
                })
                .onFailure(error -> LOG.warn("The query tabs of the last session could not be read: {}",
                        error.getMessage())));
    }

    /** A connection opened: its tabs come back (their containers are looked up in the background). */
    public void connected(CosmosConnection connection, java.util.function.Consumer<Restored> reopen) {
        if (!loaded) {
            return; // start() restores it once the file is read
        }
        List<OpenQueryTabs.OpenTab> mine = pending.stream().filter(tab -> belongsTo(tab, connection.profile()))
                .toList();
        if (mine.isEmpty()) {
            return;
        }
        pending.removeAll(mine);
        tasks.start(BackgroundTask.of("Restoring query tabs on " + connection.profile().name(),
                context -> resolve(connection, mine))
                .onSuccess(outcome -> {
                    outcome.restored().forEach(reopen);
                    pending.addAll(outcome.retryLater());
                    if (!outcome.sentences().isEmpty()) {
                        dialogs.showInformation("Query tabs not restored", String.join("\n\n", outcome.sentences()));
                    }
                })
                .onFailure(error -> {
                    pending.addAll(mine);
                    LOG.warn("Query tabs on {} were not restored: {}", connection.profile().name(), error.getMessage());
                }));
    }

    /** The tabs read from the file and not restored yet (their connection is not open). */
    public List<OpenQueryTabs.OpenTab> pending() {
        return List.copyOf(pending);
    }

    /** What to write: the tabs open now, in order, then those still waiting for their connection. */
    public List<OpenQueryTabs.OpenTab> withPending(List<OpenQueryTabs.OpenTab> openNow) {
        List<OpenQueryTabs.OpenTab> all = new ArrayList<>(openNow);
        all.addAll(pending);
        return all;
    }

    /** Writes the list in the background. */
    public void save(List<OpenQueryTabs.OpenTab> openNow) {
        if (!loaded) {
            return; // the file of the last session is not read yet: writing now would drop its tabs
        }
        List<OpenQueryTabs.OpenTab> all = withPending(openNow);
        try {
            tasks.start(BackgroundTask.of("Saving the open query tabs", context -> {
                store.save(all);
                return Boolean.TRUE;
            }).onFailure(error -> LOG.warn("The open query tabs were not saved: {}", error.getMessage())));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing and background tasks have stopped (a delayed save fired late): write it now
            saveNow(openNow);
        }
    }

    /** Writes the list now (on quit, when background tasks are about to stop). */
    public void saveNow(List<OpenQueryTabs.OpenTab> openNow) {
        if (!loaded) {
            return;
        }
        try {
            store.save(withPending(openNow));
        } catch (RuntimeException e) {
            LOG.warn("The open query tabs were not saved: {}", e.getMessage());
        }
    }

    static boolean belongsTo(OpenQueryTabs.OpenTab tab, ConnectionProfile profile) {
        return ConnectionProfile.normaliseEndpoint(tab.endpoint()).equals(ConnectionProfile.normaliseEndpoint(
                profile.endpoint())) || (!tab.connectionName().isEmpty() && tab.connectionName().equals(
                profile.name()));
    }

    private record Outcome(List<Restored> restored, List<OpenQueryTabs.OpenTab> retryLater, List<String> sentences) {
    }

    private Outcome resolve(CosmosConnection connection, List<OpenQueryTabs.OpenTab> tabs) {
        List<Restored> restored = new ArrayList<>();
        List<OpenQueryTabs.OpenTab> retry = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Map<String, List<ContainerInfo>> byDatabase = new HashMap<>();
        for (OpenQueryTabs.OpenTab tab : tabs) {
            List<ContainerInfo> found;
            try {
                found = byDatabase.computeIfAbsent(tab.databaseId(), database -> read(connection, database));
            } catch (CosmosDeskException e) {
                retry.add(tab);
                sentences.add("The query tab on " + tab.databaseId() + "/" + tab.containerId() + " was not "
                        + "restored: " + e.userMessage() + " It comes back the next time you connect.");
                continue;
            }
            ContainerInfo info = found.stream().filter(c -> c.ref().containerId().equals(tab.containerId()))
                    .findFirst().orElse(null);
            if (info != null) {
                restored.add(new Restored(new ContainerHandle(connection, info), tab, baseline(tab)));
            } else {
                sentences.add(keep(tab, connection.profile().name(), retry));
            }
        }
        return new Outcome(restored, retry, sentences);
    }

    private List<ContainerInfo> read(CosmosConnection connection, String database) {
        try {
            return containers.read(connection, database);
        } catch (Exception e) {
            CosmosDeskException classified = CosmosErrors.classify(e);
            if (classified.kind() == ErrorKind.NOT_FOUND) {
                return List.of(); // the database is gone, so are its containers
            }
            throw classified;
        }
    }

    private String keep(OpenQueryTabs.OpenTab tab, String connectionName, List<OpenQueryTabs.OpenTab> retry) {
        String where = tab.databaseId() + "/" + tab.containerId();
        if (tab.query().text().isBlank()) {
            return "The container " + where + " on " + connectionName + " no longer exists: its empty query tab "
                    + "was not restored.";
        }
        String name = "Query on " + where + " (" + LocalDate.now() + ")";
        for (int n = 2; saved.find(name).isPresent(); n++) {
            name = "Query on " + where + " (" + LocalDate.now() + ", " + n + ")";
        }
        try {
            saved.save(new SavedQueries.Saved(name, tab.query().text(), tab.query().parameters()));
            return "The container " + where + " on " + connectionName + " no longer exists, so its query tab was "
                    + "not restored. Its text is kept as the saved query \"" + name + "\" (Saved, in any query tab).";
        } catch (RuntimeException e) {
            retry.add(tab); // keep it in the file rather than lose it
            return "The container " + where + " on " + connectionName + " no longer exists, and its query could "
                    + "not be kept as a saved query (" + e.getMessage() + "): it stays in the list of open tabs.";
        }
    }

    private String baseline(OpenQueryTabs.OpenTab tab) {
        if (tab.sqlFile() != null) {
            try {
                return SqlFiles.read(Path.of(tab.sqlFile()));
            } catch (Exception e) {
                return null; // the file is gone or unreadable: the text counts as unsaved
            }
        }
        if (tab.savedName() != null) {
            return saved.find(tab.savedName()).map(SavedQueries.Saved::text).orElse(null);
        }
        return QueryTabViewModel.NEW_QUERY_TEXT;
    }
}
