package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringFormsTest {

    @Test
    void isoDatesAndTimesAreRecognised() {
        assertThat(StringForms.dateMillis("1970-01-02")).isEqualTo(86_400_000L);
        assertThat(StringForms.dateMillis("1970-01-01T00:00:01Z")).isEqualTo(1_000L);
        assertThat(StringForms.dateMillis("1970-01-01T00:00:01.5Z")).isEqualTo(1_500L);
        assertThat(StringForms.dateMillis("1970-01-01T01:00:00+01:00")).isEqualTo(0L);
        assertThat(StringForms.dateMillis("1970-01-01T00:00:00.0000000Z")).isEqualTo(0L);
        assertThat(StringForms.dateMillis("1970-01-01T00:00")).isEqualTo(0L);
        assertThat(StringForms.dateMillis("1970-01-01 00:00:02")).isEqualTo(2_000L);
        for (String notADate : new String[] {"2024-13-01", "2024-02-30", "20240101", "2024-01-01X", "hello world",
                "2024-01-01T25:00:00Z", "1234-56"}) {
            assertThat(StringForms.dateMillis(notADate)).as(notADate).isEqualTo(StringForms.NOT_A_DATE);
        }
    }

    @Test
    void guidsAreRecognised() {
        assertThat(StringForms.isGuid("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isTrue();
        assertThat(StringForms.isGuid("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}")).isTrue();
        assertThat(StringForms.isGuid("3f2504e0-4f89-11d3-9a0c-0305e82c330")).isFalse();
        assertThat(StringForms.isGuid("3f2504e0x4f89-11d3-9a0c-0305e82c3301")).isFalse();
        assertThat(StringForms.isGuid("zf2504e0-4f89-11d3-9a0c-0305e82c3301")).isFalse();
    }
}
