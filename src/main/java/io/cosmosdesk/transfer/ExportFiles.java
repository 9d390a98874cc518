package io.cosmosdesk.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file side of an export: it is written to a private temporary file beside the target ({@code .NAME.part-…},
 * owner-only), forced to disk and moved into place only when complete, so a cancelled, failed or crashed export
 * never leaves a file that looks complete. Failures become sentences ({@link #sentence}).
 */
final class ExportFiles {

    static final String PART_SUFFIX = ".part";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ExportFiles() {
    }

    /** Checks the target before anything is read from the account, so a typo costs no RU. */
    static Path checkTarget(Path target, boolean replaceExisting) {
        Path file = target.toAbsolutePath().normalize();
        if (file.getFileName() == null) {
            throw fileProblem("Choose a file name to export to, not " + target + ".", null);
        }
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw fileProblem(file + " is a folder: choose a file name inside it.", null);
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw fileProblem("The folder " + folder + " does not exist: create it or choose another.", null);
        }
        if (!Files.isWritable(folder)) {
            throw fileProblem("You may not write to the folder " + folder
                    + " (permission denied): choose another folder.", null);
        }
        if (!replaceExisting && Files.exists(file)) {
            throw fileProblem(file + " already exists: choose another name, or allow replacing it.", null);
        }
        return file;
    }

    /** A new owner-only temporary file beside {@code file}. */
    static Path createPart(Path file) throws IOException {
        String name = "." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + PART_SUFFIX;
        Path part = file.resolveSibling(name);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        return Files.createFile(part, attributes);
    }

    /** A stream to {@code part}; {@link #complete} forces it to disk through the channel. */
    static FileChannel open(Path part) throws IOException {
        return FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static OutputStream stream(FileChannel channel) {
        return Channels.newOutputStream(channel);
    }

    /** Moves the finished part into place (replacing the target when allowed), in one step where possible. */
    static void complete(Path part, Path file, boolean replaceExisting) throws IOException {
        StandardCopyOption[] replace = replaceExisting
                ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                : new StandardCopyOption[0];
        if (!replaceExisting && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        try {
            Files.move(part, file, withAtomic(replace));
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, replace);
        }
    }

    private static StandardCopyOption[] withAtomic(StandardCopyOption[] options) {
        StandardCopyOption[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = StandardCopyOption.ATOMIC_MOVE;
        return all;
    }

    /** Removes a part file; never throws (the caller is already reporting a failure). */
    static boolean discard(Path part) {
        try {
            return Files.deleteIfExists(part);
        } catch (IOException e) {
            return false;
        }
    }

    /** One sentence for a failure writing {@code file}. */
    static String sentence(IOException e, Path file) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        Path folder = file.getParent();
        if (message.contains("no space left") || message.contains("disk full") || message.contains("not enough space")
                || message.contains("quota")) {
            return "The disk is full (no space left on the drive of " + folder + "): free some space or choose "
                    + "another drive.";
        }
        if (e instanceof AccessDeniedException || message.contains("permission denied")) {
            return "You may not write to " + folder + " (permission denied): choose another folder.";
        }
        if (message.contains("read-only file system")) {
            return "The drive of " + folder + " is read-only: choose another folder.";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " appeared while exporting: it was left alone; export again to replace it.";
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return "The folder " + folder + " is gone (deleted or unmounted while exporting).";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "Could not write " + file + ": " + fs.getReason() + ".";
        }
        return "Could not write " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()) + ".";
    }

    private static ExportException fileProblem(String sentence, Throwable cause) {
        return new ExportException(ExportException.Reason.FILE, sentence, cause);
    }
}
