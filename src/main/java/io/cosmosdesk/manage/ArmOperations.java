package io.cosmosdesk.manage;

import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.cosmos.fluent.models.SqlContainerGetResultsInner;
import com.azure.resourcemanager.cosmos.fluent.models.ThroughputSettingsGetResultsInner;
import com.azure.resourcemanager.cosmos.models.AutoscaleSettings;
import com.azure.resourcemanager.cosmos.models.AutoscaleSettingsResource;
import com.azure.resourcemanager.cosmos.models.ComputedProperty;
import com.azure.resourcemanager.cosmos.models.ContainerPartitionKey;
import com.azure.resourcemanager.cosmos.models.CreateUpdateOptions;
import com.azure.resourcemanager.cosmos.models.IndexingPolicy;
import com.azure.resourcemanager.cosmos.models.PartitionKind;
import com.azure.resourcemanager.cosmos.models.SqlContainerCreateUpdateParameters;
import com.azure.resourcemanager.cosmos.models.SqlContainerGetPropertiesResource;
import com.azure.resourcemanager.cosmos.models.SqlContainerResource;
import com.azure.resourcemanager.cosmos.models.SqlDatabaseCreateUpdateParameters;
import com.azure.resourcemanager.cosmos.models.SqlDatabaseResource;
import com.azure.resourcemanager.cosmos.models.ThroughputSettingsGetPropertiesResource;
import com.azure.resourcemanager.cosmos.models.ThroughputSettingsResource;
import com.azure.resourcemanager.cosmos.models.ThroughputSettingsUpdateParameters;
import com.azure.resourcemanager.cosmos.models.UniqueKey;
import com.azure.resourcemanager.cosmos.models.UniqueKeyPolicy;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.TaskContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ArmControlPlane}'s work: Resource Manager's SQL API resources (sqlDatabases, containers,
 * throughputSettings), each change a long-running operation polled here so the task shows it and can stop waiting.
 */
final class ArmOperations {

    /** Resource Manager operations cannot be called back: a cancel stops the waiting, not the change. */
    static final String STOPPED_WAITING = "Stopped waiting for Azure Resource Manager. The change was already sent"
            + " and may still complete: refresh in a moment to see where it stands.";

    private static final Duration LONGEST_POLL_WAIT = Duration.ofSeconds(5);

    private final ArmAccounts accounts;

    ArmOperations(ArmAccounts accounts) {
        this.accounts = accounts;
    }

