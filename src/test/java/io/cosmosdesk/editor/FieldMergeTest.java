package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.editor.FieldMerge.Change;
import io.cosmosdesk.editor.FieldMerge.Side;
import org.junit.jupiter.api.Test;

class FieldMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void changesToDifferentFieldsMergeAndNothingOfTheirsIsLost() throws Exception {
        ObjectNode base = json("{'id':'a','status':'open','email':'a@x','phone':'1','_etag':'\\\"1\\\"','_ts':1}");
        ObjectNode theirs = json("{'id':'a','status':'closed','email':'b@x','phone':'1','_etag':'\\\"2\\\"','_ts':2}");
        ObjectNode yours = json("{'id':'a','status':'open','email':'a@x','phone':'2','_etag':'\\\"1\\\"','_ts':1}");

        FieldMerge.Result result = FieldMerge.merge(base, theirs, yours);

        assertThat(result.hasClash()).isFalse();
        assertThat(result.merged()).isEqualTo(json(
                "{'id':'a','status':'closed','email':'b@x','phone':'2','_etag':'\\\"2\\\"','_ts':2}"));
        assertThat(result.changes()).containsExactly(new Change("/status", Side.THEIRS),
                new Change("/email", Side.THEIRS), new Change("/phone", Side.YOURS));
    }

    @Test
    void theSameFieldChangedByBothIsAClashAndTheSameChangeIsNot() throws Exception {
        ObjectNode base = json("{'id':'a','status':'open','n':1}");
        ObjectNode theirs = json("{'id':'a','status':'closed','n':2.0}");
        ObjectNode yours = json("{'id':'a','status':'pending','n':2}");

        FieldMerge.Result result = FieldMerge.merge(base, theirs, yours);

        assertThat(result.hasClash()).isTrue();
        assertThat(result.changes()).containsExactly(new Change("/status", Side.CLASH),
                new Change("/n", Side.BOTH_ALIKE));
        assertThat(result.merged().get("status").asText()).as("Overwrite takes yours at a clash").isEqualTo("pending");
    }

    @Test
    void nestedObjectsMergeFieldByFieldArraysAreValues() throws Exception {
        ObjectNode base = json("{'id':'a','address':{'city':'Oslo','zip':'1'},'tags':['x','y']}");
        ObjectNode theirs = json("{'id':'a','address':{'city':'Bergen','zip':'1'},'tags':['x','y','z']}");
        ObjectNode yours = json("{'id':'a','address':{'city':'Oslo','zip':'2'},'tags':['y']}");

        FieldMerge.Result result = FieldMerge.merge(base, theirs, yours);

        assertThat(result.changes()).containsExactly(new Change("/address/city", Side.THEIRS),
                new Change("/address/zip", Side.YOURS), new Change("/tags", Side.CLASH));
        assertThat(result.merged().get("address")).isEqualTo(json("{'city':'Bergen','zip':'2'}"));

        // one side alone changing a nested field is named by its own path, not by the whole object
        FieldMerge.Result oneSide = FieldMerge.merge(base, base, json(
                "{'id':'a','address':{'city':'Oslo','zip':'3'},'tags':['x','y']}"));
        assertThat(oneSide.changes()).containsExactly(new Change("/address/zip", Side.YOURS));
    }

    @Test
    void removedFieldsAreChangesToo() throws Exception {
        ObjectNode base = json("{'id':'a','note':'n','old':1,'keep':true}");
        ObjectNode theirs = json("{'id':'a','note':'n','keep':true,'added':'t'}");
        ObjectNode yours = json("{'id':'a','old':1,'keep':true,'mine':'y'}");

        FieldMerge.Result result = FieldMerge.merge(base, theirs, yours);

        assertThat(result.hasClash()).isFalse();
        assertThat(result.merged()).isEqualTo(json("{'id':'a','keep':true,'added':'t','mine':'y'}"));
        assertThat(result.paths(Side.THEIRS)).containsExactlyInAnyOrder("/old", "/added");
        assertThat(result.paths(Side.YOURS)).containsExactlyInAnyOrder("/note", "/mine");

        // removed by one, changed by the other: a clash
        FieldMerge.Result clash = FieldMerge.merge(base, json("{'id':'a','old':1,'keep':true}"),
                json("{'id':'a','note':'changed','old':1,'keep':true}"));
        assertThat(clash.changes()).containsExactly(new Change("/note", Side.CLASH));
    }
}
