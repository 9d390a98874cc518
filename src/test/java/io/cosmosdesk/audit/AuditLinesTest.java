package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's lines are put together by hand from bytes: they must be exactly what Jackson writes for the entry. */
class AuditLinesTest {

    private static final String TIME = "2026-12-06T10:15:30.123456Z";

    /** Answers as the batch recorder makes them: only the fields an answer decides. */
    private static List<AuditEntry> answers() {
        return List.of(
                answer("ok", null, 201, null, "\"0a00-1234\""),
                answer("ok", null, 204, null, null),
                answer("failed", "CONFLICT", 409, "An item with id \"a\" already exists.", null),
                answer("failed", "UNREACHABLE", 0, "Line one\nline two\ttab \\ back, ctrl \u0001, é, 漢, 🙂", null),
                answer("refused", "READ_ONLY", 0, "", null),
                answer(null, null, 0, null, null));
    }

    private static AuditEntry answer(String outcome, String errorKind, int status, String message, String etag) {
        return new AuditEntry(TIME, null, null, null, null, null, null, null, null, outcome, errorKind, status,
                message, null, etag, null, null, null);
    }

    @Test
    void anAnswersFieldsAreJacksonsBytesOfTheRecord() throws Exception {
        for (AuditEntry answer : answers()) {
            AuditLines.Buffer out = new AuditLines.Buffer(16);
            AuditLines.answerFields(out, answer);
            String jackson = Json.MAPPER.writeValueAsString(answer);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(jackson.substring(0, jackson.length() - 1));
        }
    }

    @Test
    void aLineSplicedFromAheadPartsReadsBackAsTheWholeEntry() throws Exception {
        AuditEntry whole = new AuditEntry(TIME, "ann", "Orders", "https://acct.documents.azure.com:443/", "retail",
                "orders", "o-1", PartitionKeyValue.of("c1").toJsonArray(), "move-copy", "failed", "CONFLICT", 409,
                "It \"exists\".", "\"e1\"", null, Json.MAPPER.createObjectNode().put("id", "o-1").put("n", 1),
                Json.MAPPER.createObjectNode().put("id", "o-1").put("n", 2), "job-1");
        AuditEntry known = new AuditEntry(null, whole.user(), whole.connection(), whole.endpoint(), whole.database(),
                whole.container(), whole.id(), whole.partitionKey(), whole.operation(), null, null, 0, null,
                whole.etagBefore(), null, null, null, whole.job());
        com.fasterxml.jackson.databind.node.ObjectNode head = Json.MAPPER.valueToTree(known);
        head.remove("status");
        AuditLines.Buffer out = new AuditLines.Buffer(16);
        AuditLines.line(out, answer("failed", "CONFLICT", 409, "It \"exists\".", null),
                AuditLines.members(Json.MAPPER.writeValueAsBytes(head)),
                AuditLines.body((com.fasterxml.jackson.databind.node.ObjectNode) whole.before()),
                AuditLines.body((com.fasterxml.jackson.databind.node.ObjectNode) whole.after()));
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n");
        assertThat(AuditLog.parse(line.strip())).isEqualTo(whole);
        assertThat(out.bytes().remaining()).isEqualTo(out.size());
    }
}
