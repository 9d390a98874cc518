package io.cosmosdesk.changes;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Cuts a line to a width with a trailing "…", cheaply: each character's advance is measured once per font (by a
 * {@link Text} no one sees) and kept, so fitting a line is a sum over its characters, not a text layout. UI thread
 * only. Advances are summed without kerning, so the cell showing the result still clips as a safety net.
 */
final class TextFit {

    static final String ELLIPSIS = "…";

    private static final Text MEASURE = new Text();
    private static final Map<Font, Map<Integer, Double>> ADVANCES = new HashMap<>();

    private TextFit() {
    }

    /** {@code text} if it fits in {@code width} in {@code font}, else its longest start that fits followed by "…". */
    static String fit(String text, Font font, double width) {
        if (text.isEmpty() || width <= 0) {
            return text;
        }
        Map<Integer, Double> advances = ADVANCES.computeIfAbsent(font, f -> new HashMap<>());
        double ellipsis = advance(advances, font, ELLIPSIS.codePointAt(0));
        double used = 0;
        int lastFitting = 0; // end index of the longest start that fits together with the ellipsis
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            used += advance(advances, font, codePoint);
            if (used > width) {
                return text.substring(0, lastFitting) + ELLIPSIS;
            }
            i += Character.charCount(codePoint);
            if (used + ellipsis <= width) {
                lastFitting = i;
            }
        }
        return text;
    }

    private static double advance(Map<Integer, Double> advances, Font font, int codePoint) {
        Double known = advances.get(codePoint);
        if (known != null) {
            return known;
        }
        if (advances.size() > 4_096) {
            advances.clear(); // bounded: a feed full of rare characters does not grow this for ever
        }
        MEASURE.setFont(font);
        MEASURE.setText(new String(Character.toChars(codePoint)));
        double width = MEASURE.getLayoutBounds().getWidth();
        advances.put(codePoint, width);
        return width;
    }
}
