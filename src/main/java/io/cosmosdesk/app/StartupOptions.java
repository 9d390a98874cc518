package io.cosmosdesk.app;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line and environment ask for at start-up.
 *
 * <ul>
 *   <li>{@code --connect-emulator[=ENDPOINT]}: open a connection to a local emulator (default
 *       {@code https://localhost:8081}) with its well-known key; used by the sandbox.</li>
 *   <li>{@code --theme=dark|light}</li>
 * </ul>
 */
public record StartupOptions(Optional<String> emulatorEndpoint, Optional<String> theme) {

    public static StartupOptions parse(List<String> args, Map<String, String> env) {
        Optional<String> emulator = Optional.empty();
        Optional<String> theme = Optional.empty();
        for (String arg : args) {
            if (arg.equals("--connect-emulator")) {
                emulator = Optional.of(ConnectionProfile.EMULATOR_ENDPOINT);
            } else if (arg.startsWith("--connect-emulator=")) {
                emulator = Optional.of(arg.substring("--connect-emulator=".length()));
            } else if (arg.startsWith("--theme=")) {
                theme = Optional.of(arg.substring("--theme=".length()));
            }
        }
        return new StartupOptions(emulator, theme);
    }

    public Optional<ConnectionProfile> emulatorProfile() {
        return emulatorEndpoint.map(endpoint -> ConnectionProfile.create("Local emulator", AuthKind.EMULATOR, endpoint));
    }
}
