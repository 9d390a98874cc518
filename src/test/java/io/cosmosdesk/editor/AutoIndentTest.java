package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoIndentTest {

    @Test
    void keepsTheLinesIndentation() {
        assertThat(AutoIndent.newLine("    \"a\": 1,", 11)).isEqualTo(new AutoIndent.Insertion("\n    ", 5));
        assertThat(AutoIndent.newLine("", 0)).isEqualTo(new AutoIndent.Insertion("\n", 1));
    }

    @Test
    void indentsOneLevelMoreAfterAnOpeningBracket() {
        assertThat(AutoIndent.newLine("  \"tags\": [", 11)).isEqualTo(new AutoIndent.Insertion("\n    ", 5));
        assertThat(AutoIndent.newLine("{", 1)).isEqualTo(new AutoIndent.Insertion("\n  ", 3));
    }

    @Test
    void splitsAnEmptyPairOverThreeLines() {
        assertThat(AutoIndent.newLine("  \"x\": {}", 8)).isEqualTo(new AutoIndent.Insertion("\n    \n  ", 5));
        assertThat(AutoIndent.newLine("[]", 1)).isEqualTo(new AutoIndent.Insertion("\n  \n", 3));
    }

    @Test
    void aCaretInsideTheIndentationDoesNotDoubleIt() {
        assertThat(AutoIndent.newLine("    \"a\": 1", 2)).isEqualTo(new AutoIndent.Insertion("\n  ", 3));
    }
}
