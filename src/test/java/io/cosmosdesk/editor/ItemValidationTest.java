package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short texts are checked at once, long ones in the background; an answer about an older text is dropped. */
class ItemValidationTest {

    private static final List<String> PATHS = List.of("/pk");

    private final ImmediateTaskRunner deferred = ImmediateTaskRunner.deferred();
    private int changes;

    /** An item just over the background threshold; {@code valid} false gives it a syntax error at the end. */
    private static String longItem(boolean valid) {
        String pad = "x".repeat(ItemValidation.BACKGROUND_VALIDATION_CHARS);
        return "{\"id\":\"a\",\"pk\":\"p\",\"pad\":\"" + pad + "\"" + (valid ? "}" : ",}");
    }

    private ItemValidation validation(TaskRunner tasks) {
        return new ItemValidation(tasks, () -> changes++);
    }

    @Test
    void aShortTextIsCheckedAtOnceWithoutABackgroundTask() {
        ItemValidation validation = validation(deferred);
        validation.validate("{\"id\":\"a\",\"pk\":\"p\"}", PATHS, false);
        assertThat(validation.isValid()).isTrue();
        assertThat(validation.isValidating()).isFalse();
        assertThat(deferred.startedTitles()).isEmpty();

        validation.validate("{\"id\":\"a\",", PATHS, false);
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problems()).hasSize(1);
        assertThat(validation.firstProblemProperty().get()).isEqualTo(validation.problems().get(0));
        assertThat(validation.firstProblemProperty().get().sentence()).isEqualTo(
                "Line 1, column 11: the JSON ends too early: a closing } or ] or a quote is missing.");
    }

    @Test
    void aLongTextIsCheckedInTheBackgroundAndReportsValidatingMeanwhile() {
        ItemValidation validation = validation(deferred);
        validation.validate(longItem(false), PATHS, false);
        assertThat(validation.isValidating()).isTrue();
        assertThat(changes).isEqualTo(1);
        assertThat(deferred.startedTitles()).containsExactly("Checking the item");

        deferred.runAllPending();
        assertThat(validation.isValidating()).isFalse();
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.firstProblemProperty().get().sentence()).isEqualTo("Line 1, column " + longItem(false).length()
                + ": expected a property name in double quotes (is there a comma too many before a } ?).");
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void anAnswerForAnOlderTextIsDroppedEvenWhenItArrivesAfterBeingCancelled() {
        // as on the real runner, where a cancel can come after the answer is already on its way to the UI thread
        TaskRunner lateCancels = new TaskRunner() {
            @Override
            public <T> TaskHandle start(BackgroundTask<T> task) {
                deferred.start(task);
                return TaskHandle.NONE;
            }

            @Override
            public void shutdown() {
            }
        };
        ItemValidation validation = validation(lateCancels);
        validation.validate(longItem(true), PATHS, false);
        validation.validate(longItem(false), PATHS, false);
        deferred.runPending(1);
        assertThat(validation.isValid()).isFalse();
        deferred.runPending(0);
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.isValidating()).isFalse();
    }

    @Test
    void currentReusesTheLastResultAndOtherwiseChecksAtOnceOverridingTheBackgroundCheck() {
        ItemValidation validation = validation(deferred);
        String text = longItem(true);
        validation.validate(text, PATHS, false);
        assertThat(validation.isValidating()).isTrue();

        ItemValidator.Result now = validation.current(text, PATHS, false);
        assertThat(now.valid()).isTrue();
        assertThat(validation.isValidating()).isFalse();
        assertThat(deferred.pendingCount()).isZero();
        assertThat(validation.current(text, PATHS, false)).isSameAs(now);
    }

    @Test
    void withNothingToCheckThereAreNoProblemsAndTheTextIsNotValid() {
        ItemValidation validation = validation(deferred);
        validation.validate("{\"id\":\"a\",", PATHS, false);
        validation.clear("");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.firstProblemProperty().get()).isNull();
        assertThat(validation.isValid()).isFalse();
    }
}
