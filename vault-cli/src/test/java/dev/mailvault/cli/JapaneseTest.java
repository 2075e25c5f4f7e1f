package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Japanese output")
class JapaneseTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withEmptyVault(dir);
    }

    @Test
    @DisplayName("--lang ja switches picocli's usage help, descriptions and headings")
    void help() {
        Result r = cli.run("", "--lang", "ja", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("使い方：vault", "オプション：", "コマンド：", "終了コード：", "新しい保管庫を作ります", "マスターパスワードが違う");
        assertThat(r.out()).doesNotContain("Usage:", "Show this help");
        Result sub = cli.run("", "add", "--help", "--lang", "ja");
        assertThat(sub.out()).contains("アカウントを追加し", "IMAP のログイン名");
    }

    @Test
    @DisplayName("list headers and values are Japanese")
    void list() {
        cli.unlockedWith(
                "pw\n", "add", "taro@example.jp", "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:465");
        Result r = cli.unlocked("--lang", "ja", "list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("メールアドレス", "プロバイダー", "変更期限", "最終確認", "今日", "未確認");
    }

    @Test
    @DisplayName("errors are Japanese, including parse errors")
    void errors() {
        assertThat(cli.run("wrong\n", "--lang", "ja", "--password-stdin", "list")
                        .err())
                .contains("マスターパスワードが違います");
        assertThat(cli.run("", "--lang", "ja", "list", "--bogus").err()).contains("'--bogus' というオプションはありません");
        assertThat(cli.run("", "--lang", "ja", "get").err()).contains("ADDRESS を指定してください");
        assertThat(cli.run("", "--lang", "ja", "lst").err().strip())
                .isEqualTo("vault: 'lst' というコマンドはありません。もしかして list ですか？オプションは 'vault --help' で確認できます。");
        assertThat(cli.run("", "--lang", "ja", "verify", "--parallel").err()).contains("--parallel の値（N）を指定してください。");
    }

    @Test
    @DisplayName("the warning about an older copy of the vault is a Japanese sentence")
    void rollbackWarning() throws Exception {
        Path copy = dir.resolve("older.db");
        Files.copy(cli.vault, copy);
        cli.unlockedWith(
                "pw\n", "add", "taro@example.jp", "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:465");
        Files.copy(copy, cli.vault, StandardCopyOption.REPLACE_EXISTING);

        Result r = cli.unlocked("--lang", "ja", "list");

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("注意：", "古いコピー", "世代 1 < 2").doesNotContain("older", "generation");
        assertThat(cli.unlocked("list").err()).contains("is older than the copy of this vault last seen here");
    }

    @Test
    @DisplayName("the language follows LC_ALL, LC_MESSAGES and LANG, and --lang wins")
    void fromLocale() {
        cli.env.put("LANG", "ja_JP.UTF-8");
        assertThat(cli.run("", "--help").out()).contains("使い方");
        assertThat(cli.run("", "--lang", "en", "--help").out()).contains("Usage:");
        cli.env.put("LC_ALL", "C");
        assertThat(cli.run("", "--help").out()).contains("Usage:");
        cli.env.remove("LC_ALL");
        cli.env.put("LC_MESSAGES", "en_GB.UTF-8");
        assertThat(cli.run("", "--help").out()).contains("Usage:");
    }

    @Test
    @DisplayName("table columns line up with wide characters")
    void widths() {
        assertThat(dev.mailvault.cli.output.Table.width("メール")).isEqualTo(6);
        assertThat(dev.mailvault.cli.output.Table.width("mail")).isEqualTo(4);
        assertThat(dev.mailvault.cli.output.Table.width("全角Ａ")).isEqualTo(6);
    }
}
