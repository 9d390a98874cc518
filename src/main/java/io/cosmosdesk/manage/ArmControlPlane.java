package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.ui.TaskContext;

/**
 * The control plane through Azure Resource Manager (azure-resourcemanager-cosmos), signed in with the connection's
 * own Microsoft Entra ID credential: for identities with a control-plane role such as Cosmos DB Operator, whose
 * data-plane roles cannot create, delete or change databases and containers. The account is found from the
 * connection's endpoint (or the subscription and resource group its profile names) and kept per connection.
 *
 * <p>This class holds no Resource Manager type: the SDK loads on the first change made through it, never at
 * start-up. Read-only connections are refused like on the data plane. Blocking: call through the TaskRunner.
 */
public final class ArmControlPlane implements ControlPlane {

    /**
     * The environment variable naming another Resource Manager endpoint (Azure Stack Hub, a proxy, a local one);
     * unset: the Azure cloud each account's endpoint belongs to.
     */
    public static final String ENDPOINT_VARIABLE = "COSMOSDESK_RESOURCE_MANAGER_ENDPOINT";

    private final String resourceManagerEndpoint;
    private final TaskContext context;
    private final ArmControlPlane shared;
    private volatile ArmOperations operations;

    /** Resource Manager of the Azure cloud each account's endpoint belongs to. */
    public ArmControlPlane() {
        this(null);
    }

    /** @param resourceManagerEndpoint another Resource Manager, e.g. https://localhost:8443 (null: Azure's) */
    public ArmControlPlane(String resourceManagerEndpoint) {
        this.resourceManagerEndpoint = resourceManagerEndpoint == null || resourceManagerEndpoint.isBlank() ? null
                : resourceManagerEndpoint.strip();
        this.context = null;
        this.shared = this;
    }

    private ArmControlPlane(ArmControlPlane shared, TaskContext context) {
        this.resourceManagerEndpoint = shared.resourceManagerEndpoint;
        this.context = context;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "Azure Resource Manager";
    }

    @Override
    public ControlPlane reporting(TaskContext taskContext) {
        return new ArmControlPlane(shared, taskContext);
    }

    @Override
    public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
        connection.requireWritable();
        operations().createDatabase(connection, id, throughput, context);
    }

    @Override
    public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
        connection.requireWritable();
        return operations().createContainer(connection, spec, context);
    }

    @Override
    public void deleteDatabase(CosmosConnection connection, String id) {
        connection.requireWritable();
        operations().deleteDatabase(connection, id, context);
    }

    @Override
    public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
        connection.requireWritable();
        operations().deleteContainer(connection, ref, context);
    }

    @Override
    public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag, SettingsChange change) {
        connection.requireWritable();
        operations().replaceSettings(connection, ref, etag, change, context);
    }

    @Override
    public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
            Throughput throughput) {
        connection.requireWritable();
        operations().replaceThroughput(connection, ref, expected, throughput, context);
    }

    private ArmOperations operations() {
        ArmOperations made = shared.operations;
        if (made == null) {
            synchronized (shared) {
                if (shared.operations == null) {
                    shared.operations = new ArmOperations(new ArmAccounts(resourceManagerEndpoint));
                }
                made = shared.operations;
            }
        }
        return made;
    }
}
