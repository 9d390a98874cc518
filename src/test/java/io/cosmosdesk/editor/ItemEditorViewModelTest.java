package io.cosmosdesk.editor;

import static io.cosmosdesk.testing.ChoiceMatchers.offering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The editor's behaviour without a toolkit: a synchronous TaskRunner and mocks of the service and dialogs. */
class ItemEditorViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PartitionKeyValue PK = PartitionKeyValue.of("p");

    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private final List<ObjectNode> saved = new ArrayList<>();
    private final List<DeletedItem> deleted = new ArrayList<>();
    private ItemEditorViewModel editor;
    private ContainerHandle handle;

    @BeforeEach
    void createEditor() {
        editor = new ItemEditorViewModel(items, tasks, dialogs);
        editor.setOnSaved(saved::add);
        editor.setOnDeleted(deleted::add);
        handle = handle(false, "/pk");
    }

    private static ContainerHandle handle(boolean readOnly, String... paths) {
        ConnectionProfile profile = ConnectionProfile.create("Prod", AuthKind.KEY, "https://acct.documents.azure.com")
                .withReadOnly(readOnly);
        return new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of(paths), paths.length > 1, null));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ItemVersion version(String text, String etag) {
        ObjectNode item = json(text);
        item.put("_rid", "rid==");
        item.put("_self", "dbs/x/colls/y/docs/z/");
        item.put("_etag", etag);
        item.put("_ts", 1_700_000_000L);
        item.put("_attachments", "attachments/");
        return new ItemVersion(item, etag);
    }

    /** Opens {"id":"a","pk":"p","n":1} read with ETag "e1". */
    private void openA() {
        when(items.readItem(handle, "a", PK)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":1}", "\"e1\""));
        editor.open(handle, "a", PK);
    }

    private void edit(String from, String to) {
        assertThat(editor.getText()).contains(from);
        editor.textProperty().set(editor.getText().replace(from, to));
    }

    @Test
    void openShowsThePrettyItemWithoutSystemPropertiesWhichArePanelledReadOnly() {
        openA();
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.EXISTING);
        assertThat(editor.getText()).isEqualTo("{\n  \"id\": \"a\",\n  \"pk\": \"p\",\n  \"n\": 1\n}");
        assertThat(editor.systemProperties()).extracting(SystemProperty::name)
                .containsExactly("_rid", "_self", "_etag", "_ts", "_attachments");
        assertThat(editor.systemProperties()).filteredOn(p -> p.name().equals("_ts")).singleElement()
                .extracting(SystemProperty::value).asString().startsWith("2023-11-14 22:13:20 UTC");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.saveBlockedReasonProperty().get()).isEqualTo("No changes to save.");
        assertThat(editor.titleProperty().get()).isEqualTo("a");
    }

    @Test
    void typingMakesTheItemDirtyAndTypingItBackMakesItClean() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.titleProperty().get()).isEqualTo("a ●");
        assertThat(editor.canSaveProperty().get()).isTrue();
        assertThat(editor.saveBlockedReasonProperty().get()).isEmpty();
        edit("\"n\": 2", "\"n\": 1");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aLineBreakInsideATextValueIsWordedForAUserAndTheRefusalReadsAsSentences() {
        // seen in the app: Enter pressed inside a string gave Jackson's own words, run into "Your text is kept."
        openA();
        edit("\"pk\": \"p\",", "\"pk\": \"p\n\",");
        assertThat(editor.firstProblemProperty().get().sentence()).isEqualTo(
                "Line 3, column 11: a line break inside a text value: close the quote before the end of the line "
                        + "(or write \\n).");

        editor.save();
        verify(items, never()).replaceItem(any(), any(), any());
        assertThat(editor.errorMessageProperty().get()).isEqualTo("Not saved: Line 3, column 11: a line break "
                + "inside a text value: close the quote before the end of the line (or write \\n). Your text is kept.");
    }

    @Test
    void aSyntaxErrorIsReportedWithLineAndColumnAndNothingIsSent() {
        openA();
        edit("\"pk\": \"p\",", "\"pk\": \"p\"");
        ValidationProblem problem = editor.firstProblemProperty().get();
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.sentence()).isEqualTo("Line 4, column 3: a comma is missing before this property.");
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.saveBlockedReasonProperty().get()).startsWith("Line 4, column 3");
        String typed = editor.getText();

        editor.save();
        verify(items, never()).replaceItem(any(), any(), any());
        assertThat(editor.getText()).isEqualTo(typed);
        assertThat(editor.errorMessageProperty().get()).startsWith("Not saved: Line 4, column 3")
                .endsWith("Your text is kept.");
    }

    @Test
    void unterminatedJsonAndDuplicateKeysAreSyntaxErrors() {
        openA();
        editor.textProperty().set("{\n  \"id\": \"a\",\n  \"pk\": \"p\"");
        assertThat(editor.firstProblemProperty().get().sentence()).contains("ends too early");
        editor.textProperty().set("{\"id\": \"a\", \"pk\": \"p\", \"id\": \"b\"}");
        assertThat(editor.firstProblemProperty().get().sentence()).contains("\"id\"").contains("appears twice");
        editor.textProperty().set("[1, 2]");
        assertThat(editor.firstProblemProperty().get().sentence()).contains("must be a JSON object");
    }

    @Test
    void theNotSavedBannerOverInvalidTextGoesOnceTheTextIsValid() {
        openA();
        edit("\"n\": 1", "\"n\": ");
        editor.save();
        assertThat(editor.errorMessageProperty().get()).startsWith("Not saved: ");
        edit("\"n\": ", "\"n\": 2,");
        assertThat(editor.errorMessageProperty().get()).as("still invalid").startsWith("Not saved: ");
        edit("\"n\": 2,", "\"n\": 2");
        assertThat(editor.errorMessageProperty().get()).isEmpty();

        // a refusal that is not about the text stays until the user acts
        when(items.replaceItem(any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE));
        editor.save();
        edit("\"n\": 2", "\"n\": 3");
        assertThat(editor.errorMessageProperty().get()).startsWith("Not saved: ");
        verify(items).replaceItem(any(), any(), any());
    }

    @Test
    void theIdRulesEachHaveASentence() {
        openA();
        assertProblem("{\"pk\": \"p\"}", "The item needs an \"id\" property");
        assertProblem("{\"id\": \"\", \"pk\": \"p\"}", "The \"id\" is empty");
        assertProblem("{\"id\": 42, \"pk\": \"p\"}", "The \"id\" must be a string (in double quotes), not a number.");
        assertProblem("{\"id\": \"a/b\", \"pk\": \"p\"}", "does not accept in ids: / \\ ? or #");
        assertProblem("{\"id\": \"a#\", \"pk\": \"p\"}", "does not accept in ids");
        assertProblem("{\"id\": \"why?\", \"pk\": \"p\"}", "does not accept in ids");
        assertProblem("{\"id\": \"back\\\\slash\", \"pk\": \"p\"}", "does not accept in ids");
        assertProblem("{\"id\": \"a \", \"pk\": \"p\"}", "ends with a space");
    }

    @Test
    void partitionKeyValuesMustHaveAValidType() {
        openA();
        assertProblem("{\"id\": \"a\", \"pk\": {\"x\": 1}}", "The partition key /pk must be a string, number, "
                + "boolean or null, not an object.");
        assertProblem("{\"id\": \"a\", \"pk\": [1]}", "not an array.");
        for (String fine : List.of("\"p\"", "7", "1.5", "true", "null")) {
            editor.textProperty().set("{\"id\": \"a\", \"pk\": " + fine + "}");
            assertThat(editor.problems()).as(fine).isEmpty();
        }
        // an existing item may keep a missing key; a new one is told to add it
        editor.textProperty().set("{\"id\": \"a\"}");
        assertThat(editor.problems()).isEmpty();
        editor.newItem(handle);
        editor.textProperty().set("{\"id\": \"b\"}");
        assertThat(editor.firstProblemProperty().get().sentence())
                .isEqualTo("The partition key /pk is missing: add it, e.g. \"pk\": \"…\".");
    }

    @Test
    void anItemOverTwoMegabytesIsRefusedWithItsSize() {
        openA();
        editor.textProperty().set("{\"id\": \"a\", \"pk\": \"p\", \"blob\": \"" + "x".repeat(2_200_000) + "\"}");
        assertThat(editor.firstProblemProperty().get().sentence())
                .isEqualTo("The item is 2.10 MB; Cosmos DB accepts items up to 2 MB.");
        editor.save();
        verify(items, never()).replaceItem(any(), any(), any());
    }

    private void assertProblem(String text, String expected) {
        editor.textProperty().set(text);
        assertThat(editor.firstProblemProperty().get()).as(text)
                .extracting(ValidationProblem::sentence, org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(expected);
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void aSaveBecomesCleanWhenTheServerStoresADecimalAsADouble() {
        openA();
        // the user's own layout, and a decimal: sent exactly, stored and answered as a double
        edit("\"n\": 1", "\"n\": 14.5,   \"tags\": [1,2]");
        String typed = editor.getText();
        when(items.replaceItem(eq(handle), any(), eq("\"e1\""))).thenAnswer(call -> {
            ObjectNode stored = ((ObjectNode) call.getArgument(1)).deepCopy();
            stored.put("n", 14.5d);
            return version(stored.toString(), "\"e2\"");
        });
        editor.save();
        assertThat(editor.isDirty()).as("dirty after the save").isFalse();
        assertThat(editor.getText()).as("the user's layout is kept").isEqualTo(typed);

        // stored differently (a number the server rounded): the server's text, clean
        edit("\"n\": 14.5", "\"n\": 0.1000000000000000055511151231257827");
        when(items.replaceItem(eq(handle), any(), eq("\"e2\"")))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":0.1,\"tags\":[1,2]}", "\"e3\""));
        editor.save();
        assertThat(editor.isDirty()).as("dirty after the second save").isFalse();
        assertThat(editor.getText()).contains("\"n\": 0.1,");
    }

    @Test
    void saveReplacesWithTheEtagItWasReadWithAndBecomesClean() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        when(items.replaceItem(eq(handle), any(), eq("\"e1\"")))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2}", "\"e2\""));
        editor.save();

        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(items).replaceItem(eq(handle), sent.capture(), eq("\"e1\""));
        assertThat(sent.getValue()).isEqualTo(json("{\"id\":\"a\",\"pk\":\"p\",\"n\":2}"));
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.loadedVersion().etag()).isEqualTo("\"e2\"");
        assertThat(editor.statusMessageProperty().get()).isEqualTo("Saved \"a\".");
        assertThat(saved).hasSize(1);
        assertThat(editor.systemProperties()).filteredOn(p -> p.name().equals("_etag")).singleElement()
                .extracting(SystemProperty::value).isEqualTo("\"e2\"");
    }

    @Test
    void aNewItemTypedOnOneLineShowsAsTheServerHoldsItFormattedOnceCreated() {
        editor.newItem(handle);
        editor.textProperty().set("{\"id\":\"TEST-DUP-1\",\"pk\":\"p\",\"n\":1}");
        when(items.createItem(eq(handle), any()))
                .thenReturn(version("{\"id\":\"TEST-DUP-1\",\"pk\":\"p\",\"n\":1}", "\"e1\""));

        editor.save();

        assertThat(editor.getText()).isEqualTo("{\n  \"id\": \"TEST-DUP-1\",\n  \"pk\": \"p\",\n  \"n\": 1\n}");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.statusMessageProperty().get()).isEqualTo("Created \"TEST-DUP-1\".");
    }

    @Test
    void aFailureTakesTheStaleStatusLineAway() {
        conflictOnSave();
        choose(EditorChoice.MERGE); // their change and ours touch different fields: Merge is offered
        when(items.overwriteItem(eq(handle), any(), eq("\"e9\"")))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"theirs\":true}", "\"e3\""));
        editor.save();
        assertThat(editor.statusMessageProperty().get())
                .isEqualTo("Merged: saved \"a\" with their changes and yours.");

        editor.textProperty().set(editor.getText() + "\n\n\n}");
        editor.save();

        assertThat(editor.errorMessageProperty().get()).startsWith("Not saved: Line ");
        assertThat(editor.statusMessageProperty().get()).as("no 'Saved' beside 'Not saved'").isEmpty();
    }

    @Test
    void systemPropertiesTypedIntoTheTextAreNotSent() {
        openA();
        edit("\"n\": 1", "\"n\": 2, \"_etag\": \"forged\", \"_ts\": 1");
        when(items.replaceItem(any(), any(), any())).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2}", "e2"));
        editor.save();
        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(items).replaceItem(eq(handle), sent.capture(), eq("\"e1\""));
        assertThat(sent.getValue().has("_etag")).isFalse();
        assertThat(sent.getValue().has("_ts")).isFalse();
    }

    private void conflictOnSave() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        when(items.replaceItem(eq(handle), any(), eq("\"e1\"")))
                .thenThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        when(items.readItem(handle, "a", PK))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":1,\"theirs\":true}", "\"e9\""));
    }

    private void choose(EditorChoice choice) {
        when(dialogs.<EditorChoice>compare(anyString(),
                anyString(), any(), anyString(), anyString(), anyString(), anyString(),
                any())).thenReturn(Optional.ofNullable(choice));
    }

    @Test
    void aConflictOnDifferentFieldsOffersMergeWhichKeepsTheirsAndYoursConditionalOnTheNewestEtag() {
        conflictOnSave();
        choose(EditorChoice.MERGE);
        when(items.overwriteItem(eq(handle), any(), eq("\"e9\"")))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"theirs\":true}", "\"e10\""));
        editor.save();

        verify(dialogs).compare(eq("Someone else changed this item"),
                org.mockito.ArgumentMatchers.contains("They changed /theirs. You changed /n."),
                eq("{\n  \"id\": \"a\",\n  \"pk\": \"p\",\n  \"n\": 1\n}"), eq("On the server now"),
                eq("{\n  \"id\": \"a\",\n  \"pk\": \"p\",\n  \"n\": 1,\n  \"theirs\": true\n}"), eq("Yours"),
                eq("{\n  \"id\": \"a\",\n  \"pk\": \"p\",\n  \"n\": 2\n}"),
                offering(EditorChoice.MERGE, EditorChoice.RELOAD, EditorChoice.KEEP_EDITING));
        verify(items).overwriteItem(eq(handle), eq(json("{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"theirs\":true}")),
                eq("\"e9\""));
        assertThat(editor.getText()).contains("\"theirs\": true").contains("\"n\": 2");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.loadedVersion().etag()).isEqualTo("\"e10\"");
        assertThat(saved).hasSize(1);
    }

    @Test
    void aClashOnTheSameFieldOffersOverwriteWhichStillKeepsTheirOtherChanges() throws Exception {
        conflictOnSave();
        when(items.readItem(handle, "a", PK))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":7,\"theirs\":true}", "\"e9\""));
        choose(EditorChoice.OVERWRITE);
        when(items.overwriteItem(eq(handle), any(), eq("\"e9\"")))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"theirs\":true}", "\"e10\""));
        editor.save();

        verify(dialogs).compare(eq("Someone else changed this item"),
                org.mockito.ArgumentMatchers.contains("You both changed /n."), anyString(), anyString(), anyString(),
                anyString(), anyString(),
                        offering(EditorChoice.OVERWRITE, EditorChoice.RELOAD, EditorChoice.KEEP_EDITING));
        verify(items).overwriteItem(eq(handle), eq(json("{\"id\":\"a\",\"pk\":\"p\",\"n\":2,\"theirs\":true}")),
                eq("\"e9\""));
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void reloadAfterAConflictShowsTheServersVersion() {
        conflictOnSave();
        choose(EditorChoice.RELOAD);
        editor.save();
        assertThat(editor.getText()).contains("\"theirs\": true").doesNotContain("\"n\": 2");
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.loadedVersion().etag()).isEqualTo("\"e9\"");
        verify(items, never()).overwriteItem(any(), any(), any());
    }

    @Test
    void keepEditingOrClosingTheDialogKeepsTheTextAndTheOldEtagSoTheNextSaveAsksAgain() {
        conflictOnSave();
        for (EditorChoice choice : new EditorChoice[] {EditorChoice.KEEP_EDITING, null}) {
            choose(choice);
            editor.save();
            assertThat(editor.getText()).contains("\"n\": 2");
            assertThat(editor.isDirty()).isTrue();
            assertThat(editor.errorMessageProperty().get()).contains("someone else changed \"a\"")
                    .contains("Your text is kept");
        }
        verify(items, never()).overwriteItem(any(), any(), any());
        verify(items, org.mockito.Mockito.times(2)).replaceItem(eq(handle), any(), eq("\"e1\""));
    }

    @Test
    void anItemDeletedMeanwhileCanBeSavedAgainAsNew() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        when(items.replaceItem(any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND));
        when(dialogs.<EditorChoice>choose(eq("Item was deleted"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.SAVE_AS_NEW));
        when(items.overwriteItem(eq(handle), any(), eq(null)))
                .thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2}", "\"e5\""));
        editor.save();
        verify(items).overwriteItem(eq(handle), any(), eq(null));
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aPartitionKeyChangeIsNeverSentButHandedToTheMoveEngine() {
        List<MoveRequest> moves = new ArrayList<>();
        editor.setOnMoveRequested(moves::add);
        openA();
        edit("\"pk\": \"p\"", "\"pk\": \"q\"");
        when(dialogs.<EditorChoice>choose(eq("Partition key changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.MOVE_ITEM));
        editor.save();

        verify(dialogs).choose(eq("Partition key changed"),
                eq("The partition key changed from \"p\" to \"q\". Cosmos DB cannot change an item's partition key "
                        + "in place: the item has to be moved (created in the new partition, then deleted from "
                        + "the old one)."),
                offering(EditorChoice.MOVE_ITEM, EditorChoice.KEEP_EDITING));
        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.id()).isEqualTo("a");
            assertThat(move.partitionKey()).isEqualTo(PK);
            assertThat(move.etag()).isEqualTo("\"e1\"");
            assertThat(move.edited()).isEqualTo(json("{\"id\":\"a\",\"pk\":\"q\",\"n\":1}"));
            assertThat(move.handle()).isSameAs(handle);
        });
        verify(items, never()).replaceItem(any(), any(), any());
        verify(items, never()).createItem(any(), any());
        assertThat(editor.getText()).contains("\"pk\": \"q\"");
    }

    @Test
    void withoutAMoveEngineAPartitionKeyChangeExplainsAndKeepsTheText() {
        openA();
        edit("\"pk\": \"p\"", "\"pk\": 5");
        editor.save();
        assertThat(editor.errorMessageProperty().get())
                .startsWith("Not saved: The partition key changed from \"p\" to 5.").contains("Your text is kept");
        verify(items, never()).replaceItem(any(), any(), any());
        assertThat(editor.getText()).contains("\"pk\": 5");
    }

    @Test
    void anIdChangeOffersSaveAsNewOrDiscard() {
        openA();
        edit("\"id\": \"a\"", "\"id\": \"b\"");
        when(dialogs.<EditorChoice>choose(eq("The id changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.SAVE_AS_NEW));
        when(items.createItem(eq(handle), any())).thenReturn(version("{\"id\":\"b\",\"pk\":\"p\",\"n\":1}", "\"b1\""));
        editor.save();
        verify(items).createItem(handle, json("{\"id\":\"b\",\"pk\":\"p\",\"n\":1}"));
        verify(items, never()).replaceItem(any(), any(), any());
        assertThat(editor.titleProperty().get()).isEqualTo("b");
        assertThat(editor.statusMessageProperty().get()).contains("\"a\" is unchanged");

        edit("\"id\": \"b\"", "\"id\": \"c\"");
        when(dialogs.<EditorChoice>choose(eq("The id changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.DISCARD_CHANGES));
        editor.save();
        assertThat(editor.getText()).contains("\"id\": \"b\"");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void failuresKeepTheTextAndSayWhatHappened() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        String typed = editor.getText();
        for (ErrorKind kind : List.of(ErrorKind.THROTTLED, ErrorKind.UNREACHABLE, ErrorKind.UNAUTHORIZED,
                ErrorKind.FORBIDDEN, ErrorKind.TOO_LARGE)) {
            org.mockito.Mockito.doThrow(new CosmosDeskException(kind)).when(items).replaceItem(any(), any(), any());
            editor.save();
            assertThat(editor.getText()).as(kind.name()).isEqualTo(typed);
            assertThat(editor.isDirty()).isTrue();
            assertThat(editor.errorMessageProperty().get()).as(kind.name())
                    .startsWith("Not saved: ").endsWith("Your text is kept in the editor.");
            assertThat(editor.savingProperty().get()).isFalse();
        }
    }

    @Test
    void createWithAnExistingIdSaysSo() {
        editor.newItem(handle);
        edit("\"pk\": \"\"", "\"pk\": \"p\"");
        when(items.createItem(any(), any())).thenThrow(new CosmosDeskException(ErrorKind.CONFLICT));
        String id = editor.getText().replaceAll("(?s).*\"id\": \"([^\"]+)\".*", "$1");
        editor.save();
        assertThat(editor.errorMessageProperty().get())
                .isEqualTo("Not saved: an item with id \"" + id + "\" already exists in this partition. Change the "
                        + "id, or open the existing item. Your text is kept in the editor.");
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.NEW);
    }

    @Test
    void aCreateAnswered412SaysSoWithoutAComparisonOrARead() {
        editor.newItem(handle);
        edit("\"pk\": \"\"", "\"pk\": \"p\"");
        when(items.createItem(any(), any())).thenThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        String text = editor.getText();
        editor.save();
        assertThat(editor.errorMessageProperty().get()).isEqualTo("Not saved: the server refused to create the item (412, a "
                + "precondition failed); try Save again. Your text is kept in the editor.");
        assertThat(editor.getText()).isEqualTo(text);
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.NEW);
        verify(items, never()).readItem(any(), any(), any());
        verifyNoInteractions(dialogs);
    }

    @Test
    void newItemTemplatesFillTheIdAndEveryPartitionKeyPath() {
        editor.newItem(handle(false, "/address/city"));
        ObjectNode nested = json(editor.getText());
        assertThat(nested.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(nested.at("/address/city").asText()).isEmpty();
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.NEW);
        // the template's empty key is a placeholder: Save waits until it is filled in
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.firstProblemProperty().get().sentence())
                .startsWith("The partition key /address/city is empty: fill it in");
        edit("\"city\": \"\"", "\"city\": \"Lund\"");
        assertThat(editor.canSaveProperty().get()).isTrue();
        assertThat(editor.titleProperty().get()).isEqualTo("New item ●");

        editor.newItem(handle(false, "/tenantId", "/userId"));
        ObjectNode hierarchical = json(editor.getText());
        assertThat(hierarchical.has("tenantId")).isTrue();
        assertThat(hierarchical.has("userId")).isTrue();
    }

    @Test
    void cloneKeepsThePartitionWithANewIdAndSavesAsACreate() {
        openA();
        edit("\"n\": 1", "\"n\": 3");
        editor.cloneCurrent();
        ObjectNode clone = json(editor.getText());
        assertThat(clone.get("id").asText()).isNotEqualTo("a").matches("[0-9a-f-]{36}");
        assertThat(clone.get("pk").asText()).isEqualTo("p");
        assertThat(clone.get("n").asInt()).isEqualTo(3);
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.NEW);
        assertThat(editor.systemProperties()).isEmpty();

        when(items.createItem(eq(handle), any(), eq(io.cosmosdesk.audit.AuditOperation.CLONE)))
                .thenReturn(version(editor.getText(), "\"c1\""));
        editor.save();
        // recorded in the audit log as a clone, not a plain create
        verify(items).createItem(handle, clone, io.cosmosdesk.audit.AuditOperation.CLONE);
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.EXISTING);
    }

    @Test
    void deleteAsksThenDeletesConditionallyAndTellsTheGrid() {
        openA();
        when(dialogs.confirm(eq("Delete item"), anyString(), eq("Delete"))).thenReturn(true);
        editor.delete();
        verify(dialogs).confirm("Delete item", "Delete item \"a\" (partition key \"p\")? This cannot be undone.",
                "Delete");
        verify(items).deleteItem(handle, "a", PK, "\"e1\"");
        assertThat(deleted).singleElement().isEqualTo(new DeletedItem(handle, "a", PK));
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.EMPTY);
    }

    @Test
    void deleteOfAnItemChangedMeanwhileIsRefusedAndNotDeclined() {
        openA();
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        org.mockito.Mockito.doThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE))
                .when(items).deleteItem(handle, "a", PK, "\"e1\"");
        editor.delete();
        assertThat(deleted).isEmpty();
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.EXISTING);
        assertThat(editor.errorMessageProperty().get()).startsWith("Not deleted: someone else changed \"a\"");
    }

    @Test
    void deleteNotConfirmedDoesNothing() {
        openA();
        editor.delete();
        verify(items, never()).deleteItem(any(), any(), any(), any());
    }

    @Test
    void canLeaveWithoutChangesDoesNotAsk() {
        openA();
        assertThat(editor.canLeave()).isCompletedWithValue(true);
        verifyNoInteractions(dialogs);
    }

    @Test
    void canLeaveAsksSaveDiscardCancel() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.CANCEL));
        assertThat(editor.canLeave()).isCompletedWithValue(false);
        assertThat(editor.getText()).contains("\"n\": 2");
        verify(dialogs).choose(eq("Unsaved changes"), eq("\"a\" has unsaved changes. Save them before you go on?"),
                offering(EditorChoice.SAVE, EditorChoice.DISCARD, EditorChoice.CANCEL));

        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.SAVE));
        when(items.replaceItem(any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE));
        assertThat(editor.canLeave()).as("a failed save keeps the user here").isCompletedWithValue(false);

        org.mockito.Mockito.reset(items);
        when(items.replaceItem(any(), any(), any())).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":2}", "e2"));
        assertThat(editor.canLeave()).isCompletedWithValue(true);
        assertThat(editor.isDirty()).isFalse();

        edit("\"n\": 2", "\"n\": 3");
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.DISCARD));
        assertThat(editor.canLeave()).isCompletedWithValue(true);
        assertThat(editor.getText()).contains("\"n\": 2");
    }

    @Test
    void canLeaveWithInvalidTextOffersOnlyDiscardOrCancel() {
        openA();
        editor.textProperty().set("{ broken");
        when(dialogs.<EditorChoice>choose(anyString(), anyString(), any())).thenReturn(Optional.empty());
        assertThat(editor.canLeave()).isCompletedWithValue(false);
        verify(dialogs).choose(eq("Unsaved changes"), org.mockito.ArgumentMatchers.contains("cannot be saved"),
                offering(EditorChoice.DISCARD, EditorChoice.CANCEL));
        assertThat(editor.getText()).isEqualTo("{ broken");
    }

    @Test
    void readOnlyConnectionsShowWhyAndNeverCallTheService() {
        handle = handle(true, "/pk");
        openA();
        edit("\"n\": 1", "\"n\": 2");
        assertThat(editor.readOnlyProperty().get()).isTrue();
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.saveBlockedReasonProperty().get())
                .isEqualTo("\"Prod\" is a read-only connection: changes are not allowed.");
        editor.save();
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        editor.delete();
        verify(items, never()).replaceItem(any(), any(), any());
        verify(items, never()).deleteItem(any(), any(), any(), any());
        assertThat(editor.errorMessageProperty().get()).contains("read-only");
    }

    @Test
    void openingAMissingItemSaysItWasDeleted() {
        when(items.readItem(handle, "x", PK)).thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND));
        editor.open(handle, "x", PK);
        assertThat(editor.modeProperty().get()).isEqualTo(ItemEditorViewModel.Mode.EMPTY);
        assertThat(editor.errorMessageProperty().get()).startsWith("Item \"x\" no longer exists");
    }

    @Test
    void aSlowOpenAnsweringAfterANewerOneIsIgnored() {
        ImmediateTaskRunner deferred = ImmediateTaskRunner.deferred();
        editor = new ItemEditorViewModel(items, deferred, dialogs);
        when(items.readItem(handle, "a", PK)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\"}", "ea"));
        when(items.readItem(handle, "b", PK)).thenReturn(version("{\"id\":\"b\",\"pk\":\"p\"}", "eb"));
        editor.open(handle, "a", PK);
        editor.open(handle, "b", PK);
        deferred.runAllPending();
        assertThat(editor.titleProperty().get()).isEqualTo("b");
    }

    @Test
    void discardAndReloadAskBeforeThrowingChangesAway() {
        openA();
        edit("\"n\": 1", "\"n\": 2");
        editor.discard();
        assertThat(editor.getText()).contains("\"n\": 2");
        when(dialogs.confirm(eq("Discard changes"), anyString(), eq("Discard"))).thenReturn(true);
        editor.discard();
        assertThat(editor.getText()).contains("\"n\": 1");
        assertThat(editor.isDirty()).isFalse();

        edit("\"n\": 1", "\"n\": 5");
        editor.reload();
        assertThat(editor.getText()).contains("\"n\": 5");
        when(dialogs.confirm(eq("Reload item"), anyString(), eq("Reload"), eq(true))).thenReturn(true);
        editor.reload();
        assertThat(editor.getText()).contains("\"n\": 1");
    }

    @Test
    void prettyPrintReformatsValidJson() {
        openA();
        editor.textProperty().set("{\"id\":\"a\",\"pk\":\"p\",\"list\":[1,2],\"n\":1.50}");
        editor.prettyPrint();
        assertThat(editor.getText())
                .isEqualTo("{\n  \"id\": \"a\",\n  \"pk\": \"p\",\n  \"list\": [\n    1,\n    2\n  ],\n  \"n\": 1.50\n}");
    }
}
