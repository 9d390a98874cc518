package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the query stores write queries, parameters and scopes in their files; and their private folders. */
final class QueryJson {

    private QueryJson() {
    }

    static ObjectNode write(QueryDraft draft) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("text", draft.text());
        node.set("parameters", writeParameters(draft.parameters()));
        if (draft.scope().isCrossPartition()) {
            node.putNull("scope");
        } else {
            node.set("scope", draft.scope().partitionKey().toJsonArray());
        }
        return node;
    }

    static QueryDraft readDraft(JsonNode node) {
        JsonNode scope = node.path("scope");
        return new QueryDraft(node.path("text").asText(""), readParameters(node.path("parameters")),
                scope.isArray() ? QueryScope.partition(PartitionKeyValue.fromJsonArray(scope)) : QueryScope.crossPartition());
    }

    static ArrayNode writeParameters(List<QueryParameter> parameters) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (QueryParameter parameter : parameters) {
            array.addObject().put("name", parameter.name()).put("type", parameter.type().name())
                    .put("value", parameter.value());
        }
        return array;
    }

    static List<QueryParameter> readParameters(JsonNode array) {
        List<QueryParameter> parameters = new ArrayList<>();
        for (JsonNode node : array) {
            String name = node.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            ParameterType type;
            try {
                type = ParameterType.valueOf(node.path("type").asText("TEXT").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                type = ParameterType.TEXT; // a type from a newer version: the value is kept as text
            }
            parameters.add(new QueryParameter(name, type, node.path("value").asText("")));
        }
        return parameters;
    }

    /** Creates {@code folder} (and parents) owner-only where the file system has permissions. */
    static void privateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
