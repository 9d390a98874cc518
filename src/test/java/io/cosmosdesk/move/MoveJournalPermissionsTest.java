package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Move journals hold whole item bodies: their folders are 0700 and the files 0600, whatever the umask, and a
 * folder or journal left world-readable by an earlier version is narrowed when used.
 */
class MoveJournalPermissionsTest {

    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(PrivateFiles.posix(), "POSIX permissions");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewJournalAndItsFoldersAreReadableByTheUserAlone() throws Exception {
        Path moves = home.resolve("data").resolve("moves");
        Path file;
        try (MoveJournal journal = MoveJournal.create(moves, "job-1",
                JsonNodeFactory.instance.objectNode().put("t", "JOB").put("job", "job-1"))) {
            file = journal.file();
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(moves)).isEqualTo("rwx------");
            assertThat(mode(moves.getParent())).isEqualTo("rwx------");
            Path done = journal.closeAsFinished();
            assertThat(mode(done.getParent())).isEqualTo("rwx------");
            assertThat(mode(done)).isEqualTo("rw-------");
        }
    }

    @Test
    void aJournalMadeWorldReadableBeforeIsNarrowedWhenContinued() throws Exception {
        Path moves = Files.createDirectories(home.resolve("moves"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = moves.resolve("job-2" + MoveJournal.EXTENSION);
        Files.writeString(file, "{\"t\":\"JOB\",\"job\":\"job-2\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(moves, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (MoveJournal journal = MoveJournal.openForAppend(file)) {
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(moves)).isEqualTo("rwx------");
        }
    }
}
