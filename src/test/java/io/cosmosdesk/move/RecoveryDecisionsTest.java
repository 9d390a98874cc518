package io.cosmosdesk.move;

import static io.cosmosdesk.move.RecoveryDecisions.Copy.FOREIGN;
import static io.cosmosdesk.move.RecoveryDecisions.Copy.NONE;
import static io.cosmosdesk.move.RecoveryDecisions.Copy.OURS;
import static io.cosmosdesk.move.RecoveryDecisions.Source.CHANGED;
import static io.cosmosdesk.move.RecoveryDecisions.Source.GONE;
import static io.cosmosdesk.move.RecoveryDecisions.Source.ORIGINAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.move.RecoveryDecisions.ResumeAction;
import io.cosmosdesk.move.RecoveryDecisions.RollBackAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recovery decision table, cell by cell, and what "the same item" means. */
class RecoveryDecisionsTest {

    @Test
    void resume() {
        assertThat(RecoveryDecisions.resume(ORIGINAL, NONE)).isEqualTo(ResumeAction.CREATE_THEN_DELETE);
        assertThat(RecoveryDecisions.resume(ORIGINAL, OURS)).isEqualTo(ResumeAction.DELETE_SOURCE);
        assertThat(RecoveryDecisions.resume(ORIGINAL, FOREIGN)).isEqualTo(ResumeAction.REPORT_CONFLICT);
        assertThat(RecoveryDecisions.resume(CHANGED, OURS)).isEqualTo(ResumeAction.REMOVE_COPY_CHANGED);
        assertThat(RecoveryDecisions.resume(CHANGED, NONE)).isEqualTo(ResumeAction.REPORT_CHANGED);
        assertThat(RecoveryDecisions.resume(CHANGED, FOREIGN)).isEqualTo(ResumeAction.REPORT_CHANGED);
        assertThat(RecoveryDecisions.resume(GONE, OURS)).isEqualTo(ResumeAction.MARK_MOVED);
        assertThat(RecoveryDecisions.resume(GONE, NONE)).isEqualTo(ResumeAction.REPORT_NOT_FOUND);
        assertThat(RecoveryDecisions.resume(GONE, FOREIGN)).isEqualTo(ResumeAction.REPORT_NOT_FOUND);
    }

    @Test
    void rollBack() {
        assertThat(RecoveryDecisions.rollBack(ORIGINAL, OURS, true)).isEqualTo(RollBackAction.REMOVE_COPY);
        assertThat(RecoveryDecisions.rollBack(CHANGED, OURS, false)).isEqualTo(RollBackAction.REMOVE_COPY);
        assertThat(RecoveryDecisions.rollBack(ORIGINAL, NONE, false)).isEqualTo(RollBackAction.NOTHING_TO_UNDO);
        assertThat(RecoveryDecisions.rollBack(ORIGINAL, FOREIGN, false)).isEqualTo(RollBackAction.NOTHING_TO_UNDO);
        assertThat(RecoveryDecisions.rollBack(GONE, OURS, true)).isEqualTo(RollBackAction.RESTORE_SOURCE_THEN_REMOVE_COPY);
        assertThat(RecoveryDecisions.rollBack(GONE, FOREIGN, true)).isEqualTo(RollBackAction.KEEP_IN_TARGET);
        assertThat(RecoveryDecisions.rollBack(GONE, FOREIGN, false)).isEqualTo(RollBackAction.REPORT_NOT_FOUND);
        assertThat(RecoveryDecisions.rollBack(GONE, NONE, true)).isEqualTo(RollBackAction.REPORT_NOT_FOUND);
    }

    @Test
    void sameContentIgnoresTheKeyAndSystemPropertiesButNothingElse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode source = (ObjectNode) json.readTree(
                "{\"id\":\"a\",\"pk\":\"p1\",\"price\":1.0,\"nested\":{\"x\":[1,2]},\"_etag\":\"1\",\"_ts\":5}");
        ObjectNode copy = (ObjectNode) json.readTree(
                "{\"id\":\"a\",\"pk\":\"target\",\"price\":1,\"nested\":{\"x\":[1,2]},\"_etag\":\"2\",\"_rid\":\"r\"}");
        ObjectNode other = (ObjectNode) json.readTree("{\"id\":\"a\",\"pk\":\"target\",\"price\":2,\"nested\":{\"x\":[1,2]}}");
        ObjectNode noKey = (ObjectNode) json.readTree("{\"id\":\"a\",\"price\":1,\"nested\":{\"x\":[1,2]}}");
        assertThat(ItemBodies.sameContent(source, copy, List.of("/pk"))).isTrue();
        assertThat(ItemBodies.sameContent(source, noKey, List.of("/pk"))).isTrue();
        assertThat(ItemBodies.sameContent(source, other, List.of("/pk"))).isFalse();
    }
}
