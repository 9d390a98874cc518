package io.cosmosdesk.scripts;

import com.azure.cosmos.CosmosAsyncScripts;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosStoredProcedureProperties;
import com.azure.cosmos.models.CosmosStoredProcedureRequestOptions;
import com.azure.cosmos.models.CosmosStoredProcedureResponse;
import com.azure.cosmos.models.CosmosTriggerProperties;
import com.azure.cosmos.models.CosmosUserDefinedFunctionProperties;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.Write;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.cosmos.ScriptKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored procedures, triggers and user-defined functions of a container: read, create, replace (conditional on the
 * ETag the editor loaded), delete, and run a stored procedure. Changes and runs go through {@link AuditedWrites}
 * (refused on read-only connections, recorded in the audit log). Blocking; call through the TaskRunner.
 */
public class ScriptService {

    /** The script's own words in the service's answer: {@code Exception = Error: the order is closed}. */
    private static final Pattern SCRIPT_EXCEPTION = Pattern.compile("Exception = (.*?)(?:\\\\r\\\\n|\\\\n|\\r\\n|\\\\\"\\]|\"\\]|$)",
            Pattern.DOTALL);

    private final AuditedWrites writes;
    private final ResourceService resources;

    public ScriptService(AuditedWrites writes, ResourceService resources) {
        this.writes = Objects.requireNonNull(writes);
        this.resources = Objects.requireNonNull(resources);
    }

    public List<String> readScriptIds(ContainerHandle handle, ScriptKind kind) {
        return resources.readScriptIds(handle.connection(), handle.ref(), kind);
    }

    public ScriptDefinition readScript(ContainerHandle handle, ScriptKind kind, String id) {
        try {
            return read(scripts(handle), kind, id);
        } catch (RuntimeException e) {
            throw sentence(CosmosErrors.map("Reading " + kind.noun() + " '" + id + "'", e), kind, id);
        }
    }

    public ScriptDefinition createScript(ContainerHandle handle, ScriptDefinition script) {
        Write<Void> write = Write.create(AuditOperation.SCRIPT_CREATE, script.id(), PartitionKeyValue.of(),
                script.toAuditBody(), null);
        try {
            return writes.scriptChange(handle, write, () -> {
                CosmosAsyncScripts scripts = scripts(handle);
                String etag = switch (script.kind()) {
                    case STORED_PROCEDURE -> scripts.createStoredProcedure(
                            new CosmosStoredProcedureProperties(script.id(), script.body())).block().getProperties().getETag();
                    case TRIGGER -> scripts.createTrigger(trigger(script)).block().getProperties().getETag();
                    case USER_DEFINED_FUNCTION -> scripts.createUserDefinedFunction(
                            new CosmosUserDefinedFunctionProperties(script.id(), script.body())).block().getProperties()
                            .getETag();
                };
                return script.withEtag(etag);
            });
        } catch (RuntimeException e) {
            throw sentence(CosmosErrors.map("Creating " + script.kind().noun() + " '" + script.id() + "'", e,
                    Set.of(ErrorKind.CONFLICT, ErrorKind.READ_ONLY)), script.kind(), script.id());
        }
    }

    /**
     * Replaces the script with {@code script} only if it still has {@code script.etag()} (the version the editor
     * loaded): a change by someone else since is reported, not overwritten. Every kind sends the ETag as If-Match
     * (triggers and functions through {@link ConditionalScripts}: the SDK's public API takes no options there).
     */
    public ScriptDefinition replaceScript(ContainerHandle handle, ScriptDefinition script) {
        Write<Void> write = Write.replace(AuditOperation.SCRIPT_REPLACE, script.id(), PartitionKeyValue.of(),
                script.toAuditBody(), script.etag(), null, null);
        try {
            return writes.scriptChange(handle, write, () -> {
                CosmosAsyncScripts scripts = scripts(handle);
                if (script.kind() == ScriptKind.STORED_PROCEDURE) {
                    CosmosStoredProcedureRequestOptions options = new CosmosStoredProcedureRequestOptions();
                    if (script.etag() != null) {
                        options.setIfMatchETag(script.etag());
                    }
                    // the SDK addresses a replace by the properties' self link: start from the stored ones
                    CosmosStoredProcedureProperties properties = scripts.getStoredProcedure(script.id()).read()
                            .block().getProperties();
                    properties.setBody(script.body());
                    return script.withEtag(scripts.getStoredProcedure(script.id()).replace(properties, options)
                            .block().getProperties().getETag());
                }
                // one conditional request (If-Match on the loaded ETag): nothing to overwrite between a compare and it
                String etag = script.kind() == ScriptKind.TRIGGER
                        ? ConditionalScripts.replaceTrigger(handle, script, script.etag())
                        : ConditionalScripts.replaceFunction(handle, script, script.etag());
                return script.withEtag(etag);
            });
        } catch (RuntimeException e) {
            throw sentence(CosmosErrors.map("Saving " + script.kind().noun() + " '" + script.id() + "'", e,
                    Set.of(ErrorKind.CHANGED_BY_SOMEONE_ELSE, ErrorKind.NOT_FOUND, ErrorKind.READ_ONLY)),
                    script.kind(), script.id());
        }
    }

