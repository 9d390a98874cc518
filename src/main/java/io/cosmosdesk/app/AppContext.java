package io.cosmosdesk.app;

import io.cosmosdesk.browse.ColumnSettingsStore;
import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.browse.ResourceTreeViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQueryService;
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
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * The composition root: builds the client factory, services, task runner, dialog service and
 * view-models once, and hands controllers to {@code FXMLLoader.setControllerFactory}. No DI
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
    private final ItemQueryService itemQueries;
    private final ColumnSettingsStore columnSettings;
    private final Map<Class<?>, Supplier<Object>> controllers;

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
        this.itemQueries = new ItemQueryService();
        this.columnSettings = new ColumnSettingsStore(directories.config());
        this.controllers = Map.of(
                MainWindowController.class, () -> new MainWindowController(mainViewModel, dialogs,
                        this::connectionDialog, environment, this::openItemsTab));
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
        return new ItemsViewModel(handle, itemQueries, tasks, dialogs, columnSettings);
    }

    /** Loads {@code /fxml/ItemsTab.fxml} for {@code handle} and starts loading its first page. */
    public ItemsTab openItemsTab(ContainerHandle handle) {
        return ItemsTab.load(itemsViewModel(handle));
    }

    public ItemQueryService itemQueries() {
        return itemQueries;
    }

    /** For {@code FXMLLoader.setControllerFactory}: every controller gets its dependencies by constructor. */
    public Callback<Class<?>, Object> controllerFactory() {
        return type -> {
            Supplier<Object> supplier = controllers.get(type);
            if (supplier == null) {
                throw new IllegalArgumentException("No controller registered for " + type.getName());
            }
            return supplier.get();
        };
    }

    @Override
    public void close() {
        mainViewModel.close();
        tasks.shutdown();
    }
}
