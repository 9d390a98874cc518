package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSearchTest {

    private final TextSearch search = new TextSearch();

    @Test
    void findsForwardAndBackwardIgnoringCaseAndWrapsAround() {
        String text = "{\"Status\": \"open\", \"status2\": \"STATUS\"}";
        assertThat(search.find(text, "status", 0, true)).isEqualTo(2);
        assertThat(search.find(text, "status", 3, true)).isEqualTo(20);
        assertThat(search.find(text, "status", 21, true)).isEqualTo(31);
        assertThat(search.find(text, "status", 32, true)).isEqualTo(2); // wraps to the first
        assertThat(search.find(text, "status", 19, false)).isEqualTo(2);
        assertThat(search.find(text, "status", 1, false)).isEqualTo(31); // wraps to the last
        assertThat(search.find(text, "missing", 0, true)).isEqualTo(-1);
    }

    @Test
    void countsAndNumbersTheMatches() {
        String text = "ab AB aB";
        assertThat(search.count(text, "ab", 100)).isEqualTo(3);
        assertThat(search.count(text, "ab", 2)).isEqualTo(2);
        assertThat(search.indexOf(text, "ab", 3)).isEqualTo(2);
        assertThat(search.indexOf(text, "ab", 6)).isEqualTo(3);
    }

    @Test
    void followsTheTextWhenItChanges() {
        assertThat(search.count("one two", "three", 10)).isZero();
        assertThat(search.count("one two three", "three", 10)).isEqualTo(1);
    }
}