    public void deleteScript(ContainerHandle handle, ScriptKind kind, String id, String ifMatch) {
        Write<Void> write = Write.delete(AuditOperation.SCRIPT_DELETE, id, PartitionKeyValue.of(), ifMatch, null, null);
        try {
            writes.scriptChange(handle, write, () -> {
                CosmosAsyncScripts scripts = scripts(handle);
                switch (kind) {
                    case STORED_PROCEDURE -> {
                        CosmosStoredProcedureRequestOptions options = new CosmosStoredProcedureRequestOptions();
                        if (ifMatch != null) {
                            options.setIfMatchETag(ifMatch);
                        }
                        scripts.getStoredProcedure(id).delete(options).block();
                    }
                    case TRIGGER, USER_DEFINED_FUNCTION -> ConditionalScripts.delete(handle, kind, id, ifMatch);
                }
                return Boolean.TRUE;
            });
        } catch (RuntimeException e) {
            throw sentence(CosmosErrors.map("Deleting " + kind.noun() + " '" + id + "'", e,
                    Set.of(ErrorKind.NOT_FOUND, ErrorKind.READ_ONLY)), kind, id);
        }
    }

    /** Runs the stored procedure in partition {@code key} with {@code parameters}; its log is asked for. */
    public ExecutionResult executeStoredProcedure(ContainerHandle handle, String id, PartitionKeyValue key,
            List<Object> parameters) {
        try {
            CosmosStoredProcedureResponse response = writes.executeStoredProcedure(handle, id, key, parameters, true);
            return new ExecutionResult(response.getResponseAsString(), response.getScriptLog(),
                    response.getRequestCharge());
        } catch (RuntimeException e) {
            CosmosDeskException mapped = CosmosErrors.map("Running stored procedure '" + id + "'", e,
                    Set.of(ErrorKind.BAD_REQUEST, ErrorKind.TIMEOUT, ErrorKind.READ_ONLY));
            throw executionSentence(mapped, e, id);
        }
    }

    private static CosmosAsyncScripts scripts(ContainerHandle handle) {
        return handle.container().getScripts();
    }

    private static ScriptDefinition read(CosmosAsyncScripts scripts, ScriptKind kind, String id) {
        return switch (kind) {
            case STORED_PROCEDURE -> {
                CosmosStoredProcedureProperties p = scripts.getStoredProcedure(id).read().block().getProperties();
                yield new ScriptDefinition(kind, p.getId(), p.getBody(), null, null, p.getETag());
            }
            case TRIGGER -> {
                CosmosTriggerProperties p = scripts.getTrigger(id).read().block().getProperties();
                yield new ScriptDefinition(kind, p.getId(), p.getBody(), p.getTriggerType(), p.getTriggerOperation(),
                        p.getETag());
            }
            case USER_DEFINED_FUNCTION -> {
                CosmosUserDefinedFunctionProperties p = scripts.getUserDefinedFunction(id).read().block()
                        .getProperties();
                yield new ScriptDefinition(kind, p.getId(), p.getBody(), null, null, p.getETag());
            }
        };
    }

    private static CosmosTriggerProperties trigger(ScriptDefinition script) {
        CosmosTriggerProperties properties = new CosmosTriggerProperties(script.id(), script.body());
        properties.setTriggerType(script.triggerType());
        properties.setTriggerOperation(script.triggerOperation());
        return properties;
    }

    /** The sentences of this feature where the general ones would mislead ("an item with this id..."). */
    static CosmosDeskException sentence(CosmosDeskException e, ScriptKind kind, String id) {
        String what = "The " + kind.noun() + " '" + id + "'";
        String text = switch (e.kind()) {
            case CONFLICT -> "A " + kind.noun() + " named '" + id + "' already exists in this container: choose "
                    + "another id, or open that one from the tree. Your text is still here.";
            case CHANGED_BY_SOMEONE_ELSE -> "Someone else changed " + what.substring(0, 1).toLowerCase()
                    + what.substring(1) + " since you opened it, so your version was not saved (it is still here). "
                    + "Reload to see theirs.";
            case NOT_FOUND -> what + " no longer exists: it may have been deleted by someone else. Your text is "
                    + "still here; copy it into a new " + kind.noun() + " to keep it.";
            default -> null;
        };
        return text == null ? e : rephrase(e, text);
    }

    static CosmosDeskException executionSentence(CosmosDeskException e, Throwable raw, String id) {
        String message = serviceMessage(raw);
        return switch (e.kind()) {
            case TIMEOUT -> rephrase(e, "The stored procedure '" + id + "' did not finish within the time Cosmos DB "
                    + "allows a script and was stopped; nothing it wrote was kept. Make it do less per run.");
            case BAD_REQUEST -> {
                Matcher m = SCRIPT_EXCEPTION.matcher(message);
                yield m.find() ? rephrase(e, "The stored procedure '" + id + "' failed: "
                        + m.group(1).replace("\\\"", "\"").strip() + ". Nothing it wrote was kept.") : e;
            }
            case NOT_FOUND -> rephrase(e, "The stored procedure '" + id + "' no longer exists: it may have been "
                    + "deleted by someone else.");
            default -> e;
        };
    }

    private static String serviceMessage(Throwable raw) {
        for (Throwable t = raw; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CosmosException cosmos) {
                String message = cosmos.getShortMessage();
                return message == null ? String.valueOf(cosmos.getMessage()) : message;
            }
        }
        return "";
    }

    private static CosmosDeskException rephrase(CosmosDeskException e, String text) {
        return new CosmosDeskException(e.kind(), text, e.statusCode(), e.subStatusCode(), e.activityId(),
                e.requestCharge(), e);
    }
}
