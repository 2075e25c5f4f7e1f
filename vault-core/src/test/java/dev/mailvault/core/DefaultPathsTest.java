package dev.mailvault.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The default vault and state paths")
class DefaultPathsTest {
    private static final Path ACCOUNT_HOME = Path.of(System.getProperty("user.home"));

    @Test
    @DisplayName("follow $XDG_DATA_HOME and $XDG_STATE_HOME when they are absolute")
    void xdg() {
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/x/data", "XDG_STATE_HOME", "/x/state", "HOME", "/h");
        assertThat(VaultService.defaultVaultPath(env)).isEqualTo(Path.of("/x/data/mailvault/vault.db"));
        assertThat(VaultService.defaultStateDir(env)).isEqualTo(Path.of("/x/state/mailvault"));
    }

    @Test
    @DisplayName("take ~ from $HOME, as a shell does, not from the account's home folder")
    void homeFromEnvironment() {
        Map<String, String> env = Map.of("HOME", "/somewhere/else");
        assertThat(VaultService.defaultVaultPath(env))
                .isEqualTo(Path.of("/somewhere/else/.local/share/mailvault/vault.db"));
        assertThat(VaultService.defaultStateDir(env)).isEqualTo(Path.of("/somewhere/else/.local/state/mailvault"));
    }

    @Test
    @DisplayName("ignore relative XDG paths (the XDG specification says so) and a relative or missing $HOME")
    void relativeIgnored() {
        assertThat(VaultService.defaultVaultPath(Map.of("XDG_DATA_HOME", "rel/data", "HOME", "/h")))
                .isEqualTo(Path.of("/h/.local/share/mailvault/vault.db"));
        assertThat(VaultService.defaultVaultPath(Map.of("HOME", "rel")))
                .isEqualTo(ACCOUNT_HOME.resolve(".local/share/mailvault/vault.db"));
        assertThat(VaultService.defaultVaultPath(Map.of()))
                .isEqualTo(ACCOUNT_HOME.resolve(".local/share/mailvault/vault.db"));
    }
}
