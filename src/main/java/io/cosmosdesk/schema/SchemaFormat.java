package io.cosmosdesk.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Figures in words, one home for how the screen and the Markdown export write them. */
public final class SchemaFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private SchemaFormat() {
    }

    /** {@code 81%}, {@code <1%} for a share above zero that rounds to none, {@code 100%} only when all. */
    public static String percent(double share) {
        if (share <= 0) {
            return "0%";
        }
        if (share < 0.01) {
            return "<1%";
        }
        if (share < 1 && share > 0.995) {
            return ">99%";
        }
        return Math.round(share * 100) + "%"; // String.format costs ~40x this, and cells show it 4 times a second
    }

    public static String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > 17 || Math.abs(stripped.scale()) > 12) {
            return stripped.round(new java.math.MathContext(6)).toString();
        }
        return stripped.toPlainString();
    }

    public static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "beyond +1.8e308" : "beyond -1.8e308";
        }
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value != 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-4)) {
            return String.format(Locale.ROOT, "%.6g", value);
        }
        return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    public static String date(long millis) {
        return DAY.format(Instant.ofEpochMilli(millis));
    }

    /** The main figures of every type of a field on one line, e.g. {@code number 3 – 98, mean 41.2}. */
    public static String figures(FieldSummary field) {
        List<String> parts = new ArrayList<>();
        for (TypeSummary type : field.types()) {
            String part = figures(type);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("; ", parts);
    }

    public static String figures(TypeSummary type) {
        if (type.numbers() != null) {
            TypeSummary.Numbers n = type.numbers();
            return "number " + number(n.min()) + " – " + number(n.max()) + ", mean " + number(n.mean())
                    + (n.outOfRange() > 0 ? String.format(Locale.ROOT, " (%,d beyond a double)", n.outOfRange()) : "");
        }
        if (type.dates() != null) {
            return "date " + date(type.dates().minMillis()) + " – " + date(type.dates().maxMillis()) + " UTC";
        }
        if (type.strings() != null) {
            TypeSummary.Strings s = type.strings();
            return type.type().label() + " length " + s.minLength() + " – " + s.maxLength() + ", "
                    + distinct(s) + " distinct";
        }
        if (type.arrays() != null) {
            TypeSummary.Arrays a = type.arrays();
            return "array length " + a.minLength() + " – " + a.maxLength() + ", mean " + number(a.meanLength());
        }
        if (type.booleans() != null) {
            return String.format(Locale.ROOT, "true %,d / false %,d", type.booleans().trueCount(),
                    type.booleans().falseCount());
        }
        return "";
    }

    public static String distinct(TypeSummary.Strings strings) {
        return (strings.distinctExact() ? "" : "≈") + String.format(Locale.ROOT, "%,d", strings.distinct());
    }
}