    void createDatabase(CosmosConnection connection, String id, Throughput throughput, TaskContext context) {
        ResourceNames.idProblem("database", id).ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        throughput.problem().ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        String name = id.strip();
        String action = "Creating the database " + name;
        String conflict = "A database named \"" + name + "\" already exists.";
        ArmAccounts.Account account = account(connection, action);
        try {
            if (exists(() -> account.sql().getSqlDatabaseWithResponse(account.resourceGroup(), account.name(), name,
                    com.azure.core.util.Context.NONE))) {
                throw new CosmosDeskException(ErrorKind.CONFLICT, conflict);
            }
            SqlDatabaseCreateUpdateParameters parameters = new SqlDatabaseCreateUpdateParameters()
                    .withResource(new SqlDatabaseResource().withId(name)).withOptions(options(throughput));
            parameters.withLocation(account.location());
            await(account.sql().beginCreateUpdateSqlDatabase(account.resourceGroup(), account.name(), name,
                    parameters), action, context);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, conflict, null);
        }
    }

    ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec, TaskContext context) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, String.join(" ", problems));
        }
        String action = "Creating the container " + spec.id();
        String conflict = "A container named \"" + spec.id() + "\" already exists in " + spec.databaseId() + ".";
        ArmAccounts.Account account = account(connection, action);
        try {
            if (exists(() -> account.sql().getSqlContainerWithResponse(account.resourceGroup(), account.name(),
                    spec.databaseId(), spec.id(), com.azure.core.util.Context.NONE))) {
                throw new CosmosDeskException(ErrorKind.CONFLICT, conflict);
            }
            SqlContainerResource resource = new SqlContainerResource().withId(spec.id())
                    .withPartitionKey(new ContainerPartitionKey().withPaths(new ArrayList<>(spec.partitionKeyPaths()))
                            .withKind(spec.hierarchical() ? PartitionKind.MULTI_HASH : PartitionKind.HASH)
                            .withVersion(2))
                    .withDefaultTtl(spec.defaultTtlSeconds());
            if (!spec.uniqueKeys().isEmpty()) {
                resource.withUniqueKeyPolicy(new UniqueKeyPolicy().withUniqueKeys(spec.uniqueKeys().stream()
                        .map(paths -> new UniqueKey().withPaths(new ArrayList<>(paths))).toList()));
            }
            if (spec.indexingPolicyJson() != null && !spec.indexingPolicyJson().isBlank()) {
                resource.withIndexingPolicy(indexingPolicy(spec.indexingPolicyJson()));
            }
            SqlContainerCreateUpdateParameters parameters = new SqlContainerCreateUpdateParameters()
                    .withResource(resource).withOptions(options(spec.throughput()));
            parameters.withLocation(account.location());
            SqlContainerGetResultsInner created = await(account.sql().beginCreateUpdateSqlContainer(
                    account.resourceGroup(), account.name(), spec.databaseId(), spec.id(), parameters), action, context);
            List<String> paths = created == null || created.resource() == null
                    || created.resource().partitionKey() == null ? spec.partitionKeyPaths()
                    : created.resource().partitionKey().paths();
            Integer figure = spec.throughput() instanceof Throughput.Manual manual ? manual.requestUnits()
                    : spec.throughput() instanceof Throughput.Autoscale auto ? auto.maxRequestUnits() : null;
            return new ContainerInfo(new ContainerRef(spec.databaseId(), spec.id()), paths, spec.hierarchical(),
                    figure);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, conflict, "The database " + spec.databaseId() + " does not exist (any"
                    + " more): it may have been deleted elsewhere. Refresh.");
        }
    }

    void deleteDatabase(CosmosConnection connection, String id, TaskContext context) {
        String action = "Deleting the database " + id;
        ArmAccounts.Account account = account(connection, action);
        try {
            await(account.sql().beginDeleteSqlDatabase(account.resourceGroup(), account.name(), id), action, context);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, null, "The database " + id + " does not exist (any more).");
        }
    }

    void deleteContainer(CosmosConnection connection, ContainerRef ref, TaskContext context) {
        String action = "Deleting the container " + ref;
        ArmAccounts.Account account = account(connection, action);
        try {
            await(account.sql().beginDeleteSqlContainer(account.resourceGroup(), account.name(), ref.databaseId(),
                    ref.containerId()), action, context);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, null, "The container " + ref + " does not exist (any more).");
        }
    }

    /**
     * Resource Manager has no If-Match on containers: the ETag is compared just before the replace. Everything that
     * can be prepared is prepared before that read, so the moment in which a change made elsewhere could still be
     * overwritten is one read and the start of the PUT.
     */
    void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change,
            TaskContext context) {
        List<String> problems = change.problems();
        if (!problems.isEmpty()) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, String.join(" ", problems));
        }
        String action = "Changing the settings of " + ref;
        List<ComputedProperty> computed = computedProperties(change.computedPropertiesJson());
        IndexingPolicy policy = indexingPolicy(change.indexingPolicyJson());
        ArmAccounts.Account account = account(connection, action);
        try {
            SqlContainerGetResultsInner current = account.sql().getSqlContainer(account.resourceGroup(),
                    account.name(), ref.databaseId(), ref.containerId());
            SqlContainerGetPropertiesResource stored = current.resource();
            if (etag != null && !etag.equals(stored.etag())) {
                throw new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE, ResourceAdmin.CHANGED_ELSEWHERE);
            }
            SqlContainerResource resource = new SqlContainerResource().withId(stored.id())
                    .withPartitionKey(stored.partitionKey())
                    .withUniqueKeyPolicy(stored.uniqueKeyPolicy())
                    .withConflictResolutionPolicy(stored.conflictResolutionPolicy())
                    .withDefaultTtl(change.defaultTtlSeconds())
                    .withIndexingPolicy(policy)
                    .withComputedProperties(computed.isEmpty() ? null : computed);
            SqlContainerCreateUpdateParameters parameters = new SqlContainerCreateUpdateParameters()
                    .withResource(resource).withOptions(new CreateUpdateOptions());
            parameters.withLocation(current.location() == null ? account.location() : current.location());
            await(account.sql().beginCreateUpdateSqlContainer(account.resourceGroup(), account.name(),
                    ref.databaseId(), ref.containerId(), parameters), action, context);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, null, "The container " + ref + " does not exist (any more): it may have"
                    + " been deleted elsewhere.");
        }
    }

    /**
     * The figure, or a switch between manual and autoscale, which Resource Manager makes as a migration (the
     * service picks a figure in the new mode) followed by the figure asked for. Throughput has no ETag: it is
     * compared with {@code expected} just before the change.
     */
    void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected, Throughput throughput,
            TaskContext context) {
        Throughput.Replacement replacement = throughput.replacing(expected);
        if (replacement == Throughput.Replacement.NOTHING) {
            return;
        }
        String action = "Changing the throughput of " + ref;
        ThroughputSettingsResource resource = throughput instanceof Throughput.Manual manual
                ? new ThroughputSettingsResource().withThroughput(manual.requestUnits())
                : new ThroughputSettingsResource().withAutoscaleSettings(new AutoscaleSettingsResource()
                        .withMaxThroughput(((Throughput.Autoscale) throughput).maxRequestUnits()));
        ThroughputSettingsUpdateParameters parameters = new ThroughputSettingsUpdateParameters()
                .withResource(resource);
        ArmAccounts.Account account = account(connection, action);
        try {
            ThroughputSettingsGetResultsInner current = account.sql().getSqlContainerThroughput(
                    account.resourceGroup(), account.name(), ref.databaseId(), ref.containerId());
            if (!throughputOf(current.resource()).equals(expected)) {
                throw new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE, ResourceAdmin.CHANGED_ELSEWHERE);
            }
            parameters.withLocation(current.location() == null ? account.location() : current.location());
            if (replacement == Throughput.Replacement.MODE_SWITCH) {
                boolean toAutoscale = throughput instanceof Throughput.Autoscale;
                String migration = action + (toAutoscale ? " to autoscale" : " to manual");
                ThroughputSettingsGetResultsInner migrated = await(toAutoscale
                        ? account.sql().beginMigrateSqlContainerToAutoscale(account.resourceGroup(), account.name(),
                                ref.databaseId(), ref.containerId())
                        : account.sql().beginMigrateSqlContainerToManualThroughput(account.resourceGroup(),
                                account.name(), ref.databaseId(), ref.containerId()), migration, context);
                if (migrated != null && throughputOf(migrated.resource()).equals(throughput)) {
                    return; // the service picked the figure asked for
                }
            }
            await(account.sql().beginUpdateSqlContainerThroughput(account.resourceGroup(), account.name(),
                    ref.databaseId(), ref.containerId(), parameters), action, context);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, null, "The container " + ref + " has no throughput of its own, or no"
                    + " longer exists: it may share its database's throughput. Refresh.");
        }
    }

    static Throughput throughputOf(ThroughputSettingsGetPropertiesResource resource) {
        if (resource == null) {
            return new Throughput.None();
        }
        if (resource.autoscaleSettings() != null && resource.autoscaleSettings().maxThroughput() > 0) {
            return new Throughput.Autoscale(resource.autoscaleSettings().maxThroughput());
        }
        Integer manual = resource.throughput();
        return manual == null || manual <= 0 ? new Throughput.None() : new Throughput.Manual(manual);
    }

    private ArmAccounts.Account account(CosmosConnection connection, String action) {
        try {
            return accounts.of(connection);
        } catch (RuntimeException e) {
            throw ArmErrors.map(action, e, null, null);
        }
    }

    private static CreateUpdateOptions options(Throughput throughput) {
        CreateUpdateOptions options = new CreateUpdateOptions();
        if (throughput instanceof Throughput.Manual manual) {
            options.withThroughput(manual.requestUnits());
        } else if (throughput instanceof Throughput.Autoscale autoscale) {
            options.withAutoscaleSettings(new AutoscaleSettings().withMaxThroughput(autoscale.maxRequestUnits()));
        }
        return options;
    }

    /** The pasted policy as Resource Manager takes it: its JSON has the same shape as the data plane's. */
    static IndexingPolicy indexingPolicy(String json) {
        IndexingPolicyJson.problem(json).ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        try (JsonReader reader = JsonProviders.createReader(json)) {
            return IndexingPolicy.fromJson(reader);
        } catch (IOException | RuntimeException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The indexing policy is not one Azure Resource"
                    + " Manager can read: " + ArmErrors.firstLine(e.getMessage()));
        }
    }

    static List<ComputedProperty> computedProperties(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = JsonProviders.createReader(json)) {
            List<ComputedProperty> read = reader.readArray(ComputedProperty::fromJson);
            return read == null ? List.of() : read;
        } catch (IOException | RuntimeException e) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The computed properties are not a list Azure"
                    + " Resource Manager can read: " + ArmErrors.firstLine(e.getMessage()));
        }
    }

    private static boolean exists(java.util.function.Supplier<Response<?>> read) {
        try {
            read.get();
            return true;
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Polls the operation until it ends, showing how long it has run; a cancel stops the waiting. */
    private static <T> T await(SyncPoller<PollResult<T>, T> poller, String action, TaskContext context) {
        long started = System.nanoTime();
        while (true) {
            PollResponse<PollResult<T>> response = poller.poll();
            LongRunningOperationStatus status = response.getStatus();
            if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                return poller.getFinalResult();
            }
            if (status.isComplete()) {
                PollResult<T> result = response.getValue();
                String reason = result == null || result.getError() == null ? status.toString()
                        : result.getError().getMessage();
                throw new CosmosDeskException(ErrorKind.UNKNOWN, action + " through Azure Resource Manager did not"
                        + " complete: " + ArmErrors.firstLine(reason));
            }
            if (context != null && context.isCancelled()) {
                throw new CosmosDeskException(ErrorKind.CANCELLED, STOPPED_WAITING);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (context != null) {
                context.progress(-1, action + ": Azure Resource Manager is working on it (" + seconds + " s)…");
            }
            Duration wait = response.getRetryAfter() == null ? Duration.ofSeconds(1) : response.getRetryAfter();
            try {
                Thread.sleep(Math.max(50, Math.min(wait.toMillis(), LONGEST_POLL_WAIT.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CosmosDeskException(ErrorKind.CANCELLED, STOPPED_WAITING);
            }
        }
    }
}
