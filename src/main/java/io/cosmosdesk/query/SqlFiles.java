package io.cosmosdesk.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Opening and saving {@code .sql} files: the choosers, and reading and writing (UTF-8, atomically). */
public final class SqlFiles {

    private static final FileChooser.ExtensionFilter SQL = new FileChooser.ExtensionFilter("SQL queries (*.sql)",
            "*.sql");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*.*");
    private static Path lastFolder;

    private SqlFiles() {
    }

    /** Asks for a {@code .sql} file to open. */
    public static Optional<Path> chooseOpen(Window owner) {
        FileChooser chooser = chooser("Open query");
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(file -> remember(file.toPath()));
    }

    /** Asks where to save; {@code .sql} is added when the name has no extension. */
    public static Optional<Path> chooseSave(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Save query as");
        chooser.setInitialFileName(withExtension(suggestedName == null || suggestedName.isBlank() ? "query"
                : suggestedName.replaceAll("[\\\\/:*?\"<>|]", "_")));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(file -> remember(
                Path.of(withExtension(file.toPath().toString()))));
    }

    /** The file's text (UTF-8, a byte-order mark dropped, line ends as \n). */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Writes the text through a temporary file moved over the old one: a crash never leaves half a query. */
    public static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String withExtension(String name) {
        String file = Path.of(name).getFileName().toString();
        return file.contains(".") ? name : name + ".sql";
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(SQL, ALL);
        synchronized (SqlFiles.class) {
            if (lastFolder != null && Files.isDirectory(lastFolder)) {
                chooser.setInitialDirectory(lastFolder.toFile());
            }
        }
        return chooser;
    }

    private static synchronized Path remember(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        return file;
    }
}
