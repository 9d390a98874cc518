package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoveJournalTest {

    @TempDir
    Path folder;

    private static ObjectNode record(String type, int n) {
        return JsonNodeFactory.instance.objectNode().put("t", type).put("n", n);
    }

    private Path journalWithThreeRecords() {
        try (MoveJournal journal = MoveJournal.create(folder, "job-1", record("JOB", 0).put("job", "job-1"))) {
            journal.append(record("PLANNED", 0));
            journal.append(record("CREATED", 0));
            journal.appendAndSync(record("DONE", 0));
            assertThat(journal.syncCount()).isEqualTo(2);
            return journal.file();
        }
    }

    @Test
    void readsBackWhatWasAppended() {
        MoveJournal.Contents contents = MoveJournal.read(journalWithThreeRecords());
        assertThat(contents.header().get("job").asText()).isEqualTo("job-1");
        assertThat(contents.records()).extracting(r -> r.get("t").asText()).containsExactly("PLANNED", "CREATED", "DONE");
        assertThat(contents.tornTail()).isFalse();
    }

    @Test
    void aTornLastLineIsLeftOutAndCutOffBeforeAppending() throws Exception {
        Path file = journalWithThreeRecords();
        long intact = Files.size(file);
        Files.writeString(file, "{\"t\":\"PLANNED\",\"n\":1,\"bo", StandardOpenOption.APPEND);

        MoveJournal.Contents contents = MoveJournal.read(file);
        assertThat(contents.tornTail()).isTrue();
        assertThat(contents.records()).hasSize(3);
        assertThat(contents.validLength()).isEqualTo(intact);

        try (MoveJournal journal = MoveJournal.openForAppend(file)) {
            journal.appendAndSync(record("PLANNED", 1));
        }
        assertThat(MoveJournal.read(file).records()).extracting(r -> r.get("t").asText())
                .containsExactly("PLANNED", "CREATED", "DONE", "PLANNED");
        assertThat(Files.readString(file)).doesNotContain("\"bo");
    }

    @Test
    void zerosLeftByAPowerLossCountAsATornTail() throws Exception {
        Path file = journalWithThreeRecords();
        Files.write(file, new byte[64], StandardOpenOption.APPEND);
        assertThat(MoveJournal.read(file).tornTail()).isTrue();
        assertThat(MoveJournal.read(file).records()).hasSize(3);
    }

    @Test
    void aDamagedLineBeforeGoodOnesIsAnError() throws Exception {
        Path file = journalWithThreeRecords();
        String text = Files.readString(file).replace("\"CREATED\"", "\"CREA");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MoveJournal.read(file)).isInstanceOfSatisfying(CosmosDeskException.class,
                e -> assertThat(e.userMessage()).contains("damaged at line 3"));
    }

    @Test
    void aJournalInUseCannotBeOpenedTwice() {
        Path file = journalWithThreeRecords();
        try (MoveJournal first = MoveJournal.openForAppend(file)) {
            assertThatThrownBy(() -> MoveJournal.openForAppend(file)).isInstanceOfSatisfying(CosmosDeskException.class,
                    e -> assertThat(e.userMessage()).contains("already running"));
        }
    }

    @Test
    void aFinishedJournalMovesToDone() {
        MoveJournal journal = MoveJournal.create(folder, "job-2", record("JOB", 0));
        journal.appendAndSync(record("END", 0));
        Path done = journal.closeAsFinished();
        assertThat(done).isEqualTo(folder.resolve("done").resolve("job-2.jsonl"));
        assertThat(Files.exists(folder.resolve("job-2.jsonl"))).isFalse();
    }
}
