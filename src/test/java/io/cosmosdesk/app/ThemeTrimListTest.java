package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installers' theme leaves out the rules of controls listed in packaging/theme-unused-controls.txt
 * (packaging/TrimTheme.java). A control of the list, or a style class whose rules the trimming drops, used by the
 * app would look unstyled in the installed app only, where no test looks: so the app must use none of them.
 */
class ThemeTrimListTest {

    private static final Path LIST = Path.of("packaging/theme-unused-controls.txt");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z][\\w-]*)");
    /** Where the app's views are: code, its stylesheet, and the FXML files (a resource folder of their own). */
    private static final Path[] SOURCES = {Path.of("src/main/java"), Path.of("src/main/resources"), Path.of("fxml")};

    @Test
    void theAppCreatesNoControlOfTheList() throws IOException {
        Set<String> unusedControls = new TreeSet<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.strip().split("\\s+");
                unusedControls.addAll(List.of(fields).subList(1, fields.length));
            }
        }
        assertThat(unusedControls).contains("javafx.scene.control.Slider");
        Set<String> used = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cosmosdesk")) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                if (unusedControls.contains(dependency.getTargetClass().getName())) {
                    used.add(type.getName() + " -> " + dependency.getTargetClass().getName());
                }
            }
        }
        try (Stream<Path> files = walk(Path.of("fxml"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".fxml")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String control : unusedControls) {
                    if (Pattern.compile("<" + Pattern.quote(control.substring(control.lastIndexOf('.') + 1)) + "[\\s/>]")
                            .matcher(text).find()) {
                        used.add(file + " -> " + control);
                    }
                }
            }
        }
        assertThat(used).as("the installers' theme has no rules for these (delete their lines from " + LIST + ")")
                .isEmpty();
    }

    @Test
    void theAppUsesNoStyleClassWhoseRulesTheTrimmingDrops(@TempDir Path work) throws Exception {
        Path jar = work.resolve("atlantafx.jar");
        Files.copy(Path.of(PrimerLight.class.getProtectionDomain().getCodeSource().getLocation().toURI()), jar);
        String before = sheet(jar);
        trim(jar);
        Set<String> dropped = styleClasses(before);
        dropped.removeAll(styleClasses(sheet(jar)));
        assertThat(dropped).as("style classes no longer in the trimmed sheet").contains("chart", "slider")
                .doesNotContain("button", "label", "tree-view", "table-view", "accent");

        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Stream.of(SOURCES).flatMap(ThemeTrimListTest::walk)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") && !name.endsWith(".css") && !name.endsWith(".fxml")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String styleClass : dropped) {
                    if (name.endsWith(".css") ? styleClasses(text).contains(styleClass)
                            : namesStyleClass(text, styleClass)) {
                        uses.add(file + ": " + styleClass);
                    }
                }
            }
        }
        assertThat(uses).as("AtlantaFX's rules for these are left out of the installers' theme (" + LIST + ")")
                .isEmpty();
    }

    /** A line of Java or FXML that gives a node this style class ({@code getStyleClass().add("card")}, styleClass="card"). */
    private static boolean namesStyleClass(String text, String styleClass) {
        Pattern quoted = Pattern.compile("\"([^\"]*[\\s,])?" + Pattern.quote(styleClass) + "([\\s,][^\"]*)?\"");
        return text.lines().anyMatch(line -> (line.contains("StyleClass") || line.contains("styleClass")
                || line.contains("Styles.")) && quoted.matcher(line).find());
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sheet(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            return Files.readString(zip.getPath("/atlantafx/base/theme/primer-light.css"), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> styleClasses(String css) {
        Set<String> names = new TreeSet<>();
        Matcher selectorPart = Pattern.compile("([^{}]+)\\{[^{}]*\\}")
                .matcher(Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(css).replaceAll(""));
        while (selectorPart.find()) {
            Matcher styleClass = STYLE_CLASS.matcher(selectorPart.group(1));
            while (styleClass.find()) {
                names.add(styleClass.group(1));
            }
        }
        return names;
    }

    /** Runs the packaging step itself on the copy, with the JavaFX jars the tests run on. */
    private static void trim(Path jar) throws Exception {
        String javafx = Path.of(javafx.css.Stylesheet.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + Path.of(javafx.beans.Observable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", javafx, "packaging/TrimTheme.java", LIST.toString(), jar.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
