import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step of every build (generate-resources; a single-file program: {@code java PopupSheets.java ATLANTAFX_JAR
 * VERSION OUT_DIR}): writes popups-light.css and popups-dark.css, the theme's {@code -color-*} variables for popups'
 * own nodes (app.PopupThemeSheets says why), from the {@code .root} block of AtlantaFX's Primer sheets in the jar
 * the build uses, so they follow the theme on an upgrade instead of drifting as committed copies. Reads the jar as
 * TrimTheme does. Fails (exit 1, with a sentence) when the sheet is not where it was or has no such variables.
 */
public final class PopupSheets {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("(?m)^\\.root\\s*\\{([^{}]*)\\}");
    private static final Pattern COLOR = Pattern.compile("(-color-[\\w-]+)\\s*:\\s*([^;]+);");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java PopupSheets.java ATLANTAFX_JAR VERSION OUT_DIR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        if (!Files.isRegularFile(jar)) {
            fail("no AtlantaFX jar at " + jar);
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (String theme : new String[] {"light", "dark"}) {
                Path entry = zip.getPath("/atlantafx/base/theme/primer-" + theme + ".css");
                if (!Files.exists(entry)) {
                    fail(entry + " is not in the AtlantaFX jar: the theme's name or place changed");
                }
                String css = COMMENT.matcher(Files.readString(entry, StandardCharsets.UTF_8)).replaceAll("");
                Matcher root = ROOT.matcher(css);
                if (!root.find()) {
                    fail("no .root block in primer-" + theme + ".css");
                }
                StringBuilder sheet = new StringBuilder("/* GENERATED from AtlantaFX " + args[1] + " primer-" + theme
                        + ".css's .root block (its -color-* variables), for popups: see Theme.popupStylesheet. */\n"
                        + ".tooltip,\n.context-menu,\n.combo-box-popup {\n");
                int variables = 0;
                Matcher color = COLOR.matcher(root.group(1));
                while (color.find()) {
                    sheet.append("  ").append(color.group(1)).append(": ").append(color.group(2).strip()).append(";\n");
                    variables++;
                }
                if (variables < 20) {
                    fail("primer-" + theme + ".css's .root has " + variables + " -color-* variables: the theme changed shape");
                }
                sheet.append("}\n");
                Path target = out.resolve("popups-" + theme + ".css");
                if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).contentEquals(sheet)) {
                    Files.writeString(target, sheet, StandardCharsets.UTF_8);
                }
                System.out.println("popup-sheets: " + target.getFileName() + ": " + variables + " variables");
            }
        }
    }

    private static void fail(String why) {
        System.err.println("popup-sheets: FAILED: " + why);
        System.exit(1);
    }
}
