package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Made-up figures of every shape the Schema tab draws (each value type, a field holding several, nested objects,
 * arrays of objects, top values, histograms of numbers and dates, true/false counts), for the stand-in rows and
 * detail drawn hidden while the tab opens: the first real figures then find every kind of row, cell and section
 * already styled once (see {@link FieldTreeRows#warmUp} and {@link FieldDetailPane#warmUp}).
 */
final class StandInSample {

    /**
     * How opaque the stand-ins are drawn: not 0, because the renderer skips a node of opacity 0, and its own first
     * time (glyphs of each font rasterised into the glyph cache, the software pipeline's paths compiled) was most of
     * the first figures' stall (the UI thread waiting for the renderer while using ~20 ms of CPU itself). At 1 % the
     * stand-ins are drawn but cannot be seen (a pixel moves by at most 3 of 255 levels).
     */
    static final double DRAWN_UNSEEN = 0.01;

    /** The field whose detail shows every kind of section. */
    static final FieldPath MIXED = FieldPath.ROOT.child("mixed");
    private static final int ITEMS = 40;

    private StandInSample() {
    }

    /** Figures of {@value #ITEMS} made-up items with {@code plainFields} more plain top-level strings. */
    static SchemaSummary summary(int plainFields) {
        SchemaStatistics statistics = new SchemaStatistics();
        JsonNodeFactory json = JsonNodeFactory.instance;
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = json.objectNode();
            item.put("id", "stand-in-" + i);
            item.put("kind", "kind " + i % 12);
            item.put("count", i * 7);
            item.put("when", String.format(Locale.ROOT, "2024-%02d-10T08:00:00Z", 1 + i % 12));
            item.put("key", String.format(Locale.ROOT, "%08d-0000-4000-8000-%012d", i, i));
            item.put("flag", i % 3 == 0);
            item.putNull("nothing");
            switch (i % 6) {
                case 0 -> item.put("mixed", "text " + i % 4);
                case 1 -> item.put("mixed", i);
                case 2 -> item.put("mixed", i % 4 == 1);
                case 3 -> item.putNull("mixed");
                case 4 -> item.put("mixed", String.format(Locale.ROOT, "2025-%02d-01T00:00:00Z", 1 + i % 12));
                default -> { } // missing
            }
            if (i == 0) {
                item.put("rare", "once");
            }
            item.putObject("nested").put("name", "name " + i % 5).putObject("deeper").put("n", i);
            ArrayNode lines = item.putArray("lines");
            lines.addObject().put("sku", "sku-" + i % 9).put("qty", 1 + i % 4);
            item.putArray("tags").add("t" + i % 3);
            for (int f = 0; f < plainFields; f++) {
                item.put(String.format(Locale.ROOT, "plain%02d", f), "v" + (i + f) % 10);
            }
            statistics.add(item);
        }
        return statistics.summary();
    }
}
