package io.cosmosdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of STYLE.md, enforced: logic never touches the scene graph or threads of its own. */
class LayerRulesTest {

    private static final Pattern TEST_CLASS = Pattern.compile(".*(IT|Test)(\\$[^/]*)?\\.class$");

    /**
     * The app's classes, and the sandbox's (src/sandbox/java): it is compiled with the tests so that no
     * installer ships it, but it is not test code and keeps the rules.
     */
    private static final ImportOption APP_AND_SANDBOX = location ->
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("/io/cosmosdesk/sandbox/") && !location.matches(TEST_CLASS);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(APP_AND_SANDBOX)
                .importPackages("io.cosmosdesk");
    }

    @Test
    void theRulesSeeTheSandboxButNoTests() {
        org.assertj.core.api.Assertions.assertThat(classes.contain("io.cosmosdesk.sandbox.SandboxLauncher"))
                .as("sandbox classes are imported").isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("io.cosmosdesk.sandbox.SampleDataSeederIT"))
                .as("tests are not").isFalse();
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..")
                .because("view-models are plain Java over javafx.beans and javafx.collections only")
                .check(classes);
    }

    /** A view-model split into parts (paging, counting, ...) keeps the rule for every part, whatever its name. */
    @Test
    void thePartsOfViewModelsDoNotUseTheSceneGraphEither() {
        DescribedPredicate<JavaClass> partOfAViewModel = DescribedPredicate.describe(
                "are used by a view-model of their own package",
                type -> type.getDirectDependenciesToSelf().stream().anyMatch(use ->
                        use.getOriginClass().getSimpleName().endsWith("ViewModel")
                                && use.getOriginClass().getPackageName().equals(type.getPackageName())));
        noClasses().that(partOfAViewModel)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..")
                .because("view-models are plain Java over javafx.beans and javafx.collections only")
                .check(classes);
    }

    @Test
    void servicesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("io.cosmosdesk.cosmos..", "io.cosmosdesk.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("services run on background threads and are tested against the real server")
                .check(classes);
    }

    @Test
    void onlyTheFxTaskRunnerUsesRunLater() {
        noClasses().that().haveNameNotMatching("io\\.cosmosdesk\\.ui\\.FxTaskRunner(\\$.*)?")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("TaskRunner is the only door between background threads and the UI thread")
                .check(classes);
    }

    @Test
    void nobodyStartsRawThreads() {
        noClasses().that().resideOutsideOfPackages("io.cosmosdesk.ui..", "io.cosmosdesk.sandbox..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .because("background work goes through TaskRunner")
                .check(classes);
    }

    @Test
    void controllersLiveBesideTheirViews() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should().resideOutsideOfPackage("io.cosmosdesk.cosmos..")
                .check(classes);
    }
}
