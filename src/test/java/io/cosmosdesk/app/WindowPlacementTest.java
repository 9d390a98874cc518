package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {

    private static final WindowPlacement.Area FULL_HD = new WindowPlacement.Area(0, 0, 1920, 1040);
    private static final WindowPlacement.Area LAPTOP = new WindowPlacement.Area(0, 0, 1280, 760);

    @TempDir
    Path config;

    @Test
    void whereTheWindowWasIsSavedAndReadBack() throws Exception {
        Path file = config.resolve("sub").resolve(WindowPlacement.FILE_NAME);
        new WindowPlacement(100, 50, 1500, 900, true).save(file);
        assertThat(WindowPlacement.load(file)).contains(new WindowPlacement(100, 50, 1500, 900, true));
    }

    @Test
    void aMissingDamagedOrTinyPlacementIsIgnored() throws Exception {
        assertThat(WindowPlacement.load(config.resolve("none.json"))).isEmpty();
        Path damaged = Files.writeString(config.resolve("damaged.json"), "{\"x\": 1, \"wid");
        assertThat(WindowPlacement.load(damaged)).isEmpty();
        Path tiny = Files.writeString(config.resolve("tiny.json"), "{\"x\":0,\"y\":0,\"width\":10,\"height\":10}");
        assertThat(WindowPlacement.load(tiny)).isEmpty();
    }

    @Test
    void aSavedPlacementIsUsedWhileAScreenStillShowsIt() {
        WindowPlacement saved = new WindowPlacement(200, 100, 1400, 900, false);
        assertThat(WindowPlacement.choose(Optional.of(saved), FULL_HD, List.of(FULL_HD))).isEqualTo(saved);

        // on a monitor that is gone: a first-start window on the primary screen instead
        WindowPlacement offScreen = new WindowPlacement(2500, 100, 1400, 900, false);
        assertThat(WindowPlacement.choose(Optional.of(offScreen), FULL_HD, List.of(FULL_HD)))
                .isEqualTo(new WindowPlacement(320, 120, 1280, 800, false));

        // a screen smaller than the window now: shrunk to fit
        assertThat(WindowPlacement.choose(Optional.of(saved), LAPTOP, List.of(LAPTOP)))
                .isEqualTo(new WindowPlacement(200, 100, 1280, 760, false));
    }

    @Test
    void theFirstStartFitsSmallScreens() {
        WindowPlacement small = WindowPlacement.choose(Optional.empty(), LAPTOP, List.of(LAPTOP));
        assertThat(small.width()).isEqualTo(1152);
        assertThat(small.height()).isEqualTo(684);
    }

    @Test
    void aPlacementBelowTheUsableMinimumIsNeverSaved() throws Exception {
        Path file = config.resolve(WindowPlacement.FILE_NAME);
        new WindowPlacement(100, 50, 1500, 900, false).save(file);

        // what some window managers report for a moment while a new window is mapped
        new WindowPlacement(160, 120, 200, 200, false).save(file);
        new WindowPlacement(160, 120, 1500, 300, false).save(file);

        assertThat(WindowPlacement.load(file)).contains(new WindowPlacement(100, 50, 1500, 900, false));
    }

    @Test
    void theFirstStartIsNeverBelowTheMinimumOnAScreenThatHasRoom() {
        WindowPlacement.Area small = new WindowPlacement.Area(0, 0, 700, 460);
        WindowPlacement first = WindowPlacement.choose(Optional.empty(), small, List.of(small));
        assertThat(first.width()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(first.height()).isEqualTo(WindowPlacement.MIN_HEIGHT);
        assertThat(first.isValid()).isTrue();
    }
}
