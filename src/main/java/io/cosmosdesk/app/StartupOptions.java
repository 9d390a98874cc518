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
 *   <li>{@code --open=DATABASE/CONTAINER}: after connecting, reveal and open that container; without it
 *       {@code COSMOS_DATABASE_NAME} and {@code COSMOS_CONTAINER_ID} are used, as in the connection dialog.</li>
 *   <li>{@code --theme=dark|light}</li>
 * </ul>
 */
public record StartupOptions(Optional<String> emulatorEndpoint, Optional<String> theme, Optional<String> databaseId,
        Optional<String> containerId) {

    public static StartupOptions parse(List<String> args, Map<String, String> env) {
        Optional<String> emulator = Optional.empty();
        Optional<String> theme = Optional.empty();
        Optional<String> database = Optional.ofNullable(env.get("COSMOS_DATABASE_NAME")).filter(s -> !s.isBlank());
        Optional<String> container = Optional.ofNullable(env.get("COSMOS_CONTAINER_ID")).filter(s -> !s.isBlank());
        for (String arg : args) {
            if (arg.startsWith("--open=")) {
                String target = arg.substring("--open=".length());
                int slash = target.indexOf('/');
                database = Optional.of(slash < 0 ? target : target.substring(0, slash)).filter(s -> !s.isBlank());
                container = slash < 0 ? Optional.empty()
                        : Optional.of(target.substring(slash + 1)).filter(s -> !s.isBlank());
                continue;
            }
            if (arg.equals("--connect-emulator")) {
                emulator = Optional.of(ConnectionProfile.EMULATOR_ENDPOINT);
            } else if (arg.startsWith("--connect-emulator=")) {
                emulator = Optional.of(arg.substring("--connect-emulator=".length()));
            } else if (arg.startsWith("--theme=")) {
                theme = Optional.of(arg.substring("--theme=".length()));
            }
        }
        return new StartupOptions(emulator, theme, database, container);
    }

    public Optional<ConnectionProfile> emulatorProfile() {
        return emulatorEndpoint.map(endpoint -> ConnectionProfile.create("Local emulator", AuthKind.EMULATOR, endpoint));
    }
}
