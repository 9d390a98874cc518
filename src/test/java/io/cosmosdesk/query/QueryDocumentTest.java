package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static io.cosmosdesk.testing.ChoiceMatchers.offering;
import static io.cosmosdesk.query.QueryDocument.CloseChoice.CANCEL;
import static io.cosmosdesk.query.QueryDocument.CloseChoice.DISCARD;
import static io.cosmosdesk.query.QueryDocument.CloseChoice.SAVE;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query tab as a document: the star for unsaved changes, Ctrl+S, .sql files, saved queries, the close question. */
class QueryDocumentTest {

    @TempDir
    Path home;

    private final DialogService dialogs = mock(DialogService.class);
    private SavedQueries saved;
    private QueryTabViewModel model;
    private QueryDocument document;
    private final List<String> savedEvents = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        ContainerHandle orders = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/tenant", "/customer"), false, null));
        saved = new SavedQueries(home.resolve("saved-queries.json"));
        model = new QueryTabViewModel(orders, mock(QueryService.class), mock(ItemService.class),
                ImmediateTaskRunner.immediate(), dialogs, () -> new QueryGuards(5000, Duration.ofSeconds(60), 9),
                (handle, ref) -> { });
        document = new QueryDocument(model, "Query 1", new QuerySaving(saved, dialogs, ImmediateTaskRunner.immediate()), dialogs,
                ImmediateTaskRunner.immediate(), QuerySaving.Origin.NONE, QueryTabViewModel.NEW_QUERY_TEXT);
        document.setOnSaved(() -> savedEvents.add(model.textProperty().get()));
    }

    @Test
    void aChangedTextIsStarredInTheTitleUntilSaved() {
        assertThat(document.titleProperty().get()).isEqualTo("Query 1 · orders");
        model.textProperty().set("SELECT * FROM c WHERE c.total > 10");
        assertThat(document.titleProperty().get()).isEqualTo("*Query 1 · orders");
        assertThat(document.modifiedProperty().get()).isTrue();

        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.of("Big orders"));
        assertThat(document.save().join()).isTrue();
        assertThat(document.titleProperty().get()).isEqualTo("Big orders · orders");
        assertThat(saved.find("big orders")).map(SavedQueries.Saved::text)
                .contains("SELECT * FROM c WHERE c.total > 10");
        assertThat(savedEvents).hasSize(1);

        // Ctrl+S again goes back to the same saved query without asking
        model.textProperty().set("SELECT * FROM c WHERE c.total > 20");
        assertThat(document.titleProperty().get()).isEqualTo("*Big orders · orders");
        assertThat(document.save().join()).isTrue();
        verify(dialogs).prompt(anyString(), anyString(), anyString());
        assertThat(saved.find("Big orders")).map(SavedQueries.Saved::text)
                .contains("SELECT * FROM c WHERE c.total > 20");
    }

    @Test
    void theParametersAndTheirValuesAreSavedWithTheQuery() {
        model.textProperty().set("SELECT * FROM c WHERE c.city = @city");
        model.parameters().get(0).typeProperty().set(ParameterType.TEXT);
        model.parameters().get(0).valueProperty().set("Oslo");
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.of("By city"));
        document.save();
        assertThat(saved.find("By city").orElseThrow().parameters())
                .containsExactly(new QueryParameter("@city", ParameterType.TEXT, "Oslo"));
    }

    @Test
    void aSqlFileIsOpenedAndCtrlSWritesItBack() throws Exception {
        Path file = home.resolve("report.sql");
        Files.writeString(file, "SELECT VALUE COUNT(1) FROM c\r\n");
        document.openFile(file);
        assertThat(model.textProperty().get()).isEqualTo("SELECT VALUE COUNT(1) FROM c\n");
        assertThat(document.titleProperty().get()).isEqualTo("report.sql · orders");

        model.textProperty().set("SELECT VALUE COUNT(1) FROM c WHERE c.open");
        assertThat(document.titleProperty().get()).isEqualTo("*report.sql · orders");
        assertThat(document.save().join()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("SELECT VALUE COUNT(1) FROM c WHERE c.open");
        assertThat(document.titleProperty().get()).isEqualTo("report.sql · orders");
        verify(dialogs, never()).prompt(anyString(), anyString(), anyString());
    }

    @Test
    void saveAsFileAndThenCtrlSGoesToThatFile() throws Exception {
        Path file = home.resolve("out.sql");
        model.textProperty().set("SELECT c.id FROM c");
        assertThat(document.saveToFile(file).join()).isTrue();
        assertThat(document.titleProperty().get()).isEqualTo("out.sql · orders");
        model.textProperty().set("SELECT c.id, c.total FROM c");
        document.save();
        assertThat(Files.readString(file)).isEqualTo("SELECT c.id, c.total FROM c");
    }

    @Test
    void openingASavedQueryReplacesAnUnchangedTextButGoesToANewTabWhenThereAreChanges() {
        saved.save(new SavedQueries.Saved("Open orders", "SELECT * FROM c WHERE c.status = @s",
                List.of(new QueryParameter("@s", ParameterType.TEXT, "open"))));
        List<QueryDraft> elsewhere = new ArrayList<>();
        document.setElsewhere((draft, origin) -> elsewhere.add(draft));

        document.openSaved(saved.find("Open orders").orElseThrow());
        assertThat(model.textProperty().get()).isEqualTo("SELECT * FROM c WHERE c.status = @s");
        assertThat(model.parameters().get(0).valueProperty().get()).isEqualTo("open");
        assertThat(document.titleProperty().get()).isEqualTo("Open orders · orders");
        assertThat(elsewhere).isEmpty();

        model.textProperty().set("SELECT * FROM c -- my edit");
        document.openSaved(saved.find("Open orders").orElseThrow());
        assertThat(model.textProperty().get()).isEqualTo("SELECT * FROM c -- my edit");
        assertThat(elsewhere).singleElement().extracting(QueryDraft::text)
                .isEqualTo("SELECT * FROM c WHERE c.status = @s");
    }

    @Test
    void closingAskesOnlyWhenThereAreChangesAndCancelKeepsTheTab() {
        assertThat(document.requestClose()).isCompletedWithValue(true);
        verify(dialogs, never()).choose(anyString(), anyString(), any());

        model.textProperty().set("SELECT 1");
        when(dialogs.choose(anyString(), anyString(), offering(SAVE, DISCARD, CANCEL))).thenReturn(Optional.of(CANCEL));
        assertThat(document.requestClose()).isCompletedWithValue(false);
        when(dialogs.choose(anyString(), anyString(), offering(SAVE, DISCARD, CANCEL))).thenReturn(Optional.empty());
        assertThat(document.requestClose()).isCompletedWithValue(false);
        when(dialogs.choose(anyString(), anyString(), offering(SAVE, DISCARD, CANCEL))).thenReturn(Optional.of(DISCARD));
        assertThat(document.requestClose()).isCompletedWithValue(true);

        when(dialogs.choose(anyString(), anyString(), offering(SAVE, DISCARD, CANCEL))).thenReturn(Optional.of(SAVE));
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        assertThat(document.requestClose()).as("the name prompt was cancelled: the tab stays").isCompletedWithValue(false);
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.of("One"));
        assertThat(document.requestClose()).isCompletedWithValue(true);
        assertThat(saved.find("One")).isPresent();
    }

    @Test
    void ctrlSThenCloseAtOnceWaitsForTheWriteAndDoesNotAskAgain() throws Exception {
        ImmediateTaskRunner background = ImmediateTaskRunner.deferred();
        Path file = home.resolve("report.sql");
        QueryDocument fromFile = new QueryDocument(model, "Query 2", new QuerySaving(saved, dialogs, background),
                dialogs, ImmediateTaskRunner.immediate(), new QuerySaving.Origin(file, null), "SELECT 1");
        model.textProperty().set("SELECT 2");
        java.util.concurrent.CompletableFuture<Boolean> saving = fromFile.save();
        assertThat(fromFile.isSaving()).isTrue();
        assertThat(fromFile.titleProperty().get()).as("starred until it is on disk").isEqualTo("*report.sql · orders");
        java.util.concurrent.CompletableFuture<Boolean> closing = fromFile.requestClose();
        assertThat(closing).as("the tab stays until the write is done").isNotDone();

        background.runAllPending();
        assertThat(saving).isCompletedWithValue(true);
        assertThat(closing).isCompletedWithValue(true);
        assertThat(Files.readString(file)).isEqualTo("SELECT 2");
        verify(dialogs, never()).choose(anyString(), anyString(), any());
        assertThat(fromFile.titleProperty().get()).isEqualTo("report.sql · orders");
    }

    @Test
    void theDraftHoldsTextParametersAndAHierarchicalPrefixScopeAndPutsThemBack() {
        model.textProperty().set("SELECT * FROM c WHERE c.n > @n");
        model.parameters().get(0).typeProperty().set(ParameterType.NUMBER);
        model.parameters().get(0).valueProperty().set("5");
        model.scope().allPartitionsProperty().set(false);
        model.scope().levels().get(0).set("123"); // a number
        QueryDraft draft = model.draft();
        assertThat(draft.scope().partitionKey()).isEqualTo(PartitionKeyValue.of(123L));

        QueryTabViewModel other = new QueryTabViewModel(model.container(), mock(QueryService.class),
                mock(ItemService.class), ImmediateTaskRunner.immediate(), dialogs,
                () -> new QueryGuards(5000, Duration.ofSeconds(60), 9), (handle, ref) -> { });
        other.applyDraft(draft);
        assertThat(other.textProperty().get()).isEqualTo("SELECT * FROM c WHERE c.n > @n");
        assertThat(other.parameters()).singleElement().satisfies(row -> {
            assertThat(row.typeProperty().get()).isEqualTo(ParameterType.NUMBER);
            assertThat(row.valueProperty().get()).isEqualTo("5");
        });
        assertThat(other.scope().allPartitionsProperty().get()).isFalse();
        assertThat(other.scope().levels().get(0).get()).isEqualTo("123");
        assertThat(other.draft()).isEqualTo(draft);

        // a text that reads as a number is kept a text
        model.scope().levels().get(0).set("\"123\"");
        other.applyDraft(model.draft());
        assertThat(other.scope().levels().get(0).get()).isEqualTo("\"123\"");
        assertThat(other.draft().scope().partitionKey()).isEqualTo(PartitionKeyValue.of("123"));
    }
}
