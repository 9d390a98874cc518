import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Packaging step (a single-file program, run with the build's JavaFX jars on the class path:
 * {@code java -cp "javafx/*" packaging/BinaryStylesheet.java JAR CSS ENTRY [CSS ENTRY ...]}): converts each of the
 * app's stylesheets to JavaFX's pre-parsed binary form and adds it to the app's jar beside its .css, as ENTRY
 * (…/cosmosdesk.bss). JavaFX loads a .bss found next to a requested .css instead of parsing the text: at start the
 * UI thread then reads it instead of running the CSS parser (~470 lines of the app's sheet, and the theme's popup
 * sheet, which {@code PopupThemeSheets} adds to the main window: without its .bss that sheet was the only text
 * the first CSS pass parsed, loading and running JavaFX's CSS lexer and parser). Only the installer's jar gets
 * them, so a developer's edit to a .css is never shadowed by a stale .bss in target/classes.
 */
public final class BinaryStylesheet {

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: java -cp 'javafx/*' BinaryStylesheet.java JAR CSS ENTRY [CSS ENTRY ...]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (int i = 1; i < args.length; i += 2) {
                Path css = Path.of(args[i]);
                Path bss = Files.createTempFile("cosmosdesk", ".bss");
                try {
                    javafx.css.Stylesheet.convertToBinary(css.toFile(), bss.toFile());
                    Files.copy(bss, zip.getPath(args[i + 1]), StandardCopyOption.REPLACE_EXISTING);
                    System.out.println("binary-stylesheet: " + args[i + 1] + " (" + Files.size(bss) + " bytes) added to "
                            + jar.getFileName());
                } finally {
                    Files.deleteIfExists(bss);
                }
            }
        }
    }
}
