package io.cosmosdesk.manage;

import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedResourceChanges;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which {@link ControlPlane} a connection uses: the data plane ({@link ResourceAdmin}) unless the data plane
 * refused the connection's Microsoft Entra ID token for such a change and the user agreed to make it through
 * Azure Resource Manager instead (where their identity has a control-plane role such as Cosmos DB Operator).
 * Remembered per open connection.
 */
public final class ControlPlaneSwitch {

    /** Asked when the data plane refused an Entra ID token and Azure Resource Manager can be tried. */
    public static final String OFFER = ResourceAdmin.ENTRA_CONTROL_PLANE + " CosmosDesk can make this change through"
            + " Azure Resource Manager with your Microsoft Entra ID sign-in, if your identity has such a role on the"
            + " account. Try that?";

    private final ControlPlane dataPlane;
    private final ControlPlane resourceManager;
    private final AuditedResourceChanges audit;
    private final Set<CosmosConnection> agreed = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /** {@code resourceManager} null: not available in this build; the refusal's sentence is all there is. */
    public ControlPlaneSwitch(ControlPlane dataPlane, ControlPlane resourceManager) {
        this(dataPlane, resourceManager, null);
    }

    /**
     * @param audit where database and container creates and deletes are recorded, through either plane (null:
     *        not recorded, for tests of the planes alone)
     */
    public ControlPlaneSwitch(ControlPlane dataPlane, ControlPlane resourceManager, AuditedResourceChanges audit) {
        this.dataPlane = dataPlane;
        this.resourceManager = resourceManager;
        this.audit = audit;
    }

    public ControlPlane forConnection(CosmosConnection connection) {
        ControlPlane plane = chosen(connection);
        return audit == null ? plane : new AuditedControlPlane(plane, audit);
    }

    /**
     * Records a create or delete the UI refused before asking a plane (a read-only connection), as the plane's own
     * refusal is recorded. {@code container} null for a database.
     */
    public void refused(CosmosConnection connection, AuditOperation operation, String database, String container,
            CosmosDeskException why) {
        if (audit != null) {
            new AuditedControlPlane(chosen(connection), audit).refused(connection, operation, database, container,
                    why);
        }
    }

    /** Whether this connection's changes go through Azure Resource Manager (the user agreed to it). */
    public boolean usesResourceManager(CosmosConnection connection) {
        return resourceManager != null && agreed.contains(connection);
    }

    /**
     * Whether a switch between manual and autoscale throughput can be asked for: Azure Resource Manager makes it as a
     * migration, so only a connection that uses it, or whose Entra ID refusal will offer it, can.
     */
    public boolean canSwitchThroughputMode(CosmosConnection connection) {
        return usesResourceManager(connection)
                || resourceManager != null && connection.profile().authKind() == AuthKind.ENTRA_ID;
    }

    private ControlPlane chosen(CosmosConnection connection) {
        return resourceManager != null && agreed.contains(connection) ? resourceManager : dataPlane;
    }

    public ControlPlane dataPlane() {
        return dataPlane;
    }

    public Optional<ControlPlane> resourceManager() {
        return Optional.ofNullable(resourceManager);
    }

    /**
     * Whether to offer Azure Resource Manager after {@code failure}: the data plane refused an Entra ID token for
     * a control-plane change, Resource Manager is available, and this connection does not use it already.
     */
    public boolean canOffer(CosmosConnection connection, Throwable failure) {
        return resourceManager != null && !agreed.contains(connection)
                && connection.profile().authKind() == AuthKind.ENTRA_ID && isEntraRefusal(failure);
    }

    /** The user agreed: this connection's control-plane changes go through Azure Resource Manager from now on. */
    public void agree(CosmosConnection connection) {
        agreed.add(connection);
    }

    public static boolean isEntraRefusal(Throwable failure) {
        return failure instanceof CosmosDeskException e && e.kind() == ErrorKind.FORBIDDEN
                && ResourceAdmin.ENTRA_CONTROL_PLANE.equals(e.userMessage());
    }
}
