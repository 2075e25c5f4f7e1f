package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault completion")
class CompletionTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("bash prints a script that completes the commands and their options")
    void bash() {
        Result r = new Cli(dir).run("", "completion", "bash");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F", "init", "add", "--separate-smtp-password", "--password-stdin");
    }

    @Test
    @DisplayName("zsh prints the same script behind bash-completion emulation")
    void zsh() {
        Result r = new Cli(dir).run("", "completion", "zsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("autoload -U +X compinit && compinit").contains("bashcompinit", "complete -F");
    }

    @Test
    @DisplayName("another shell is exit 2")
    void other() {
        assertThat(new Cli(dir).run("", "completion", "fish").code()).isEqualTo(2);
    }
}
