import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packaging step (a single-file program, run with the build's JavaFX jars on the class path:
 * {@code java -cp "javafx/*" packaging/TrimTheme.java LIST ATLANTAFX_JAR}): drops from AtlantaFX's Primer light and
 * dark stylesheets, inside the installer's copy of atlantafx-base, every selector that names a style class of a
 * control CosmosDesk never creates (LIST: packaging/theme-unused-controls.txt), and writes each trimmed sheet
 * back as .css and as JavaFX's pre-parsed .bss (which JavaFX reads instead of the .css). At start JavaFX loads
 * the whole user-agent stylesheet and sorts every selector into its matching tables on the UI thread, and
 * matches each new node against the selectors whose last part fits it ({@code .chart .label} is tried on every
 * label): a third fewer selectors is less of both. Only the installers get it; the tests run on the full sheet,
 * and ThemeTrimListTest keeps the list to controls the app really never creates.
 * Fails (exit 1, with a sentence) on anything it does not understand in the stylesheet rather than guessing.
 */
public final class TrimTheme {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z][\\w-]*)");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp 'javafx/*' TrimTheme.java LIST ATLANTAFX_JAR");
            System.exit(2);
        }
        List<String> unused = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                unused.add(line.strip().split("\\s+")[0]);
            }
        }
        Path jar = Path.of(args[1]);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (String theme : new String[] {"primer-light", "primer-dark"}) {
                trim(zip, "/atlantafx/base/theme/" + theme, unused);
            }
        }
    }

    private static void trim(FileSystem zip, String base, List<String> unused) throws IOException {
        Path cssEntry = zip.getPath(base + ".css");
        if (!Files.exists(cssEntry)) {
            fail(base + ".css is not in the AtlantaFX jar: the theme's name or place changed");
        }
        String css = COMMENT.matcher(Files.readString(cssEntry, StandardCharsets.UTF_8)).replaceAll("");
        StringBuilder out = new StringBuilder();
        int kept = 0;
        int dropped = 0;
        int end = 0;
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            if (!css.substring(end, rule.start()).isBlank()) {
                fail("cannot read " + base + ".css near \"" + css.substring(end, Math.min(end + 60, css.length()))
                        + "\" (an @-rule or nested block?)");
            }
            end = rule.end();
            if (rule.group(1).contains("@")) {
                fail("an @-rule in " + base + ".css: \"" + rule.group(1).strip() + "\"");
            }
            List<String> selectors = new ArrayList<>();
            for (String selector : rule.group(1).split(",")) {
                if (namesUnused(selector, unused)) {
                    dropped++;
                } else {
                    selectors.add(selector.strip());
                    kept++;
                }
            }
            if (!selectors.isEmpty()) {
                out.append(String.join(",\n", selectors)).append(" {").append(rule.group(2)).append("}\n");
            }
        }
        if (!css.substring(end).isBlank()) {
            fail("cannot read the end of " + base + ".css");
        }
        if (kept == 0 || dropped == 0) {
            fail(base + ".css: kept " + kept + " selectors and dropped " + dropped + ": the theme changed shape");
        }
        Path trimmedCss = Files.createTempFile("primer", ".css");
        Path trimmedBss = Files.createTempFile("primer", ".bss");
        try {
            Files.writeString(trimmedCss, out, StandardCharsets.UTF_8);
            javafx.css.Stylesheet.convertToBinary(trimmedCss.toFile(), trimmedBss.toFile());
            Files.copy(trimmedCss, cssEntry, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(trimmedBss, zip.getPath(base + ".bss"), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("trim-theme: " + base + ": kept " + kept + " selectors, dropped " + dropped + " ("
                    + Files.size(trimmedBss) + " bytes pre-parsed)");
        } finally {
            Files.deleteIfExists(trimmedCss);
            Files.deleteIfExists(trimmedBss);
        }
    }

    /** The selector names a style class of the list: itself, "class-…" or "classN" (chart's default-color0). */
    private static boolean namesUnused(String selector, List<String> unused) {
        Matcher styleClass = STYLE_CLASS.matcher(selector);
        while (styleClass.find()) {
            String name = styleClass.group(1);
            for (String prefix : unused) {
                if (name.equals(prefix) || name.startsWith(prefix + "-") || name.matches(Pattern.quote(prefix) + "\\d+")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void fail(String why) {
        System.err.println("trim-theme: FAILED: " + why);
        System.exit(1);
    }
}
