package io.cosmosdesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where CosmosDesk keeps its files, following each platform's per-user conventions. The system
 * property {@code cosmosdesk.home} puts everything under one folder (tests, portable installs).
 *
 * @param config saved connections and settings
 * @param data move journals and other state that must survive a crash
 * @param logs rolling log files
 */
public record AppDirectories(Path config, Path data, Path logs) {

    public static final String HOME_PROPERTY = "cosmosdesk.home";
    private static final String APP = "CosmosDesk";

    public static AppDirectories detect() {
        return detect(System.getProperty(HOME_PROPERTY), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")), System.getenv());
    }

    static AppDirectories detect(String homeOverride, String osName, Path userHome, Map<String, String> env) {
        if (homeOverride != null && !homeOverride.isBlank()) {
            Path root = Path.of(homeOverride);
            return new AppDirectories(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve(APP), local.resolve(APP), local.resolve(APP).resolve("logs"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve(APP);
            return new AppDirectories(support, support, userHome.resolve("Library").resolve("Logs").resolve(APP));
        }
        String app = APP.toLowerCase(Locale.ROOT);
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config")).resolve(app);
        Path data = pathOr(env.get("XDG_DATA_HOME"), userHome.resolve(".local").resolve("share")).resolve(app);
        Path state = pathOr(env.get("XDG_STATE_HOME"), userHome.resolve(".local").resolve("state")).resolve(app);
        return new AppDirectories(config, data, state.resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
