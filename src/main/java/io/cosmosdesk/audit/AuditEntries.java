package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
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
        return of(handle, result, job, true, log.now().toString());
    }

    /**
     * What of {@code write}'s entry is known before it is sent ({@link AuditLines.Ahead}). Only where
     * {@link #aheadPossible}: a delete of whatever version learns its before-image (and ETag) with the answer.
     */
    AuditLines.Ahead ahead(ContainerHandle handle, Write<?> write, String job) {
        ConnectionProfile profile = handle.connection().profile();
        AuditEntry known = new AuditEntry(null, user, profile.name(), safeEndpointOf(profile.endpoint()),
                handle.ref().databaseId(), handle.ref().containerId(), write.id(), write.key().toJsonArray(),
                write.operation().code(), null, null, 0, null, etagBefore(write, write.before()), null, null, null, job);
        ObjectNode fields = Json.MAPPER.valueToTree(known);
        fields.remove("status"); // the answer's
        try {
            return new AuditLines.Ahead(AuditLines.members(Json.MAPPER.writeValueAsBytes(fields)),
                    AuditLines.body(write.before()), AuditLines.body(write.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean aheadPossible(Write<?> write) {
        return write.kind() != Write.Kind.READ && !(write.before() == null && write.kind() == Write.Kind.DELETE);
    }

    /**
     * The fields of {@code result}'s entry that its answer decides (time, outcome, status, error, ETag after);
     * {@code time} is when the answer came ({@link AuditLog#now}), shared by a batch's answers, which come together.
     */
    <T> AuditEntry answerOf(WriteResult<T> result, String time) {
        return of(null, result, null, false, time);
    }

    /** Whether {@code result}'s line carries what it wrote: not for a delete that was done. */
    static boolean carriesAfter(WriteResult<?> result) {
        return !(result.ok() && result.write().kind() == Write.Kind.DELETE);
    }

    private <T> AuditEntry of(ContainerHandle handle, WriteResult<T> result, String job, boolean bodies,
            String time) {
        Write<T> write = result.write();
        // a delete of whatever version: the version read and deleted
        ObjectNode before = write.before() == null && write.kind() == Write.Kind.DELETE ? result.item() : write.before();
        if (result.ok()) {
            boolean delete = write.kind() == Write.Kind.DELETE;
            return entry(time, handle, write, before, AuditOutcome.OK, null, result.status(), null,
                    delete ? null : result.etag(), delete || !bodies ? null
                            : withoutSystemProperties(write.body()), job, bodies);
        }
        CosmosDeskException error = result.error();
        return entry(time, handle, write, before, AuditOutcome.FAILED, error, result.status(),
                error == null ? null : error.userMessage(), null,
                bodies ? withoutSystemProperties(write.body()) : null, job, bodies);
    }

    AuditEntry ok(ContainerHandle handle, Write<?> write, int status, String etagAfter, ObjectNode returned,
            String job) {
        boolean delete = write.kind() == Write.Kind.DELETE;
        ObjectNode after = delete ? null
                : withoutSystemProperties(returned != null ? returned : write.body());
        return entry(log.now().toString(), handle, write, write.before(), AuditOutcome.OK, null, status, null,
                delete ? null : etagAfter,
                after, job, true);
    }

    AuditEntry failed(ContainerHandle handle, Write<?> write, CosmosDeskException error, int status, String job) {
        return entry(log.now().toString(), handle, write, write.before(), AuditOutcome.FAILED, error, status,
                error == null ? null : error.userMessage(),
                null, withoutSystemProperties(write.body()), job, true);
    }

    AuditEntry refused(ContainerHandle handle, Write<?> write, CosmosDeskException why, String job) {
        return entry(log.now().toString(), handle, write, write.before(), AuditOutcome.REFUSED, why, 0,
                why.userMessage(), null,
                withoutSystemProperties(write.body()), job, true);
    }

    private AuditEntry entry(String time, ContainerHandle handle, Write<?> write, ObjectNode before, AuditOutcome outcome,
            CosmosDeskException error, int status, String message, String etagAfter, ObjectNode after, String job,
            boolean bodies) {
        if (handle == null) {
            // the answer's part only (a line whose other fields were written ahead)
            return new AuditEntry(time, null, null, null, null, null, null, null, null,
                    outcome.name().toLowerCase(java.util.Locale.ROOT), error == null ? null : error.kind().name(),
                    status, message, null, etagAfter, null, null, null);
        }
        ConnectionProfile profile = handle.connection().profile();
        return new AuditEntry(time, user, profile.name(), safeEndpointOf(profile.endpoint()),
                handle.ref().databaseId(), handle.ref().containerId(), write.id(), write.key().toJsonArray(),
                write.operation().code(), outcome.name().toLowerCase(java.util.Locale.ROOT),
                error == null ? null : error.kind().name(), status, message, etagBefore(write, before), etagAfter,
                bodies ? withoutSystemProperties(before) : null, after, job);
    }

    private static String etagBefore(Write<?> write, ObjectNode before) {
        return write.ifMatch() != null ? write.ifMatch()
                : before != null && before.hasNonNull("_etag") ? before.get("_etag").asText() : null;
    }

    /** {@link #safeEndpoint} of the last endpoint asked, kept: a batch's entries all name the same one. */
    private volatile String[] lastEndpoint = {null, null};

    private String safeEndpointOf(String endpoint) {
        String[] last = lastEndpoint;
        if (endpoint != null && endpoint.equals(last[0])) {
            return last[1];
        }
        String safe = safeEndpoint(endpoint);
        lastEndpoint = new String[] {endpoint, safe};
        return safe;
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
