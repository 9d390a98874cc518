import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Packaging step (a single-file program, run with the build's JavaFX jars on the class path:
 * {@code java -cp "javafx/*" packaging/BinaryStylesheet.java CSS JAR ENTRY}): converts the app's stylesheet to
 * JavaFX's pre-parsed binary form and adds it to the app's jar beside the .css, as ENTRY (…/cosmosdesk.bss).
 * JavaFX loads a .bss found next to a requested .css instead of parsing the text: at start the UI thread
 * then reads it instead of running the CSS parser over ~470 lines. Only the installer's jar gets it, so a
 * developer's edit to the .css is never shadowed by a stale .bss in target/classes.
 */
public final class BinaryStylesheet {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp 'javafx/*' BinaryStylesheet.java CSS JAR ENTRY");
            System.exit(2);
        }
        Path css = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path bss = Files.createTempFile("cosmosdesk", ".bss");
        try {
            javafx.css.Stylesheet.convertToBinary(css.toFile(), bss.toFile());
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                Files.copy(bss, zip.getPath(args[2]), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("binary-stylesheet: " + args[2] + " (" + Files.size(bss) + " bytes) added to "
                    + jar.getFileName());
        } finally {
            Files.deleteIfExists(bss);
        }
    }
}
