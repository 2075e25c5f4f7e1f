package dev.mailvault.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The app's command-line arguments")
class ArgumentsTest {
    @Test
    @DisplayName("--vault FILE and --vault=FILE name the vault; nothing means the default")
    void vault() {
        assertThat(AppConfig.Arguments.parse(List.of("--vault", "/tmp/a.db")).vault())
                .contains(Path.of("/tmp/a.db"));
        assertThat(AppConfig.Arguments.parse(List.of("--vault=/tmp/b.db")).vault())
                .contains(Path.of("/tmp/b.db"));
        assertThat(AppConfig.Arguments.parse(List.of()).vault()).isEmpty();
    }

    @Test
    @DisplayName("--lang picks Japanese or English, --debug is accepted like the CLI's")
    void langAndDebug() {
        AppConfig.Arguments parsed = AppConfig.Arguments.parse(List.of("--lang", "ja", "--debug"));
        assertThat(parsed.language()).contains(Settings.Language.JAPANESE);
        assertThat(parsed.debug()).isTrue();
    }

    @Test
    @DisplayName("anything else is refused, saying what is allowed")
    void refused() {
        assertThatThrownBy(() -> AppConfig.Arguments.parse(List.of("--lang", "fr")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("ja or en");
        assertThatThrownBy(() -> AppConfig.Arguments.parse(List.of("--vault")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("file name");
        assertThatThrownBy(() -> AppConfig.Arguments.parse(List.of("--password-file", "x")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("allowed: --vault FILE");
    }

    @Test
    @DisplayName("a provider file that cannot be read leaves the built-in providers, and is kept to be told at start")
    void brokenProviderFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config/mailvault/providers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");
        AppConfig config = AppConfig.fromArguments(
                List.of("--vault", dir.resolve("vault.db").toString()),
                Map.of(
                        "HOME",
                        dir.toString(),
                        "XDG_CONFIG_HOME",
                        dir.resolve("config").toString()));
        assertThat(config.catalog().all())
                .extracting(Provider::id)
                .isEqualTo(ProviderCatalog.builtIn().all().stream()
                        .map(Provider::id)
                        .toList());
        assertThat(config.unusedProviderFile()).hasValueSatisfying(unused -> {
            assertThat(unused.file()).isEqualTo(file);
            assertThat(unused.reason()).startsWith("not valid JSON").doesNotContain(file.toString());
        });
    }
}
