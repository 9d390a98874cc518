package io.cosmosdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cosmosdesk.testing.FxAppExtension;
import org.junit.jupiter.api.Test;

/**
 * GUI tests show their window through {@link FxAppExtension}, which gives each test a fresh stage. TestFX's own
 * {@code ApplicationExtension} hands every test the toolkit's one primary stage as the test before left it (size,
 * min/max sizes, scene, maximized), so a test passes alone and fails in the full suite.
 */
class GuiTestRulesTest {

    @Test
    void guiTestsShowTheirWindowThroughFxAppExtension() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.cosmosdesk");
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.testfx.framework.junit5.ApplicationExtension")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.testfx.framework.junit5.Start")
                .because("FxAppExtension gives each test a fresh stage; ApplicationExtension shares one")
                .check(tests);
    }
}
