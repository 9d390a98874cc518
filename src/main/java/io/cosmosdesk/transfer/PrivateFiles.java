package io.cosmosdesk.transfer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Folders (0700) and files (0600) that hold users' data: journals, reports, items that failed. */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    static Path folder(Path folder) throws IOException {
        if (POSIX && !Files.exists(folder)) {
            Files.createDirectories(folder.toAbsolutePath().getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
        Files.createDirectories(folder);
        restrict(folder, "rwx------");
        return folder;
    }

    static void file(Path file) throws IOException {
        restrict(file, "rw-------");
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
