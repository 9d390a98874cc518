package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a display the window is refused with a sentence, not JavaFX's stack trace. */
class LauncherTest {

    @Test
    void linuxWithoutADisplaySaysSoAndNamesTheCommands() {
        assertThat(Launcher.noDisplay("Linux", Map.of(), null)).hasValueSatisfying(sentence ->
                assertThat(sentence).contains("DISPLAY is not set").contains("CosmosDesk --help"));
        assertThat(Launcher.noDisplay("Linux", Map.of("DISPLAY", " "), null)).isPresent();
    }

    @Test
    void aDisplayAWaylandSessionAHeadlessToolkitOrAnotherSystemOpenTheWindow() {
        assertThat(Launcher.noDisplay("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(Launcher.noDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(Launcher.noDisplay("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(Launcher.noDisplay("Windows 11", Map.of(), null)).isEmpty();
        assertThat(Launcher.noDisplay("Mac OS X", Map.of(), null)).isEmpty();
    }
}
