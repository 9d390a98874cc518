package io.cosmosdesk.query;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.settings.SettingsStore;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import javafx.util.Duration;
import org.slf4j.LoggerFactory;

/**
 * The query workspace's wiring: "New query" on containers (Ctrl+J), each opening a numbered query tab with its
 * History and Saved panes; Ctrl+S and .sql files through {@link QueryDocument}; the open tabs written as they change
 * and brought back when their connection opens again ({@link QueryTabSession}).
 */
public final class QueryFeature {

    /** Ctrl+J, as in the Data Explorer (UX reference, keyboard shortcuts); it was Ctrl+T. */
    public static final KeyCombination NEW_QUERY = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);

    private final QueryService service;
    private final ItemService items;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final BiConsumer<Window, io.cosmosdesk.transfer.ExportSource> export;
    /** One per app: field names for completion (schema's catalog when it has the container, else a sample). */
    private FieldPathSource fieldPaths = new SampledFieldPaths();
    private QueryHistory history;
    private SavedQueries saved;
    private QueryTabSession session;
    private final List<SavedQueriesPane> savedPanes = new ArrayList<>();
    private final java.util.Map<QueryTabViewModel, HistoryPane> historyPanes = new java.util.HashMap<>();
    private final PauseTransition saveSoon = new PauseTransition(Duration.millis(800));
    private ToolTabs toolTabs;
    private int opened;

    /** @param export opens the export dialog for a query's results (transfer's ExportDialog) */
    public QueryFeature(QueryService service, ItemService items, TaskRunner tasks, DialogService dialogs,
            SettingsStore settings, BiConsumer<Window, io.cosmosdesk.transfer.ExportSource> export) {
        this.export = export;
        this.service = service;
        this.items = items;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
    }

    private java.util.function.Function<ContainerHandle, List<String>> functionNames;

    /** Completion offers these names (the container's user-defined functions) after {@code udf.}. */
    public QueryFeature useFunctionNames(java.util.function.Function<ContainerHandle, List<String>> names) {
        this.functionNames = names;
        return this;
    }

    /** The field paths, and the container's UDFs under {@link FieldPathSource#UDF}; a failed UDF list is none. */
    private List<io.cosmosdesk.cosmos.JsonPath> completionPaths(ContainerHandle container) throws Exception {
        List<io.cosmosdesk.cosmos.JsonPath> paths = new java.util.ArrayList<>(fieldPaths.fieldPaths(container));
        if (functionNames != null) {
            try {
                functionNames.apply(container).forEach(name -> paths.add(io.cosmosdesk.cosmos.JsonPath.of(
                        List.of(FieldPathSource.UDF, name))));
            } catch (RuntimeException e) {
                // completion goes on without the functions' names
            }
        }
        return paths;
    }

    /** Every run is recorded per container in {@code history} and listed in each query tab's History. */
    public QueryFeature useHistory(QueryHistory history) {
        this.history = history;
        return this;
    }

    /** Saved queries (a local file), listed under Saved in each query tab; Ctrl+S saves there. */
    public QueryFeature useSavedQueries(SavedQueries saved) {
        this.saved = saved;
        return this;
    }

    /** Where completion finds a container's field paths (one per app: it caches). */
    public QueryFeature useFieldPaths(FieldPathSource source) {
        this.fieldPaths = source;
        return this;
    }

    /**
     * Keeps the open query tabs in {@code store} and brings them back: the file is read in the background now, and
     * each tab opens again once its connection is open ({@link #connected}).
     */
    public QueryFeature restoreTabs(OpenQueryTabs store, QueryTabSession.Containers containers,
            Supplier<List<CosmosConnection>> openConnections) {
        this.session = new QueryTabSession(store, savedQueries(), containers, tasks, dialogs);
        session.start(openConnections, this::reopen);
        return this;
    }

    public void install(ToolTabs tabs, ContainerActions containerActions) {
        this.toolTabs = tabs;
        containerActions.add(new ContainerAction("New query", NEW_QUERY, true, (window, handle) -> open(handle))
                .asButton()); // the most used action on a container: a button of its own on the Items toolbar
        saveSoon.setOnFinished(event -> saveTabs(false));
        tabs.tabs().addListener((ListChangeListener<ToolTab>) change -> {
            if (!tabs.quittingProperty().get()) {
                saveSoon.playFromStart();
            }
        });
        // on quit the tabs close one by one: write them all first, so the next start finds every one
        tabs.quittingProperty().addListener((obs, was, quitting) -> {
            if (quitting) {
                saveSoon.stop();
                saveTabs(true);
            }
        });
    }

    /** A connection opened: its query tabs of the last session come back. */
    public void connected(CosmosConnection connection) {
        if (session != null) {
            session.connected(connection, this::reopen);
        }
    }

    /** Opens a new query tab on the container, in front. */
    public QueryToolTab open(ContainerHandle handle) {
        return open(handle, QueryDraft.of(QueryTabViewModel.NEW_QUERY_TEXT), QuerySaving.Origin.NONE,
                QueryTabViewModel.NEW_QUERY_TEXT);
    }

    /** Opens a query tab holding {@code draft}; {@code baseline} is the text that counts as saved (or null). */
    public QueryToolTab open(ContainerHandle handle, QueryDraft draft, QuerySaving.Origin origin, String baseline) {
        QueryTabViewModel model = new QueryTabViewModel(handle, service, items, tasks, dialogs,
                () -> QueryGuards.of(settings.current()), toolTabs::openItem);
        model.reportFailuresTo(toolTabs.containerFailures());
        model.pageSizeProperty().set(QueryRequest.PAGE_SIZES.contains(settings.current().pageSize())
                ? settings.current().pageSize() : 100);
        model.applyDraft(draft);
        QueryDocument document = new QueryDocument(model, "Query " + (++opened), new QuerySaving(savedQueries(),
                dialogs, tasks), dialogs, tasks, origin, baseline);
        document.setOnSaved(() -> {
            savedPanes.forEach(SavedQueriesPane::reload);
            saveSoon.playFromStart();
        });
        document.setElsewhere((other, where) -> open(handle, other, where, other.text()));
        model.textProperty().addListener((obs, old, text) -> saveSoon.playFromStart());
        model.setHistory(run -> {
            record(run);
            saveSoon.playFromStart();
        });
        QueryToolTab tab = new QueryToolTab(model, document, export,
                area -> SqlCompletion.attach(area, tasks, this::completionPaths, handle), toolTabs.quittingProperty()::get);
        toolTabs.open(tab);
        tab.view();
        if (history != null) {
            HistoryPane pane = new HistoryPane(history, ContainerKey.of(handle), tasks, model::applyDraft);
            pane.setId("queryHistoryPane");
            tab.controller().addResultsTab("History", pane);
            historyPanes.put(model, pane);
        }
        SavedQueriesPane savedPane = new SavedQueriesPane(savedQueries(), tasks, dialogs, document::openSaved);
        savedPane.setId("savedQueriesPane");
        savedPanes.add(savedPane);
        tab.controller().addResultsTab("Saved", savedPane);
        tab.onClose(() -> {
            savedPanes.remove(savedPane);
            historyPanes.remove(model);
        });
        return tab;
    }

    private void record(QueryTabViewModel.RunRecord run) {
        if (history == null) {
            return;
        }
        QueryHistory runs = history;
        QueryHistory.Entry entry = run.toHistoryEntry();
        tasks.start(BackgroundTask.of("Recording the query in its history", context -> {
            runs.record(ContainerKey.of(run.container()), entry);
            return Boolean.TRUE;
        }).onSuccess(done -> historyPanes.values().forEach(HistoryPane::reload)).onFailure(error -> LoggerFactory
                .getLogger(QueryFeature.class).warn("The query could not be recorded in its history: {}",
                        error.getMessage())));
    }

    private void reopen(QueryTabSession.Restored restored) {
        OpenQueryTabs.OpenTab tab = restored.tab();
        open(restored.container(), tab.query(), new QuerySaving.Origin(tab.sqlFile() == null ? null
                : Path.of(tab.sqlFile()), tab.savedName()), restored.baseline());
    }

    private SavedQueries savedQueries() {
        if (saved == null) {
            throw new IllegalStateException("useSavedQueries was not called");
        }
        return saved;
    }

    private void saveTabs(boolean now) {
        if (session == null || toolTabs == null) {
            return;
        }
        List<OpenQueryTabs.OpenTab> open = new ArrayList<>();
        for (ToolTab tab : toolTabs.tabs()) {
            if (tab instanceof QueryToolTab query) {
                open.add(query.toOpenTab());
            }
        }
        if (now) {
            session.saveNow(open);
        } else {
            session.save(open);
        }
    }
}
