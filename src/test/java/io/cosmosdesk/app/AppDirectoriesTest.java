package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    private final Path home = Path.of("/home/zoe");

    @Test
    void linuxFollowsXdg() {
        AppDirectories dirs = AppDirectories.detect(null, "Linux", home, Map.of());
        assertThat(dirs.config()).isEqualTo(home.resolve(".config/cosmosdesk"));
        assertThat(dirs.data()).isEqualTo(home.resolve(".local/share/cosmosdesk"));
        assertThat(dirs.logs()).isEqualTo(home.resolve(".local/state/cosmosdesk/logs"));

        AppDirectories custom = AppDirectories.detect(null, "Linux", home,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"));
        assertThat(custom.config()).isEqualTo(Path.of("/cfg/cosmosdesk"));
        assertThat(custom.data()).isEqualTo(Path.of("/data/cosmosdesk"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirectories dirs = AppDirectories.detect(null, "Windows 11", home,
                Map.of("APPDATA", "C:/Users/zoe/AppData/Roaming", "LOCALAPPDATA", "C:/Users/zoe/AppData/Local"));
        assertThat(dirs.config()).isEqualTo(Path.of("C:/Users/zoe/AppData/Roaming/CosmosDesk"));
        assertThat(dirs.logs()).isEqualTo(Path.of("C:/Users/zoe/AppData/Local/CosmosDesk/logs"));
    }

    @Test
    void macUsesLibrary() {
        AppDirectories dirs = AppDirectories.detect(null, "Mac OS X", home, Map.of());
        assertThat(dirs.config()).isEqualTo(home.resolve("Library/Application Support/CosmosDesk"));
        assertThat(dirs.logs()).isEqualTo(home.resolve("Library/Logs/CosmosDesk"));
    }

    @Test
    void overrideKeepsEverythingInOneFolder() {
        AppDirectories dirs = AppDirectories.detect("/tmp/cd", "Linux", home, Map.of());
        assertThat(dirs.config()).isEqualTo(Path.of("/tmp/cd/config"));
        assertThat(dirs.data()).isEqualTo(Path.of("/tmp/cd/data"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/tmp/cd/logs"));
    }
}
