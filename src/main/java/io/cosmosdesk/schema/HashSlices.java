package io.cosmosdesk.schema;

import com.azure.cosmos.models.FeedRange;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cuts a container's feed ranges into even slices of the partition-key hash space, so a sample that takes a share
 * of each slice holds items from all over the key space (a container filled one tenant after another is sampled
 * across its tenants, not just the first few), however few physical partitions it has.
 *
 * <p>A feed range is a range of effective partition keys (EPK): upper-case hex strings compared as text. With hash
 * V2 and hierarchical (MultiHash) keys an item's EPK starts with a MurmurHash3 value whose first byte is masked to
 * 0x3F, so the keys lie evenly in [00, 40) and the last range's "FF" bound is cut there. Hash V1 EPKs are encoded
 * differently (and bunch up), so those containers are not sliced.
 */
final class HashSlices {

    /** Bounds are written with this many hex digits (128 bits: one MurmurHash3 value). */
    private static final int DIGITS = 32;
    /** Just past the highest V2/MultiHash EPK (first byte 0x3F at most). */
    private static final BigInteger TOP = BigInteger.valueOf(0x40).shiftLeft(4 * (DIGITS - 2));

    private HashSlices() {
    }

    /** How many slices a sample of {@code target} items is spread over: about its square root, 8 to 64. */
    static int sliceCount(long target) {
        if (target == Long.MAX_VALUE) {
            return 16;
        }
        return (int) Math.max(8, Math.min(64, Math.round(Math.sqrt(target))));
    }

    /**
     * The feed ranges cut into about {@code slices} slices in all (at least one per range), in key order; empty when
     * a range is not an EPK range (then the caller reads the ranges as they are).
     */
    static Optional<List<FeedRange>> slice(List<FeedRange> ranges, int slices) {
        int perRange = Math.max(1, (slices + ranges.size() - 1) / ranges.size());
        List<FeedRange> cut = new ArrayList<>();
        for (FeedRange range : ranges) {
            Optional<String[]> bounds = bounds(range);
            if (bounds.isEmpty()) {
                return Optional.empty();
            }
            for (String[] part : split(bounds.get()[0], bounds.get()[1], perRange)) {
                cut.add(feedRange(part[0], part[1]));
            }
        }
        return Optional.of(cut);
    }

    /**
     * [min, max) cut into {@code parts} even parts of the hash space: the first starts at {@code min} and the last
     * ends at {@code max} exactly; fewer parts when the range is too narrow to cut.
     */
    static List<String[]> split(String min, String max, int parts) {
        BigInteger low = value(min);
        BigInteger high = value(max).min(TOP);
        List<String[]> result = new ArrayList<>();
        String from = min;
        if (high.compareTo(low) > 0) {
            BigInteger width = high.subtract(low);
            for (int k = 1; k < parts; k++) {
                BigInteger at = low.add(width.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(parts)));
                String bound = hex(at);
                if (bound.compareTo(from) > 0 && bound.compareTo(max) < 0) {
                    result.add(new String[] {from, bound});
                    from = bound;
                }
            }
        }
        result.add(new String[] {from, max});
        return result;
    }

    /** The EPK bounds of a feed range that is a range (not a logical partition), from its serialised form. */
    static Optional<String[]> bounds(FeedRange range) {
        try {
            JsonNode json = Json.MAPPER.readTree(Base64.getDecoder().decode(range.toString()));
            JsonNode bounds = json.path("Range");
            if (!bounds.path("min").isTextual() || !bounds.path("max").isTextual()
                    || !bounds.path("isMinInclusive").asBoolean(true) || bounds.path("isMaxInclusive").asBoolean(false)) {
                return Optional.empty();
            }
            return Optional.of(new String[] {bounds.get("min").asText(), bounds.get("max").asText()});
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The feed range [min, max) of effective partition keys. */
    static FeedRange feedRange(String min, String max) {
        String json = Json.MAPPER.createObjectNode().set("Range", Json.MAPPER.createObjectNode()
                .put("min", min).put("max", max).put("isMinInclusive", true).put("isMaxInclusive", false))
                .toString();
        return FeedRange.fromString(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** An EPK as a number of {@value #DIGITS} hex digits ("" is 0; longer keys are cut). */
    private static BigInteger value(String epk) {
        String digits = epk.length() >= DIGITS ? epk.substring(0, DIGITS) : epk + "0".repeat(DIGITS - epk.length());
        return new BigInteger(digits, 16);
    }

    private static String hex(BigInteger value) {
        String digits = value.toString(16).toUpperCase(Locale.ROOT);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
