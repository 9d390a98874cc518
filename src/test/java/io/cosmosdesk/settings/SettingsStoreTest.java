package io.cosmosdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path config;

    @Test
    void startsWithTheDefaultsAndKeepsAChangeAcrossARestart() {
        SettingsStore store = new SettingsStore(config);
        assertThat(store.current()).isEqualTo(Settings.defaults());
        List<Settings> seen = new java.util.ArrayList<>();
        store.settingsProperty().addListener((obs, old, now) -> seen.add(now));

        store.update(settings -> settings.withPageSize(500).withPreferredRegions("conn-1", List.of("West Europe")));

        assertThat(seen).hasSize(1);
        Settings reloaded = new SettingsStore(config).current();
        assertThat(reloaded.pageSize()).isEqualTo(500);
        assertThat(reloaded.preferredRegions("conn-1")).containsExactly("West Europe");
        assertThat(reloaded.requestUnitLimit()).isEqualTo(5000);
    }

    @Test
    void refusesValuesOutOfRangeWithASentenceAndKeepsTheOldOnes() {
        SettingsStore store = new SettingsStore(config);
        assertThatThrownBy(() -> store.update(settings -> settings.withPageSize(0).withRequestUnitLimit(0)))
                .hasMessageContaining("page size must be between 1 and 1000")
                .hasMessageContaining("request unit limit");
        assertThat(store.current()).isEqualTo(Settings.defaults());
        assertThat(config.resolve(SettingsStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFileFromAnOlderVersionKeepsItsValuesAndTakesDefaultsForTheRest() throws Exception {
        Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{\"pageSize\": 50, \"theme\": \"dark\"}");
        Settings loaded = new SettingsStore(config).current();
        assertThat(loaded.pageSize()).isEqualTo(50);
        assertThat(loaded.theme()).isEqualTo("dark");
        assertThat(loaded.auditRetentionDays()).isEqualTo(90);
    }

    @Test
    void aDamagedFileGivesTheDefaults() throws Exception {
        Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{not json");
        assertThat(new SettingsStore(config).current()).isEqualTo(Settings.defaults());
    }
}
