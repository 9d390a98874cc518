package io.cosmosdesk.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The one way CosmosDesk makes files that hold user data (audit log, move and import journals, logs): folders
 * readable by the user alone (0700) and files too (0600) where the file system has POSIX permissions (Linux,
 * macOS). On Windows the folders live in the user's own profile, whose ACLs already keep other accounts out, so
 * nothing is changed there. Permissions are given when a file or folder is created (never created wider and
 * narrowed afterwards, which would leave a moment when others could open it), and folders and files made by an
 * older version are narrowed when next used.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** True where files have POSIX permissions (then everything here applies them). */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code folder} and any missing parents as 0700, and narrows {@code folder} itself to 0700 if it
     * existed wider. Parents that existed are left alone (they may be the user's own, such as ~/.local/share).
     * Only for CosmosDesk's own folders: see {@link #createMissingFolders} for a folder the user may have chosen.
     */
    public static Path createFolder(Path folder) throws IOException {
        createMissingFolders(folder);
        restrict(folder.toAbsolutePath());
        return folder;
    }

    /** Creates the missing folders of {@code folder} as 0700; folders that exist are left as they are. */
    public static Path createMissingFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                if (posix()) {
                    Files.createDirectory(next, PosixFilePermissions.asFileAttribute(FOLDER));
                    // the umask may have taken bits away, never added: set exactly what we mean
                    Files.setPosixFilePermissions(next, FOLDER);
                } else {
                    Files.createDirectory(next);
                }
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another thread or process
            }
        }
        return folder;
    }

    /** Creates a new, empty file readable by the user alone; fails if it exists. Its folder must exist. */
    public static Path createFile(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /**
     * Opens {@code file} with {@code options}; a file this creates is readable by the user alone, and an existing
     * one is narrowed to that.
     */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        FileChannel channel = posix()
                ? FileChannel.open(file, Set.of(options), new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)})
                : FileChannel.open(file, options);
        try {
            restrict(file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** Narrows an existing file (0600) or folder (0700); nothing where there are no POSIX permissions. */
    public static void restrict(Path path) throws IOException {
        if (!posix() || !Files.exists(path)) {
            return;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? FOLDER : FILE;
        if (!Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }
}
