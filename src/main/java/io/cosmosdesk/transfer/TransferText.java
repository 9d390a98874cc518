package io.cosmosdesk.transfer;

import java.time.Duration;

/** Sizes and durations as people read them, for progress lines in the window and on stderr. */
public final class TransferText {

    private TransferText() {
    }

    /** {@code 812 B}, {@code 4.2 KB}, {@code 12.4 MB}, {@code 1.03 GB} (powers of 1,000). */
    public static String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format("%.1f KB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format("%.1f MB", bytes / 1e6);
        }
        return String.format("%.2f GB", bytes / 1e9);
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
