package io.cosmosdesk.editor;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Whether the editor's text is a valid item. Short texts are checked at once; long ones on a background
 * thread after a pause in typing, so a keystroke never waits for a parse of megabytes, and without building
 * the item's tree ({@link StreamingItemCheck}): a command that needs the parsed item (Save, Format, Clone)
 * parses it then. A generation counter drops an answer about a text that has changed since.
 */
final class ItemValidation {

    /** Texts longer than this are validated on a background thread, after a short pause in typing. */
    static final int BACKGROUND_VALIDATION_CHARS = 64 * 1024;
    private static final long VALIDATION_PAUSE_MS = 150;

    private final TaskRunner tasks;
    private final Runnable onChange;

    // ---- Properties
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper validating = new ReadOnlyBooleanWrapper(this, "validating");
    private final ReadOnlyObjectWrapper<ValidationProblem> firstProblem = new ReadOnlyObjectWrapper<>(this,
            "firstProblem");
    private final ObservableList<ValidationProblem> problems = FXCollections.observableArrayList();
    // one wrapper: a wrapper only weakly listens to its list, so listeners on a throw-away one get lost
    private final ObservableList<ValidationProblem> problemsView = FXCollections.unmodifiableObservableList(problems);

    // ---- State
    /** The parsed result for {@link #validatedText}, or null when it was checked without keeping a tree. */
    private ItemValidator.Result result;
    private String validatedText;
    private long generation;
    private TaskHandle pending = TaskHandle.NONE;

    /** {@code onChange} runs (on the UI thread) whenever valid, validating or the problems change. */
    ItemValidation(TaskRunner tasks, Runnable onChange) {
        this.tasks = Objects.requireNonNull(tasks);
        this.onChange = Objects.requireNonNull(onChange);
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    boolean isValid() {
        return valid.get();
    }

    ReadOnlyBooleanProperty validatingProperty() {
        return validating.getReadOnlyProperty();
    }

    boolean isValidating() {
        return validating.get();
    }

    ReadOnlyObjectProperty<ValidationProblem> firstProblemProperty() {
        return firstProblem.getReadOnlyProperty();
    }

    ObservableList<ValidationProblem> problems() {
        return problemsView;
    }

    // ---- Commands

    /** There is no item to check (nothing open, or still loading): no problems, and not valid. */
    void clear(String text) {
        pending.cancel();
        generation++;
        apply(text, new ItemValidator.Result(null, List.of()));
    }

    /** Checks a new text: at once when short, else in the background once typing pauses. */
    void validate(String text, List<String> partitionKeyPaths, boolean requireKey) {
        pending.cancel();
        long current = ++generation;
        if (text.length() < BACKGROUND_VALIDATION_CHARS) {
            apply(text, ItemValidator.validate(text, partitionKeyPaths, requireKey));
            return;
        }
        validating.set(true);
        onChange.run();
        pending = tasks.start(BackgroundTask.of("Checking the item", ctx -> {
            Thread.sleep(VALIDATION_PAUSE_MS); // a pause in typing: most keystrokes cancel this first
            ctx.throwIfCancelled();
            return StreamingItemCheck.problemsOf(text, partitionKeyPaths, requireKey);
        }).onSuccess(checked -> {
            if (current == generation) {
                apply(text, null, checked);
            }
        }));
    }

    /**
     * The validation of {@code text}: the last result when it was for this text, else computed now (a
     * command such as Save cannot wait for the background check).
     */
    ItemValidator.Result current(String text, List<String> partitionKeyPaths, boolean requireKey) {
        if (result != null && text.equals(validatedText)) {
            return result;
        }
        pending.cancel();
        generation++;
        apply(text, ItemValidator.validate(text, partitionKeyPaths, requireKey));
        return result;
    }

    private void apply(String forText, ItemValidator.Result checked) {
        apply(forText, checked, checked.problems());
    }

    /** {@code parsed} may be null (checked without a tree): every problem is then in {@code found}. */
    private void apply(String forText, ItemValidator.Result parsed, List<ValidationProblem> found) {
        result = parsed;
        validatedText = forText;
        validating.set(false);
        problems.setAll(found);
        firstProblem.set(found.isEmpty() ? null : found.get(0));
        // an item that does not parse always has a problem, so no problem means valid
        valid.set(parsed != null ? parsed.valid() : found.isEmpty());
        onChange.run();
    }
}
