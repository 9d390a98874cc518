package io.cosmosdesk.app;

import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.browse.ColumnSettingsStore;
import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.browse.ResourceTreeViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.MoveDialog;
import io.cosmosdesk.move.JobConnections;
import io.cosmosdesk.move.MoveJobSummary;
import io.cosmosdesk.move.RecoveryDialog;
import io.cosmosdesk.move.RecoveryViewModel;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.connection.ConnectionDialog;
import io.cosmosdesk.connection.ConnectionStore;
import io.cosmosdesk.connection.EntraCredentials;
import io.cosmosdesk.connection.SecretStore;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Map;

/**
 * The composition root: builds the client factory, services, task runner, dialog service and
 * view-models once, and gives the main window its controller. No DI
 * framework, no static singletons.
 */
public final class AppContext implements AutoCloseable {

    private final AppDirectories directories;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final CosmosClientFactory clientFactory;
    private final ResourceService resources;
    private final MainViewModel mainViewModel;
    private final SecretStore secrets;
    private final Map<String, String> environment;
    /** Built on first use: its dependencies (HTTP client, azure-identity) cost start-up time. */
    private ConnectionDialog connectionDialog;
    private ConnectionStore connectionStore;
    /** Built on first use: verifying it loads Azure SDK and Reactor classes, which wait for the first connection. */
    private ItemQueryService itemQueries;
    private final AuditedWrites writes;
    /** Every write any feature makes is recorded here, through the one {@code AuditedWrites}. */
    private final AuditLog auditLog;
    private final ItemService itemService;
    private final MoveService moveService;
    private final MoveDialog moveDialog;
    private final java.util.Set<String> recoveryShown = new java.util.HashSet<>();
    private final ColumnSettingsStore columnSettings;
    private final ToolTabs toolTabs = new ToolTabs();
    private final ContainerActions containerActions = new ContainerActions();
    private final AppActions appActions = new AppActions();
    private final TreeActions treeActions = new TreeActions();
    private final io.cosmosdesk.settings.SettingsStore settings;
    /** The Items view-model of each open workspace, for features acting on a container's grid (schema). */
    private final Map<ContainerHandle, java.lang.ref.WeakReference<ItemsViewModel>> grids = new java.util.HashMap<>();
    private final io.cosmosdesk.schema.SchemaFeature schema;
    private final io.cosmosdesk.jobs.Jobs jobs;
    /** Field paths for completion (query editor and the grid's filter box): the schema catalog over a quick sample. */
    private io.cosmosdesk.query.FieldPathSource fieldPaths;
    private final io.cosmosdesk.transfer.ExportFeature exports;
    private final GoneContainers goneContainers;

