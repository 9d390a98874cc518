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

    @Test
    void openNamesTheContainerToRevealAndFallsBackToTheEnvironment() {
        StartupOptions options = StartupOptions.parse(List.of("--connect-emulator", "--open=retail/orders"),
                Map.of("COSMOS_DATABASE_NAME", "other", "COSMOS_CONTAINER_ID", "x"));
        assertThat(options.databaseId()).hasValue("retail");
        assertThat(options.containerId()).hasValue("orders");

        StartupOptions fromEnv = StartupOptions.parse(List.of("--connect-emulator"),
                Map.of("COSMOS_DATABASE_NAME", "iot", "COSMOS_CONTAINER_ID", "telemetry"));
        assertThat(fromEnv.databaseId()).hasValue("iot");
        assertThat(fromEnv.containerId()).hasValue("telemetry");

        StartupOptions databaseOnly = StartupOptions.parse(List.of("--open=support"), Map.of());
        assertThat(databaseOnly.databaseId()).hasValue("support");
        assertThat(databaseOnly.containerId()).isEmpty();
        assertThat(StartupOptions.parse(List.of(), Map.of()).databaseId()).isEmpty();
    }
}
