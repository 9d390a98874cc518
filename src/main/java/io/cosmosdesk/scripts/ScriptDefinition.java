package io.cosmosdesk.scripts;

import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ScriptKind;
import io.cosmosdesk.json.Json;
import java.util.Objects;

/**
 * A stored procedure, trigger or user-defined function as stored: its id, its JavaScript, and for triggers when
 * (pre/post) and on what it runs. {@code etag} is the stored version's (null before it is created).
 */
public record ScriptDefinition(ScriptKind kind, String id, String body, TriggerType triggerType,
        TriggerOperation triggerOperation, String etag) {

    public ScriptDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        body = body == null ? "" : body;
        if (kind == ScriptKind.TRIGGER) {
            triggerType = triggerType == null ? TriggerType.PRE : triggerType;
            triggerOperation = triggerOperation == null ? TriggerOperation.ALL : triggerOperation;
        } else {
            triggerType = null;
            triggerOperation = null;
        }
    }

    public static ScriptDefinition of(ScriptKind kind, String id, String body) {
        return new ScriptDefinition(kind, id, body, null, null, null);
    }

    public ScriptDefinition withEtag(String newEtag) {
        return new ScriptDefinition(kind, id, body, triggerType, triggerOperation, newEtag);
    }

    /** What the audit log records as the definition. */
    ObjectNode toAuditBody() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", kind.noun());
        node.put("id", id);
        node.put("body", body);
        if (triggerType != null) {
            node.put("triggerType", triggerType.toString());
            node.put("triggerOperation", triggerOperation.toString());
        }
        return node;
    }
}
