package io.cosmosdesk.scripts;

import com.azure.cosmos.CosmosBridgeInternal;
import com.azure.cosmos.implementation.AsyncDocumentClient;
import com.azure.cosmos.implementation.RequestOptions;
import com.azure.cosmos.implementation.ResourceResponse;
import com.azure.cosmos.implementation.Trigger;
import com.azure.cosmos.implementation.UserDefinedFunction;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ScriptKind;

/**
 * Conditional replace and delete of triggers and user-defined functions. The SDK's public API (4.x) takes no
 * request options there ({@code CosmosAsyncTrigger.replace(properties)}, {@code delete()}), so it cannot send
 * If-Match; comparing ETags first and replacing after leaves a window in which someone else's change is
 * overwritten. This goes one level down, to the document client the SDK's own replace and delete call (the same
 * request, addressed by the same name-based link), and adds the If-Match header: the service refuses a stale
 * version with 412 in the same request, so there is no window. It leans on the SDK's implementation package
 * (public classes, not covered by its compatibility promise); ScriptServiceIT proves it against the server on
 * every build, so an SDK upgrade that moves it fails there, not in a user's hands.
 */
final class ConditionalScripts {

    private ConditionalScripts() {
    }

    /** Replaces the trigger, only if it still has {@code ifMatch} (null: unconditionally); the new ETag. */
    static String replaceTrigger(ContainerHandle handle, ScriptDefinition script, String ifMatch) {
        Trigger trigger = new Trigger();
        trigger.setId(script.id());
        trigger.setBody(script.body());
        trigger.setTriggerType(script.triggerType());
        trigger.setTriggerOperation(script.triggerOperation());
        trigger.setSelfLink(link(handle, ScriptKind.TRIGGER, script.id()));
        ResourceResponse<Trigger> response = client(handle).replaceTrigger(trigger, options(ifMatch)).block();
        return response.getResource().getETag();
    }

    /** Replaces the function, only if it still has {@code ifMatch} (null: unconditionally); the new ETag. */
    static String replaceFunction(ContainerHandle handle, ScriptDefinition script, String ifMatch) {
        UserDefinedFunction function = new UserDefinedFunction();
        function.setId(script.id());
        function.setBody(script.body());
        function.setSelfLink(link(handle, ScriptKind.USER_DEFINED_FUNCTION, script.id()));
        ResourceResponse<UserDefinedFunction> response = client(handle).replaceUserDefinedFunction(function,
                options(ifMatch)).block();
        return response.getResource().getETag();
    }

    /** Deletes the trigger or function, only if it still has {@code ifMatch} (null: unconditionally). */
    static void delete(ContainerHandle handle, ScriptKind kind, String id, String ifMatch) {
        String link = link(handle, kind, id);
        if (kind == ScriptKind.TRIGGER) {
            client(handle).deleteTrigger(link, options(ifMatch)).block();
        } else if (kind == ScriptKind.USER_DEFINED_FUNCTION) {
            client(handle).deleteUserDefinedFunction(link, options(ifMatch)).block();
        } else {
            throw new IllegalArgumentException("Stored procedures take If-Match through the public API");
        }
    }

    private static AsyncDocumentClient client(ContainerHandle handle) {
        return CosmosBridgeInternal.getAsyncDocumentClient(handle.connection().client());
    }

    private static RequestOptions options(String ifMatch) {
        RequestOptions options = new RequestOptions();
        if (ifMatch != null) {
            options.setIfMatchETag(ifMatch);
        }
        return options;
    }

    /** The name-based link the SDK's own calls use: {@code dbs/retail/colls/orders/triggers/stamp}. */
    private static String link(ContainerHandle handle, ScriptKind kind, String id) {
        return "dbs/" + handle.ref().databaseId() + "/colls/" + handle.ref().containerId()
                + (kind == ScriptKind.TRIGGER ? "/triggers/" : "/udfs/") + id;
    }
}
