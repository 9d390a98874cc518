package io.cosmosdesk.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.cosmos.ScriptKind;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script editor's rules, with a mocked service and no toolkit. */
class ScriptEditorViewModelTest {

    private final ScriptService service = mock(ScriptService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ContainerHandle container = new ContainerHandle(mock(CosmosConnection.class),
            new ContainerInfo(new ContainerRef("shop", "orders"), List.of("/tenant", "/customer"), true, null));

    private ScriptEditorViewModel model(ScriptKind kind) {
        return new ScriptEditorViewModel(service, ImmediateTaskRunner.immediate(), dialogs, container, kind);
    }

    @Test
    void aNewScriptIsValidatedWithSentencesThenCreatedAndTheTreeIsTold() {
        ScriptEditorViewModel model = model(ScriptKind.TRIGGER);
        int[] listChanged = {0};
        model.setOnListChanged(() -> listChanged[0]++);
        assertThat(model.titleProperty().get()).isEqualTo("New trigger");
        assertThat(model.dirtyProperty().get()).as("the template alone is nothing to lose").isFalse();

        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Give the trigger an id.");
        model.idProperty().set("a/b");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("An id cannot contain '/' (Cosmos DB reserves /, \\, ? and #).");
        verify(service, never()).createScript(any(), any());

        model.idProperty().set("stamp");
        model.triggerTypeProperty().set(TriggerType.POST);
        model.triggerOperationProperty().set(TriggerOperation.DELETE);
        when(service.createScript(eq(container), any())).thenAnswer(call -> ((ScriptDefinition) call.getArgument(1))
                .withEtag("\"e1\""));
        model.save();

        verify(service).createScript(container, new ScriptDefinition(ScriptKind.TRIGGER, "stamp",
                ScriptEditorViewModel.template(ScriptKind.TRIGGER), TriggerType.POST, TriggerOperation.DELETE, null));
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.storedProperty().get()).isTrue();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("Trigger stamp");
        assertThat(listChanged[0]).isEqualTo(1);
    }

    @Test
    void aReplaceSendsTheLoadedEtagAndAChangeBySomeoneElseKeepsTheText() {
        ScriptEditorViewModel model = model(ScriptKind.STORED_PROCEDURE);
        when(service.readScript(container, ScriptKind.STORED_PROCEDURE, "bump"))
                .thenReturn(new ScriptDefinition(ScriptKind.STORED_PROCEDURE, "bump", "function () { }", null, null,
                        "\"v1\""));
        model.load("bump");
        assertThat(model.dirtyProperty().get()).isFalse();
        model.bodyProperty().set("function () { /* mine */ }");
        assertThat(model.dirtyProperty().get()).isTrue();
        when(service.replaceScript(eq(container), any())).thenThrow(new CosmosDeskException(
                ErrorKind.CHANGED_BY_SOMEONE_ELSE, "Someone else changed the stored procedure 'bump' since you opened it"));

        model.save();

        verify(service).replaceScript(container, new ScriptDefinition(ScriptKind.STORED_PROCEDURE, "bump",
                "function () { /* mine */ }", null, null, "\"v1\""));
        assertThat(model.messageProperty().get()).startsWith("Someone else changed the stored procedure 'bump'");
        assertThat(model.bodyProperty().get()).isEqualTo("function () { /* mine */ }");
        assertThat(model.dirtyProperty().get()).isTrue();
    }

