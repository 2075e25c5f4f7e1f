package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault import of a file it refuses")
class ImportRefusalsTest {
    private static final String HEADER =
            "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\"";

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withEmptyVault(dir);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String refused(String lang, Path file, String format) {
        byte[] before = cli.vaultBytes();
        Result r = cli.run("", "--lang", lang, "import", file.toString(), "--format", format);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(cli.vaultBytes()).isEqualTo(before);
        return r.err().strip();
    }

    @Test
    @DisplayName("an encrypted Bitwarden export: Japanese, telling to export as .json")
    void encrypted() throws Exception {
        Path file = write("bitwarden.json", "{\"encrypted\": true, \"passwordProtected\": true}");
        assertThat(refused("ja", file, "bitwarden-json"))
                .isEqualTo(
                        "vault: 取り込めません（何も書き込んでいません）：" + file
                                + " は暗号化された Bitwarden のエクスポートで、Bitwarden でしか開けません。Bitwarden でファイル形式を「.json (Encrypted)」ではなく「.json」にして、もう一度エクスポートしてください。");
        assertThat(refused("en", file, "bitwarden-json"))
                .isEqualTo("vault: cannot import: " + file + " is an encrypted Bitwarden export, which only Bitwarden"
                        + " can open. Export again in Bitwarden with the file format \".json\", not \".json"
                        + " (Encrypted)\"; nothing was written.");
    }

    @Test
    @DisplayName("a CSV that is not KeePassXC's: Japanese, with its line")
    void notKeePassXc() throws Exception {
        Path file = write("chrome.csv", "name,url,username,password\nmail,https://mail.example.org,a,pw\n");
        String ja = refused("ja", file, "keepassxc-csv");
        assertThat(ja)
                .startsWith("vault: 取り込めません（何も書き込んでいません）：" + file + " の 1 行目：KeePassXC の CSV の見出し行ではありません（4 列）。")
                .doesNotContain("not KeePassXC", "pw");
        assertThat(refused("en", file, "keepassxc-csv"))
                .isEqualTo("vault: cannot import: " + file + ": line 1: not KeePassXC's CSV header (4 columns);"
                        + " expected " + HEADER + " (KeePassXC 2.7) or its first six columns; nothing was written.");
    }

    @Test
    @DisplayName("a bad line in a KeePassXC CSV: Japanese, with its line")
    void badLine() throws Exception {
        Path file = write("keepassxc.csv", HEADER + "\n\"Mail\",\"Work\"\n");
        assertThat(refused("ja", file, "keepassxc-csv"))
                .isEqualTo("vault: 取り込めません（何も書き込んでいません）：" + file
                        + " の 2 行目：フィールドが 2 個あります。見出し行と同じ 10 個のはずです（ファイルが途中で切れているか、編集されていませんか）。");
        Path cut = write("cut.csv", HEADER + "\n\"Mail\",\"Wo");
        assertThat(refused("ja", cut, "keepassxc-csv"))
                .endsWith(cut + " の 2 行目：引用符で始まるフィールドが閉じていません（ファイルが途中で切れていませんか）。");
    }

    @Test
    @DisplayName("a Thunderbird folder without prefs.js, and prefs.js without accounts: Japanese")
    void thunderbird() throws Exception {
        Path profile = Files.createDirectory(dir.resolve("profile"));
        assertThat(refused("ja", profile, "thunderbird"))
                .isEqualTo("vault: 取り込めません（何も書き込んでいません）：" + profile
                        + " に prefs.js がありません。Thunderbird のプロファイルフォルダーを指定してください（ヘルプ → トラブルシューティング情報 → プロファイルフォルダー）。");
        Files.writeString(profile.resolve("prefs.js"), "user_pref(\"browser.startup.page\", 1);\n");
        assertThat(refused("ja", profile, "thunderbird")).contains("prefs.js にはメールアカウントがありません");
    }

    @Test
    @DisplayName("a file that is not there: Japanese, and English that reads as a sentence")
    void missing() {
        Path file = dir.resolve("missing.csv");
        assertThat(refused("ja", file, "keepassxc-csv"))
                .isEqualTo("vault: 取り込めません（何も書き込んでいません）：インポートするファイル " + file + " がありません。");
        assertThat(refused("en", file, "keepassxc-csv"))
                .isEqualTo("vault: cannot import: no file " + file + " to import; nothing was written.");
    }
}
