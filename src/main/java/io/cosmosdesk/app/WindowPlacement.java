package io.cosmosdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the main window was when the app was last closed ({@code window.json} in the config folder), so it
 * opens there again. A placement no longer on any screen (a monitor unplugged) is not used; a damaged file is
 * set aside ({@link JsonFiles}): this is a convenience, never a reason to fail. Nothing smaller than
 * {@link #MIN_WIDTH} x {@link #MIN_HEIGHT} is ever saved or restored: some window managers briefly shrink a new
 * window to 200 x 200, and that size must not become the next start's size.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    static final String FILE_NAME = "window.json";
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The smallest usable main window: also the stage's minimum size. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;

    /** A screen's usable area. */
    record Area(double x, double y, double width, double height) {

        boolean showsEnoughOf(WindowPlacement placement) {
            // the title bar's middle must be reachable, or the user cannot move the window back
            double titleX = placement.x + placement.width / 2;
            double titleY = placement.y + 10;
            return titleX >= x && titleX <= x + width && titleY >= y && titleY <= y + height;
        }
    }

    static Optional<WindowPlacement> load(Path file) {
        Optional<JsonNode> read = JsonFiles.read(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = read.get();
            WindowPlacement placement = new WindowPlacement(node.path("x").asDouble(Double.NaN),
                    node.path("y").asDouble(Double.NaN), node.path("width").asDouble(Double.NaN),
                    node.path("height").asDouble(Double.NaN), node.path("maximized").asBoolean(false));
            return placement.isValid() ? Optional.of(placement) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes this placement, unless it is below the usable minimum (then the file is left as it was). */
    void save(Path file) throws IOException {
        if (!isValid()) {
            return;
        }
        ObjectNode node = JSON.createObjectNode().put("version", 1).put("x", x).put("y", y).put("width", width)
                .put("height", height).put("maximized", maximized);
        JsonFiles.write(file, node);
    }

    /** Finite and at least the usable minimum in both directions. */
    boolean isValid() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width >= MIN_WIDTH && height >= MIN_HEIGHT;
    }

    /**
     * The placement to open with: {@code saved} when a screen still shows it (shrunk to that screen if it grew
     * too big), otherwise a first-start size: 1280 x 800, or 90 % of a smaller screen (but never below the
     * usable minimum unless the screen itself is smaller), centred on {@code primary}.
     */
    static WindowPlacement choose(Optional<WindowPlacement> saved, Area primary, List<Area> screens) {
        if (saved.isPresent()) {
            for (Area screen : screens) {
                if (screen.showsEnoughOf(saved.get())) {
                    WindowPlacement p = saved.get();
                    return new WindowPlacement(p.x, p.y, Math.min(p.width, screen.width),
                            Math.min(p.height, screen.height), p.maximized);
                }
            }
        }
        double width = Math.min(primary.width, Math.max(MIN_WIDTH, Math.min(1280, primary.width * 0.9)));
        double height = Math.min(primary.height, Math.max(MIN_HEIGHT, Math.min(800, primary.height * 0.9)));
        return new WindowPlacement(primary.x + (primary.width - width) / 2, primary.y + (primary.height - height) / 2,
                width, height, false);
    }
}