    public AppContext(AppDirectories directories, TaskRunner tasks, DialogService dialogs,
            CosmosClientFactory clientFactory, SecretStore secrets, Map<String, String> environment) {
        this.directories = directories;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clientFactory = clientFactory;
        this.secrets = secrets;
        this.resources = new ResourceService();
        this.environment = environment;
        this.mainViewModel = new MainViewModel(clientFactory, tasks,
                new ResourceTreeViewModel(resources, tasks));
        // pinned certificates must apply before the first client is built; cheap when there are none
        new PinnedCertificates(directories.config()).install();
        this.settings = new io.cosmosdesk.settings.SettingsStore(directories.config());
        // retention asked at each day's first write: a changed setting applies without a restart
        this.auditLog = new AuditLog(directories.data().resolve("audit"),
                () -> settings.current().auditRetentionDays(), java.time.Clock.systemUTC());
        AuditedWrites writes = new AuditedWrites(auditLog);
        this.writes = writes;
        this.itemService = new ItemService(writes);
        this.moveService = new MoveService(directories.data().resolve("moves"), writes);
        // finished journals hold item bodies: delete them after a while, off the UI thread
        tasks.start(io.cosmosdesk.ui.BackgroundTask.of("Tidying finished move journals", context ->
                io.cosmosdesk.move.FinishedJournals.prune(directories.data().resolve("moves"),
                        io.cosmosdesk.move.FinishedJournals.KEEP, java.time.Clock.systemUTC())));
        // patch journals hold before-images: deleted after the journal retention of the settings
        tasks.start(io.cosmosdesk.ui.BackgroundTask.of("Tidying old patch journals", context ->
                io.cosmosdesk.patch.PatchJournals.prune(directories.data().resolve("patches"),
                        java.time.Duration.ofDays(settings.current().journalRetentionDays()),
                        java.time.Clock.systemUTC())));
        this.moveDialog = new MoveDialog(moveService, tasks, Theme.APP_STYLESHEET);
        this.columnSettings = new ColumnSettingsStore(directories.config());
        // features plug in here: tool tabs, container actions, menu actions (see ToolTabs, ContainerActions)
        // File > Settings…: saved values apply at once; new connections take retries and regions from them
        io.cosmosdesk.settings.SettingsFeature settingsFeature = new io.cosmosdesk.settings.SettingsFeature(settings,
                () -> connectionStore().load(), Theme.APP_STYLESHEET, dialogsOver());
        clientFactory.useOptions(profile -> io.cosmosdesk.settings.SettingsFeature.clientOptions(settings.current(),
                profile));
        settingsFeature.bindTheme(mainViewModel.themeProperty(), Theme::settingsName, Theme::fromName);
        appActions.add(new AppAction("File", "Settings…", new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                settingsFeature::open));
        // a container deleted here or elsewhere: every open tab of it says so and offers nothing that writes
        this.goneContainers = new GoneContainers(tasks, GoneContainers::readable);
        GoneTabs.install(goneContainers, toolTabs, this::openGrids, mainViewModel.tree());
        // create/delete, settings and throughput: the data plane first; Azure Resource Manager when the data plane
        // refused an Entra ID token and the user agreed (its SDK loads only then)
        // creates and deletes (through either plane) and settings changes are audited
        io.cosmosdesk.audit.AuditedResourceChanges resourceAudit = new io.cosmosdesk.audit.AuditedResourceChanges(
                auditLog);
        io.cosmosdesk.manage.ControlPlaneSwitch controlPlanes = new io.cosmosdesk.manage.ControlPlaneSwitch(
                new io.cosmosdesk.manage.ResourceAdmin(), new io.cosmosdesk.manage.ArmControlPlane(
                        environment.get(io.cosmosdesk.manage.ArmControlPlane.ENDPOINT_VARIABLE)), resourceAudit);
        this.jobs = new io.cosmosdesk.jobs.Jobs(tasks);
        new AccountActions(controlPlanes,
                new io.cosmosdesk.manage.ManageDialogs(Theme.APP_STYLESHEET), dialogs, tasks, jobs, mainViewModel,
                goneContainers).install(containerActions, treeActions);
        new io.cosmosdesk.manage.ContainerSettingsFeature(new io.cosmosdesk.manage.ContainerSettingsService(
                controlPlanes, resourceAudit), tasks, dialogs).install(toolTabs, containerActions);
        new io.cosmosdesk.changes.ChangesFeature(directories.data(), tasks).install(toolTabs, containerActions);
        io.cosmosdesk.schema.ItemsGrids schemaGrids = new io.cosmosdesk.schema.ItemsGrids(
                mainViewModel::openContainer, handle -> java.util.Optional.ofNullable(grids.get(handle))
                        .map(java.lang.ref.WeakReference::get));
        io.cosmosdesk.schema.FieldPathCatalog schemaCatalog = new io.cosmosdesk.schema.FieldPathCatalog(
                directories.data());
        this.schema = new io.cosmosdesk.schema.SchemaFeature(new io.cosmosdesk.schema.SchemaService(), tasks, dialogs,
                schemaGrids, schemaCatalog);
        schema.install(toolTabs, containerActions);
        new io.cosmosdesk.audit.AuditFeature(auditLog, tasks).install(toolTabs, appActions, settings);
        new io.cosmosdesk.jobs.JobsFeature(jobs, toolTabs).install(appActions);
        moveDialog.reportJobsTo(jobs);
        this.exports = new io.cosmosdesk.transfer.ExportFeature(new io.cosmosdesk.transfer.ExportDialog(
                new io.cosmosdesk.transfer.ExportService(), tasks, jobs, dialogs, Theme.APP_STYLESHEET), toolTabs);
        exports.install(containerActions);
        this.fieldPaths = new io.cosmosdesk.query.CatalogFieldPaths(schemaCatalog,
                new io.cosmosdesk.query.SampledFieldPaths());
        io.cosmosdesk.query.QueryFeature queries = new io.cosmosdesk.query.QueryFeature(
                new io.cosmosdesk.query.QueryService(), itemService, tasks, dialogs, settings, exports.dialog()::show)
                .useHistory(new io.cosmosdesk.query.QueryHistory(directories.data().resolve("query-history")))
                .useSavedQueries(new io.cosmosdesk.query.SavedQueries(directories.config().resolve("saved-queries.json")))
                .useFieldPaths(fieldPaths)
                .useFunctionNames(handle -> resources.readScriptIds(handle.connection(), handle.ref(),
                        io.cosmosdesk.cosmos.ScriptKind.USER_DEFINED_FUNCTION));
        queries.install(toolTabs, containerActions);
        queries.restoreTabs(new io.cosmosdesk.query.OpenQueryTabs(directories.config().resolve("open-query-tabs.json")),
                resources::readContainers, mainViewModel::openConnections);
        mainViewModel.addOnConnected(queries::connected);
        schemaGrids.openQueriesWith((container, sql) -> queries.open(container).viewModel().textProperty().set(sql));
        new io.cosmosdesk.scripts.ScriptsFeature(new io.cosmosdesk.scripts.ScriptService(writes, resources), tasks,
                dialogs, mainViewModel.tree()).install(toolTabs, treeActions);
        io.cosmosdesk.transfer.TransferImportFeature.install(directories.data().resolve("imports"), writes, tasks,
                dialogs, Theme.APP_STYLESHEET, containerActions, jobs, this::refreshGridsOf);
        new io.cosmosdesk.patch.PatchFeature(new io.cosmosdesk.patch.BulkPatchService(
                directories.data().resolve("patches"), writes), jobs, tasks,
                handle -> java.util.Optional.ofNullable(grids.get(handle)).map(java.lang.ref.WeakReference::get),
                Theme.APP_STYLESHEET).install(containerActions);
        new io.cosmosdesk.transfer.CopyFeature(new io.cosmosdesk.transfer.CopyService(
                directories.data().resolve("imports").resolve("reports"), writes), resources, tasks, jobs, dialogs,
                Theme.APP_STYLESHEET, mainViewModel::openConnections, this::refreshGridsOf,
                target -> mainViewModel.tree().follow(target.connection(), target.ref().databaseId(),
                        target.ref().containerId())).install(containerActions, toolTabs);

    }

