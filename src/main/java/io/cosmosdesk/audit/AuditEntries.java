package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ItemContent;
import java.net.URI;

/**
 * Builds {@link AuditEntry}s for {@link AuditedWrites}: who, where, what, and how it ended. The connection is
 * named by its name and endpoint only; an endpoint is cut to scheme, host, port and path, so credentials that
 * were pasted into it (user info, a query) never reach the log.
 */
final class AuditEntries {

    private final AuditLog log;
    private final String user;

    AuditEntries(AuditLog log, String user) {
        this.log = log;
        this.user = user;
    }

    <T> AuditEntry of(ContainerHandle handle, WriteResult<T> result, String job) {
        return of(handle, result, job, true);
    }

    /**
     * {@link #of} without the bodies (before, after), for a line whose bodies were serialised ahead of the answer
     * ({@link AuditLines}); the ETag before still comes from the before-image. {@link #bodiesOf} says which of the
     * write's bodies the line carries.
     */
    <T> AuditEntry fieldsOf(ContainerHandle handle, WriteResult<T> result, String job) {
        return of(handle, result, job, false);
    }

    /**
     * The bodies the entry of {@code result} carries, from those serialised ahead: the before-image (read during
     * the write for a delete of whatever version, serialised now) and what was written (none for a done delete).
     */
    static <T> AuditLines.Bodies bodiesOf(WriteResult<T> result, AuditLines.Bodies ahead) {
        Write<T> write = result.write();
        boolean readBefore = write.before() == null && write.kind() == Write.Kind.DELETE;
        byte[] before = readBefore ? AuditLines.body(result.item()) : ahead.before();
        byte[] after = result.ok() && write.kind() == Write.Kind.DELETE ? null : ahead.after();
        return new AuditLines.Bodies(before, after);
    }

    private <T> AuditEntry of(ContainerHandle handle, WriteResult<T> result, String job, boolean bodies) {
        Write<T> write = result.write();
        // a delete of whatever version: the version read and deleted
        ObjectNode before = write.before() == null && write.kind() == Write.Kind.DELETE ? result.item() : write.before();
        if (result.ok()) {
            boolean delete = write.kind() == Write.Kind.DELETE;
            return entry(handle, write, before, AuditOutcome.OK, null, result.status(), null,
                    delete ? null : result.etag(), delete || !bodies ? null
                            : withoutSystemProperties(write.body()), job, bodies);
        }
        CosmosDeskException error = result.error();
        return entry(handle, write, before, AuditOutcome.FAILED, error, result.status(),
                error == null ? null : error.userMessage(), null,
                bodies ? withoutSystemProperties(write.body()) : null, job, bodies);
    }

    AuditEntry ok(ContainerHandle handle, Write<?> write, int status, String etagAfter, ObjectNode returned,
            String job) {
        boolean delete = write.kind() == Write.Kind.DELETE;
        ObjectNode after = delete ? null
                : withoutSystemProperties(returned != null ? returned : write.body());
        return entry(handle, write, write.before(), AuditOutcome.OK, null, status, null, delete ? null : etagAfter,
                after, job, true);
    }

    AuditEntry failed(ContainerHandle handle, Write<?> write, CosmosDeskException error, int status, String job) {
        return entry(handle, write, write.before(), AuditOutcome.FAILED, error, status, error == null ? null : error.userMessage(),
                null, withoutSystemProperties(write.body()), job, true);
    }

    AuditEntry refused(ContainerHandle handle, Write<?> write, CosmosDeskException why, String job) {
        return entry(handle, write, write.before(), AuditOutcome.REFUSED, why, 0, why.userMessage(), null,
                withoutSystemProperties(write.body()), job, true);
    }

    private AuditEntry entry(ContainerHandle handle, Write<?> write, ObjectNode before, AuditOutcome outcome,
            CosmosDeskException error, int status, String message, String etagAfter, ObjectNode after, String job,
            boolean bodies) {
        ConnectionProfile profile = handle.connection().profile();
        String etagBefore = write.ifMatch() != null ? write.ifMatch()
                : before != null && before.hasNonNull("_etag") ? before.get("_etag").asText() : null;
        return new AuditEntry(log.now().toString(), user, profile.name(), safeEndpoint(profile.endpoint()),
                handle.ref().databaseId(), handle.ref().containerId(), write.id(), write.key().toJsonArray(),
                write.operation().code(), outcome.name().toLowerCase(java.util.Locale.ROOT),
                error == null ? null : error.kind().name(), status, message, etagBefore, etagAfter,
                bodies ? withoutSystemProperties(before) : null, after, job);
    }

    /** Scheme, host, port and path of an endpoint; never user info or a query (where a secret could hide). */
    static String safeEndpoint(String endpoint) {
        if (endpoint == null) {
            return "";
        }
        try {
            URI uri = new URI(endpoint.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (java.net.URISyntaxException e) {
            // not a URI: fall through
        }
        return "(not a URL)";
    }

    /** The item without its system properties (a copy only when it has some). */
    static ObjectNode withoutSystemProperties(ObjectNode item) {
        if (item == null) {
            return null;
        }
        for (String property : ItemContent.SYSTEM_PROPERTIES) {
            if (item.has(property)) {
                return ItemContent.withoutSystemProperties(item);
            }
        }
        return item;
    }
}
