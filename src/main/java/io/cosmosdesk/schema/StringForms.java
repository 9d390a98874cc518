package io.cosmosdesk.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Recognises the string forms a schema reports apart: ISO-8601 dates and times, and GUIDs. */
final class StringForms {

    /** No date: the value is a plain string. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    private StringForms() {
    }

    /**
     * The instant of an ISO-8601 date ({@code 2024-05-01}) or date-time ({@code 2024-05-01T10:15:30.123Z},
     * with an offset or none, read as UTC) in epoch milliseconds; {@link #NOT_A_DATE} otherwise.
     */
    static long dateMillis(String text) {
        int length = text.length();
        if (length < 10 || length > 40 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)) {
            return NOT_A_DATE;
        }
        try {
            if (length == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            char separator = text.charAt(10);
            if (separator != 'T' && separator != 't' && separator != ' ') {
                return NOT_A_DATE;
            }
            String iso = separator == 'T' ? text : text.substring(0, 10) + 'T' + text.substring(11);
            char last = iso.charAt(iso.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || hasOffset(iso);
            if (zoned) {
                return OffsetDateTime.parse(last == 'z' ? iso.substring(0, iso.length() - 1) + 'Z' : iso)
                        .toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return NOT_A_DATE;
        }
    }

    private static boolean hasOffset(String iso) {
        int length = iso.length();
        // ...T10:15+02:00 or +0200
        for (int i = Math.max(11, length - 6); i < length; i++) {
            char ch = iso.charAt(i);
            if (ch == '+' || ch == '-') {
                return true;
            }
        }
        return false;
    }

    /** True for a GUID: 8-4-4-4-12 hex digits, optionally in braces. */
    static boolean isGuid(String text) {
        int length = text.length();
        int start = 0;
        if (length == 38 && text.charAt(0) == '{' && text.charAt(37) == '}') {
            start = 1;
        } else if (length != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char ch = text.charAt(start + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (ch != '-') {
                    return false;
                }
            } else if (Character.digit(ch, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
