package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.AuthKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

    @Test
    void connectEmulatorDefaultsToTheWellKnownEndpoint() {
        StartupOptions options = StartupOptions.parse(List.of("--connect-emulator"), Map.of());
        assertThat(options.emulatorProfile()).hasValueSatisfying(profile -> {
            assertThat(profile.endpoint()).isEqualTo("https://localhost:8081");
            assertThat(profile.authKind()).isEqualTo(AuthKind.EMULATOR);
        });
    }

    @Test
    void connectEmulatorTakesAnEndpointAndThemeIsOptional() {
        StartupOptions options = StartupOptions.parse(List.of("--connect-emulator=https://localhost:9999",
                "--theme=dark"), Map.of());
        assertThat(options.emulatorEndpoint()).hasValue("https://localhost:9999");
        assertThat(options.theme().map(Theme::fromName)).hasValue(Theme.DARK);
        assertThat(StartupOptions.parse(List.of(), Map.of()).emulatorProfile()).isEmpty();
    }
}
