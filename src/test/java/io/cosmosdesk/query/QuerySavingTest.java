package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+S: to the query's file, to its saved query, or as a new saved query under a name the user gives. */
class QuerySavingTest {

    @TempDir
    Path home;

    private final DialogService dialogs = mock(DialogService.class);

    private SavedQueries saved() {
        return new SavedQueries(home.resolve("saved-queries.json"));
    }

    @Test
    void aNewQueryIsSavedUnderTheNameTheUserGivesSuggestedByItsComment() {
        SavedQueries saved = saved();
        when(dialogs.prompt(anyString(), anyString(), eq("big orders"))).thenReturn(Optional.of(" Big orders "));
        List<QueryParameter> parameters = List.of(new QueryParameter("@min", ParameterType.NUMBER, "100"));
        Optional<QuerySaving.Origin> origin = new QuerySaving(saved, dialogs, ImmediateTaskRunner.immediate()).save(QuerySaving.Origin.NONE,
                "-- big orders\nSELECT * FROM c WHERE c.total > @min", parameters).join();
        assertThat(origin).contains(new QuerySaving.Origin(null, "Big orders"));
        assertThat(saved.find("big orders")).get().extracting(SavedQueries.Saved::parameters).isEqualTo(parameters);
        assertThat(origin.get().title()).isEqualTo("Big orders");
    }

    @Test
    void theSecondCtrlSSavesToTheSameNameWithoutAsking() {
        SavedQueries saved = saved();
        new QuerySaving(saved, dialogs, ImmediateTaskRunner.immediate()).save(new QuerySaving.Origin(null, "Count"), "SELECT VALUE COUNT(1) FROM c",
                List.of()).join();
        verify(dialogs, never()).prompt(anyString(), anyString(), anyString());
        assertThat(saved.find("count")).get().extracting(SavedQueries.Saved::text)
                .isEqualTo("SELECT VALUE COUNT(1) FROM c");
    }

    @Test
    void anotherQueryOfTheSameNameIsReplacedOnlyWhenTheUserAgrees() {
        SavedQueries saved = saved();
        saved.save(new SavedQueries.Saved("Count", "SELECT 1", List.of()));
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.of("count"));
        when(dialogs.confirm(anyString(), anyString(), anyString(), anyBoolean())).thenReturn(false);
        assertThat(new QuerySaving(saved, dialogs, ImmediateTaskRunner.immediate()).save(QuerySaving.Origin.NONE, "SELECT 2", List.of()).join()).isEmpty();
        assertThat(saved.find("Count").get().text()).isEqualTo("SELECT 1");
        verify(dialogs).confirm(eq("Replace saved query"),
                eq("A saved query named \"Count\" exists. Replace it with this one?"), eq("Replace"), eq(true));
    }

    @Test
    void cancellingTheNameSavesNothing() {
        when(dialogs.prompt(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        assertThat(new QuerySaving(saved(), dialogs, ImmediateTaskRunner.immediate()).save(QuerySaving.Origin.NONE, "SELECT 1", List.of()).join()).isEmpty();
        assertThat(saved().all()).isEmpty();
    }

    @Test
    void aQueryFromAFileGoesBackToItsFile() throws Exception {
        Path file = home.resolve("q.sql");
        Files.writeString(file, "\uFEFFSELECT 1\r\nFROM c");
        assertThat(SqlFiles.read(file)).isEqualTo("SELECT 1\nFROM c");
        Optional<QuerySaving.Origin> origin = new QuerySaving(saved(), dialogs, ImmediateTaskRunner.immediate())
                .save(new QuerySaving.Origin(file, null), "SELECT 2\nFROM c", List.of()).join();
        assertThat(origin).contains(new QuerySaving.Origin(file, null));
        assertThat(SqlFiles.read(file)).isEqualTo("SELECT 2\nFROM c");
        assertThat(origin.get().title()).isEqualTo("q.sql");
        assertThat(saved().all()).isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenIsASentenceAndTheTextStays() throws Exception {
        Path folder = home.resolve("not-a-folder");
        Files.writeString(folder, "x");
        assertThat(new QuerySaving(saved(), dialogs, ImmediateTaskRunner.immediate()).saveToFile(folder.resolve("q.sql"), "SELECT 1").join()).isEmpty();
        verify(dialogs).showError(eq("Query not saved"), any(Throwable.class));
    }

    @Test
    void theSqlExtensionIsAddedWhenMissing() {
        assertThat(SqlFiles.withExtension("/tmp/orders")).isEqualTo("/tmp/orders.sql");
        assertThat(SqlFiles.withExtension("/tmp/orders.txt")).isEqualTo("/tmp/orders.txt");
    }

    @Test
    void theFileIsWrittenInTheBackgroundAndTheAnswerComesWhenItIsOnDisk() throws Exception {
        Path file = home.resolve("q.sql");
        ImmediateTaskRunner background = ImmediateTaskRunner.deferred();
        java.util.concurrent.CompletableFuture<Optional<QuerySaving.Origin>> answer =
                new QuerySaving(saved(), dialogs, background).save(new QuerySaving.Origin(file, null), "SELECT 2",
                        List.of());
        assertThat(Files.exists(file)).as("nothing written on the calling (UI) thread").isFalse();
        assertThat(answer).isNotDone();
        assertThat(background.startedTitles()).containsExactly("Saving the query");
        background.runAllPending();
        assertThat(answer).isCompletedWithValue(Optional.of(new QuerySaving.Origin(file, null)));
        assertThat(SqlFiles.read(file)).isEqualTo("SELECT 2");
    }

    @Test
    void aSlowerOlderWriteNeverReplacesANewerOne() throws Exception {
        SavedQueries saved = saved();
        ImmediateTaskRunner background = ImmediateTaskRunner.deferred();
        QuerySaving saving = new QuerySaving(saved, dialogs, background);
        QuerySaving.Origin count = new QuerySaving.Origin(null, "Count");
        java.util.concurrent.CompletableFuture<Optional<QuerySaving.Origin>> first =
                saving.save(count, "SELECT 1", List.of());
        java.util.concurrent.CompletableFuture<Optional<QuerySaving.Origin>> second =
                saving.save(count, "SELECT 2", List.of());
        background.runPending(1); // the second Ctrl+S lands first
        background.runPending(0);
        assertThat(first).isCompletedWithValue(Optional.of(count));
        assertThat(second).isCompletedWithValue(Optional.of(count));
        assertThat(saved.find("Count").orElseThrow().text()).isEqualTo("SELECT 2");
    }
}