    @Test
    void executeReadsEveryKeyLevelAndTheParametersAndShowsResultAndLog() {
        ScriptEditorViewModel model = model(ScriptKind.STORED_PROCEDURE);
        when(service.readScript(container, ScriptKind.STORED_PROCEDURE, "bump"))
                .thenReturn(new ScriptDefinition(ScriptKind.STORED_PROCEDURE, "bump", "function (a, b) { }", null,
                        null, "\"v1\""));
        model.load("bump");

        model.execute();
        assertThat(model.messageProperty().get()).isEqualTo("Type the partition key value (/tenant › /customer): "
                + "a stored procedure runs in one partition.");
        model.partitionKey().levels().get(0).set("acme");
        model.execute();
        assertThat(model.messageProperty().get()).isEqualTo("A stored procedure runs in one partition: type a value "
                + "for every level of the partition key (/tenant › /customer).");

        model.partitionKey().levels().get(1).set("42");
        model.parametersProperty().set("[\"x\", ");
        model.execute();
        assertThat(model.messageProperty().get()).startsWith("The parameters are not valid JSON (line 1");
        verify(service, never()).executeStoredProcedure(any(), anyString(), any(), any());

        model.parametersProperty().set("[\"x\", {\"n\": 2}]");
        when(service.executeStoredProcedure(eq(container), eq("bump"), any(), any()))
                .thenReturn(new ExecutionResult("{\"ok\":true}", "line one\nline two", 3.5));
        model.execute();

        verify(service).executeStoredProcedure(container, "bump", PartitionKeyValue.of("acme", 42L),
                List.of("x", java.util.Map.of("n", 2)));
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.resultProperty().get()).contains("\"ok\" : true");
        assertThat(model.scriptLogProperty().get()).isEqualTo("line one\nline two");
        assertThat(model.statusProperty().get()).isEqualTo("Ran in partition \"acme\" › 42: 3.50 RU.");

        when(service.executeStoredProcedure(eq(container), eq("bump"), any(), any())).thenThrow(
                new CosmosDeskException(ErrorKind.BAD_REQUEST, "The stored procedure 'bump' failed: Error: no."));
        model.execute();
        assertThat(model.messageProperty().get()).isEqualTo("The stored procedure 'bump' failed: Error: no.");
    }

    @Test
    void deleteAsksFirstAndKeepsTheTextAsANewScript() {
        ScriptEditorViewModel model = model(ScriptKind.USER_DEFINED_FUNCTION);
        when(service.readScript(container, ScriptKind.USER_DEFINED_FUNCTION, "tax"))
                .thenReturn(new ScriptDefinition(ScriptKind.USER_DEFINED_FUNCTION, "tax", "function (x) { }", null,
                        null, "\"v1\""));
        model.load("tax");
        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(false);
        model.delete();
        verify(service, never()).deleteScript(any(), any(), anyString(), any());

        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(true);
        model.delete();
        verify(service).deleteScript(container, ScriptKind.USER_DEFINED_FUNCTION, "tax", "\"v1\"");
        assertThat(model.storedProperty().get()).isFalse();
        assertThat(model.bodyProperty().get()).isEqualTo("function (x) { }");
    }

    @Test
    void parametersAreAnArrayOrOneValue() {
        assertThat(ScriptEditorViewModel.arguments("")).isEmpty();
        assertThat(ScriptEditorViewModel.arguments("[1, \"a\", null]")).containsExactly(1, "a", null);
        assertThat(ScriptEditorViewModel.arguments("{\"a\": 1}")).containsExactly(java.util.Map.of("a", 1));
    }

    @Test
    void aFailureIsReportedForTheContainerAndOnceGoneNothingIsWrittenOrRunAndTheTextStays() {
        ScriptEditorViewModel model = model(ScriptKind.STORED_PROCEDURE);
        java.util.List<Throwable> reported = new java.util.ArrayList<>();
        model.reportFailuresTo((handle, failure) -> {
            assertThat(handle).isEqualTo(container);
            reported.add(failure);
        });
        CosmosDeskException missing = new CosmosDeskException(ErrorKind.NOT_FOUND);
        when(service.readScript(container, ScriptKind.STORED_PROCEDURE, "bump")).thenThrow(missing);
        model.load("bump");
        assertThat(reported).containsExactly(missing);

        model.idProperty().set("bump");
        model.bodyProperty().set("function () { /* mine */ }");
        model.containerGone("This container no longer exists.");
        assertThat(model.goneProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("This container no longer exists.");
        model.save();
        model.execute();
        verify(service, never()).createScript(any(), any());
        verify(service, never()).replaceScript(any(), any());
        verify(service, never()).executeStoredProcedure(any(), anyString(), any(), any());
        assertThat(model.messageProperty().get()).isNotEmpty();
        assertThat(model.bodyProperty().get()).isEqualTo("function () { /* mine */ }");
    }
}