    public synchronized ConnectionStore connectionStore() {
        if (connectionStore == null) {
            connectionStore = new ConnectionStore(directories.config());
        }
        return connectionStore;
    }

    private synchronized ConnectionDialog connectionDialog() {
        if (connectionDialog == null) {
            connectionDialog = new ConnectionDialog(new AccountProbe(clientFactory, resources), connectionStore(),
                    secrets, new EntraCredentials(), new PinnedCertificates(directories.config()), tasks, dialogs,
                    environment, Theme.APP_STYLESHEET);
        }
        return connectionDialog;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public AppDirectories directories() {
        return directories;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /**
     * The dialogs asked over another window of the app (Settings), owned by it: the app's own dialogs made over
     * that window; a test's fake answers as it is.
     */
    private java.util.function.Function<javafx.stage.Window, DialogService> dialogsOver() {
        return dialogs instanceof io.cosmosdesk.ui.FxDialogService fx ? fx::over : window -> dialogs;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    public CosmosClientFactory clientFactory() {
        return clientFactory;
    }

    /** A new view-model for one container's Items tab, bound to {@code handle} for life. */
    public ItemsViewModel itemsViewModel(ContainerHandle handle) {
        ItemsViewModel grid = new ItemsViewModel(handle, itemQueries(), tasks, dialogs, columnSettings);
        grids.put(handle, new java.lang.ref.WeakReference<>(grid));
        grid.reportJobsTo(jobs);
        if (fieldPaths != null) {
            grid.useFieldCompletion(new ItemsViewModel.FieldCompletion(tasks, fieldPaths));
        }
        // the grid's own 404 is the container's: the other tabs of it follow
        grid.containerGoneProperty().addListener((obs, old, gone) -> {
            if (gone) {
                goneContainers.gone(GoneContainers.Gone.container(handle));
            }
        });
        return grid;
    }

    /** The Items view-models of the open workspaces. */
    private Map<ContainerHandle, ItemsViewModel> openGrids() {
        Map<ContainerHandle, ItemsViewModel> open = new java.util.HashMap<>();
        grids.forEach((handle, grid) -> java.util.Optional.ofNullable(grid.get()).ifPresent(
                shown -> open.put(handle, shown)));
        return open;
    }

    /** Where screens report failures met on a container: a 404 that means it is gone reaches all its tabs. */
    public GoneContainers goneContainers() {
        return goneContainers;
    }

    /** After an import or a copy wrote to a container: the grids showing it load again (FX thread). */
    private void refreshGridsOf(ContainerHandle changed) {
        grids.forEach((handle, grid) -> {
            ItemsViewModel shown = grid.get();
            if (shown != null && handle.ref().equals(changed.ref())
                    && handle.connection().profile().id().equals(changed.connection().profile().id())) {
                shown.refresh();
            }
        });
    }

    /** Schema insight: the Schema tab per container and the sampled field paths (query completion, filter box). */
    public io.cosmosdesk.schema.SchemaFeature schema() {
        return schema;
    }

    /**
     * After a connection opens: if moves made on it were interrupted (crash, lost network), offer Resume or
     * Roll back; each item then ends up existing exactly once.
     */
    public void offerUnfinishedMoves(javafx.stage.Window owner, CosmosConnection connection) {
        RecoveryViewModel recovery = new RecoveryViewModel(moveService, tasks, this::containerOfJob);
        // only the jobs made on this account (endpoint and name), and damaged journals, which name none
        String shownKey = io.cosmosdesk.cosmos.ConnectionProfile.normaliseEndpoint(connection.profile().endpoint()) + "\n"
                + connection.profile().name();
        recovery.jobs().addListener((javafx.collections.ListChangeListener<MoveJobSummary>) change -> {
            boolean ours = recovery.jobs().stream()
                    .anyMatch(job -> JobConnections.ranOn(job, connection.profile()));
            if (ours && !recoveryShown.contains(shownKey)) {
                recoveryShown.add(shownKey);
                RecoveryDialog.show(owner, recovery, Theme.APP_STYLESHEET);
            }
        });
        recovery.load(job -> job.problem() != null || JobConnections.ranOn(job, connection.profile()));
    }

    /** Runs in the background: the job's container on the open connection it was made with. */
    private ContainerHandle containerOfJob(MoveJobSummary job) {
        CosmosConnection connection = JobConnections.require(job, mainViewModel.openConnections());
        ContainerInfo info = resources.readContainers(connection, job.container().databaseId()).stream()
                .filter(candidate -> candidate.ref().equals(job.container())).findFirst()
                .orElseThrow(() -> new CosmosDeskException(ErrorKind.NOT_FOUND, "The container " + job.container()
                        + " no longer exists."));
        return new ContainerHandle(connection, info);
    }

    /** A container's tab content: the Items grid, the item editor beside it, and the move dialog. */
    public ContainerWorkspace openWorkspace(ContainerHandle handle) {
        ItemEditorViewModel editor = new ItemEditorViewModel(itemService, tasks, dialogs);
        editor.reportFailuresTo(goneContainers);
        return ContainerWorkspace.create(itemsViewModel(handle), editor, moveDialog, tasks, dialogs);
    }

    /** The tabs beside the container workspaces (queries, schema, live changes, audit log, jobs). */
    public ToolTabs toolTabs() {
        return toolTabs;
    }

    /** What features offer on a container (tree menu, Container menu, Items toolbar). */
    public ContainerActions containerActions() {
        return containerActions;
    }

    /** What features offer in the tree's menus of connections and databases. */
    public TreeActions treeActions() {
        return treeActions;
    }

    /** What features add to the menu bar. */
    public AppActions appActions() {
        return appActions;
    }

    /** Long jobs (exports, imports, copies, moves, bulk deletes), shown in the Jobs panel. */
    public io.cosmosdesk.jobs.Jobs jobs() {
        return jobs;
    }

    /** Export: {@code exports().dialog().show(window, new ExportSource(container, query, null))}. */
    public io.cosmosdesk.transfer.ExportFeature exports() {
        return exports;
    }

    public io.cosmosdesk.settings.SettingsStore settings() {
        return settings;
    }

    public MoveService moveService() {
        return moveService;
    }

    public MoveDialog moveDialog() {
        return moveDialog;
    }

    public synchronized ItemQueryService itemQueries() {
        if (itemQueries == null) {
            itemQueries = new ItemQueryService(writes);
        }
        return itemQueries;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** The one audited door for writes: features that write (import, copy, patch) take it from here. */
    public AuditedWrites writes() {
        return itemService.writes();
    }

    /** The main window's controller; every controller gets its dependencies by constructor. */
    MainWindowController mainWindowController() {
        return new MainWindowController(mainViewModel, dialogs, this::connectionDialog, environment,
                this::openWorkspace, this::offerUnfinishedMoves, toolTabs, containerActions, appActions, treeActions);
    }

    @Override
    public void close() {
        jobs.cancelAll(); // an export in progress removes its partial file
        mainViewModel.close();
        tasks.shutdown();
        auditLog.close();
    }
}
