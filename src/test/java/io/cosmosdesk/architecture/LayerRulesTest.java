package io.cosmosdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncStoredProcedure;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosStoredProcedure;
import com.tngtech.archunit.lang.ArchRule;
import io.cosmosdesk.audit.AuditedWrites;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
                // the exceptions: start-up's warm-up thread runs in main() before JavaFX or any TaskRunner exists
                .and().doNotHaveFullyQualifiedName("io.cosmosdesk.app.StartupWarmUp")
                // and its text warm-up, begun in init() before the app and its TaskRunner are built
                .and().doNotHaveFullyQualifiedName("io.cosmosdesk.app.TextWarmUp")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .because("background work goes through TaskRunner")
                .check(classes);
    }

    /** The move package's dialogs and their view-models are UI; everything else in it is the engine. */
    private static final DescribedPredicate<JavaClass> PART_OF_THE_MOVE_ENGINE = DescribedPredicate.describe(
            "are part of the move engine (io.cosmosdesk.move, not a dialog, controller or view-model)", type -> {
                String topLevel = topLevelName(type);
                String simple = topLevel.substring(topLevel.lastIndexOf('.') + 1);
                return type.getPackageName().startsWith("io.cosmosdesk.move")
                        && !simple.endsWith("Dialog") && !simple.endsWith("DialogController")
                        && !simple.endsWith("ViewModel")
                        // a row of MoveDialogViewModel (one partition key level to edit), bound by the dialog
                        && !simple.equals("TargetLevel");
            });

    @Test
    void theMoveEngineUsesNoJavaFx() {
        noClasses().that(PART_OF_THE_MOVE_ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("moves run on background threads, are resumed after a crash and are tested against the "
                        + "real server; only the dialogs and their view-models are UI")
                .check(classes);
    }

    /**
     * The classes that may start or use a thread pool of their own, each with the reason. Everything else runs
     * through the TaskRunner (or the SDK's own threads).
     */
    private static final Map<String, String> THREAD_POOL_OWNERS = Map.of(
            "io.cosmosdesk.ui.FxTaskRunner",
            "it is the TaskRunner: the one pool for background work, with callbacks on the FX thread",
            "io.cosmosdesk.move.BackgroundOperations",
            "a move's blocking SDK calls run on Reactor's boundedElastic, the pool meant for blocking work beside "
                    + "the SDK's own, while the job thread (a TaskRunner task) journals their results",
            "io.cosmosdesk.connection.DeferredSecretStore",
            "probing the OS keychain loads native code (about a second) and must not delay the first window; one "
                    + "short task on the common pool at start-up, before any TaskRunner exists",
            "io.cosmosdesk.audit.AuditLog",
            "one daemon thread writes and syncs the audit entries of jobs (moves, imports) in order while the server "
                    + "works on the next batch; the job waits for it (flush) before it reports",
            "io.cosmosdesk.patch.PatchPipeline",
            "a bulk patch keeps a few batches in flight (journal, send, journal the answers) on Reactor's "
                    + "boundedElastic while the job thread reads the next page; the job waits for them before it reports",
            "io.cosmosdesk.patch.PageReadAhead",
            "a bulk patch of every item matching a filter reads the next pages (blocking SDK calls) on Reactor's "
                    + "boundedElastic while its batches are patched; at most two pages ahead, stopped with the job",
            "io.cosmosdesk.sandbox.LocalCosmosServer",
            "sandbox only: reads the server's output for its ready line while start() waits with a timeout");

    private static String topLevelName(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Test
    void threadPoolsOnlyWhereDocumented() {
        DescribedPredicate<JavaMethodCall> usesAPool = DescribedPredicate.describe("uses Executors, a Reactor "
                + "scheduler, or a CompletableFuture *Async method on the common pool", call -> {
                    String owner = call.getTargetOwner().getName();
                    if (owner.equals("java.util.concurrent.Executors")
                            || owner.equals("reactor.core.scheduler.Schedulers")) {
                        return true;
                    }
                    return owner.equals(CompletableFuture.class.getName()) && call.getName().endsWith("Async")
                            && call.getTarget().getRawParameterTypes().stream()
                                    .noneMatch(parameter -> parameter.isAssignableTo(Executor.class));
                });
        noClasses().that(DescribedPredicate.describe("are not on the documented allow-list",
                        type -> !THREAD_POOL_OWNERS.containsKey(topLevelName(type))))
                .should().callMethodWhere(usesAPool)
                .because("background work goes through TaskRunner; a class with a reason of its own is added to "
                        + "THREAD_POOL_OWNERS with that reason")
                .check(classes);
        assertThat(THREAD_POOL_OWNERS.keySet()).allMatch(classes::contain);
    }

    @Test
    void oneConfiguredObjectMapper() {
        noClasses().that().doNotHaveFullyQualifiedName("io.cosmosdesk.json.Json")
                .should().callConstructorWhere(DescribedPredicate.describe("an ObjectMapper constructor",
                        call -> call.getTargetOwner().isAssignableTo(com.fasterxml.jackson.databind.ObjectMapper.class)))
                .orShould().callMethod(com.fasterxml.jackson.databind.json.JsonMapper.class, "builder")
                .because("io.cosmosdesk.json.Json holds the one configured mapper; variants are readers and writers")
                .check(classes);
    }

    /** The SDK's methods that change items, on the containers and stored procedures (async and blocking). */
    private static final Set<String> SDK_ITEM_WRITES = Set.of("createItem", "replaceItem", "upsertItem", "deleteItem",
            "patchItem", "executeBulkOperations", "executeCosmosBatch", "deleteAllItemsByPartitionKey", "execute");
    private static final Set<String> SDK_WRITERS = Set.of(CosmosAsyncContainer.class.getName(),
            CosmosContainer.class.getName(), CosmosAsyncStoredProcedure.class.getName(),
            CosmosStoredProcedure.class.getName());
    private static final DescribedPredicate<JavaMethodCall> AN_SDK_ITEM_WRITE = DescribedPredicate.describe(
            "a Cosmos SDK method that writes items (" + String.join(", ", new java.util.TreeSet<>(SDK_ITEM_WRITES))
                    + ")", call -> SDK_WRITERS.contains(call.getTargetOwner().getName())
                    && SDK_ITEM_WRITES.contains(call.getName()));

    /** Where item writes may be sent from: the audited door, and the sandbox's seeding (test machinery). */
    private static final ArchRule ONLY_THE_AUDITED_DOOR_WRITES = noClasses()
            .that(DescribedPredicate.describe("are not io.cosmosdesk.audit.AuditedWrites or the sandbox",
                    type -> !topLevelName(type).equals(AuditedWrites.class.getName())
                            && !type.getPackageName().startsWith("io.cosmosdesk.sandbox")))
            .should().callMethodWhere(AN_SDK_ITEM_WRITE)
            .because("every write CosmosDesk makes is recorded in the audit log by AuditedWrites before the UI "
                    + "reports it (see notes/audit-shared.md)");

    @Test
    void everyItemWriteGoesThroughTheAuditedDoor() {
        ONLY_THE_AUDITED_DOOR_WRITES.check(classes);
    }

    /** The rule is not vacuous: the door itself makes such calls, and a class that bypasses it is caught. */
    @Test
    void theAuditRuleSeesWritesAndCatchesABypass() {
        assertThat(classes.get(AuditedWrites.class).getMethodCallsFromSelf())
                .anyMatch(AN_SDK_ITEM_WRITE::test)
                .anyMatch(call -> call.getName().equals("executeBulkOperations"));
        JavaClasses bypass = new ClassFileImporter().importClasses(BypassesTheAuditLog.class);
        assertThat(ONLY_THE_AUDITED_DOOR_WRITES.evaluate(bypass).hasViolation()).isTrue();
    }

    /** Only the benchmark's baseline (test sources) turns recording off. */
    @Test
    void nothingInTheAppTurnsTheAuditLogOff() {
        noClasses().that().doNotHaveFullyQualifiedName(AuditedWrites.class.getName())
                .should().callConstructor(AuditedWrites.class, io.cosmosdesk.audit.AuditLog.class, boolean.class)
                .because("every write the app makes is recorded")
                .check(classes);
    }

    /** Writes straight through the SDK: what the rule must refuse. Never called. */
    static final class BypassesTheAuditLog {
        void write(CosmosAsyncContainer container, com.fasterxml.jackson.databind.node.ObjectNode item) {
            container.upsertItem(item).block();
        }
    }

    @Test
    void controllersLiveBesideTheirViews() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should().resideOutsideOfPackage("io.cosmosdesk.cosmos..")
                .check(classes);
    }
}
