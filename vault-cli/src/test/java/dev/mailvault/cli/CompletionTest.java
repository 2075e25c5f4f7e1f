package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    @DisplayName("bash completes the values of --lang, --kind, --format and --type")
    void values() throws Exception {
        Result r = new Cli(dir).run("", "completion", "bash");
        Path script = dir.resolve("vault-completion.bash");
        Files.writeString(script, r.out());
        assertThat(complete(script, "vault", "--lang", "")).containsExactly("ja", "en");
        assertThat(complete(script, "vault", "get", "a@example.jp", "--kind", ""))
                .containsExactly("imap", "smtp", "portal", "app:");
        assertThat(complete(script, "vault", "import", "f.csv", "--format", ""))
                .containsExactly("keepassxc-csv", "bitwarden-json", "thunderbird");
        assertThat(complete(script, "vault", "export", "--format", "b")).containsExactly("backup");
        assertThat(complete(script, "vault", "device", "add", "Home PC", "--type", "w"))
                .containsExactly("windows-mail");
    }

    /** What bash offers for the last word, by the script's own completion function. */
    private static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder line = new StringBuilder("source '" + script + "'; COMP_WORDS=(");
        for (String w : words) {
            line.append("'").append(w).append("' ");
        }
        line.append("); COMP_CWORD=")
                .append(words.length - 1)
                .append("; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_vault vault;")
                .append(" printf '%s\\n' \"${COMPREPLY[@]}\"");
        Process p = new ProcessBuilder("bash", "-c", line.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
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
