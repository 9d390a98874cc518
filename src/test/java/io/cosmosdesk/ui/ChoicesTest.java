package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChoicesTest {

    enum Answer implements Choice {
        SAVE("Save"), DISCARD("Discard"), CANCEL("Cancel");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    @Test
    void keepsTheOrderTheDefaultAndTheDestructiveChoices() {
        Choices<Answer> choices = Choices.of(Answer.SAVE, Answer.DISCARD, Answer.CANCEL).byDefault(Answer.SAVE)
                .destructive(Answer.DISCARD);

        assertThat(choices.all()).containsExactly(Answer.SAVE, Answer.DISCARD, Answer.CANCEL);
        assertThat(choices.labels()).containsExactly("Save", "Discard", "Cancel");
        assertThat(choices.safeDefault()).isEqualTo(Answer.SAVE);
        assertThat(choices.isDestructive(Answer.DISCARD)).isTrue();
        assertThat(choices.isDestructive(Answer.SAVE)).isFalse();
        assertThat(choices.isNamed()).isTrue();
        assertThat(Choices.of(Answer.SAVE, Answer.CANCEL).isNamed()).as("left to the labels").isFalse();
    }

    @Test
    void aDestructiveChoiceCanNeverBeTheDefault() {
        assertThatThrownBy(() -> Choices.of(Answer.DISCARD, Answer.CANCEL).destructive(Answer.DISCARD)
                .byDefault(Answer.DISCARD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be the default");
        assertThatThrownBy(() -> Choices.of(Answer.DISCARD, Answer.CANCEL).byDefault(Answer.DISCARD)
                .destructive(Answer.DISCARD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultAndTheDestructiveChoicesMustBeOffered() {
        assertThatThrownBy(() -> Choices.of(Answer.CANCEL).byDefault(Answer.SAVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Choices.of(Answer.CANCEL).destructive(Answer.DISCARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Choices.of(Answer.CANCEL, Answer.CANCEL)).isInstanceOf(IllegalArgumentException.class);
    }
}
