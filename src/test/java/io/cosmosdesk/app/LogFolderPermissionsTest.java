package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cosmosdesk.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log folder is the user's alone, and log files an earlier version left readable by others are narrowed. */
class LogFolderPermissionsTest {

    @TempDir
    Path home;

    @Test
    void theLogFolderIsPrivateAndOldLogFilesAreNarrowed() throws Exception {
        assumeTrue(PrivateFiles.posix());
        Path logs = Files.createDirectories(home.resolve("state").resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(logs.resolve("cosmosdesk.log"), "a line\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        LoggingConfigurator.prepareFolder(logs);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }

    @Test
    void aMissingLogFolderIsCreatedPrivate() throws Exception {
        assumeTrue(PrivateFiles.posix());
        Path logs = home.resolve("fresh").resolve("logs");
        LoggingConfigurator.prepareFolder(logs);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.getParent())))
                .isEqualTo("rwx------");
    }
}
