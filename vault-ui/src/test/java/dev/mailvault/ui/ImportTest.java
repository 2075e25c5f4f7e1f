package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.ui.accounts.AccountRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Importing accounts from another password manager")
@ExtendWith(ApplicationExtension.class)
class ImportTest {
    static final String HEADER =
            "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\"";

    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault();
                Secret value = UiFixture.secret("kept-secret-pass")) {
            session.addAccount(
                    UiFixture.spec("kept@example.jp", "imap.example.jp:993", "smtp.example.jp:465"), value, null);
        }
        fx.start(stage);
    }

    /** One row as KeePassXC writes it: every field quoted, quotes doubled. */
    static String row(String title, String user, String password, String url, String notes) {
        return Stream.of(
                        "Mail",
                        title,
                        user,
                        password,
                        url,
                        notes,
                        "",
                        "0",
                        "2025-01-10T08:30:00Z",
                        "2024-12-01T00:00:00Z")
                .map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void unlockAndOpenImport(FxRobot robot) {
        fx.unlock(robot);
        fx.openTransfer(robot, "openImport", "#importDialog");
    }

    /** Chooses the file through the (stand-in) file dialog and reads it. */
    private void chooseAndRead(FxRobot robot, Path file) {
        fx.files.next(file);
        robot.clickOn("#importChoose");
        waitUntil(
                () -> robot.lookup("#importFile").queryAs(Label.class).getText().equals(file.toString()));
        robot.clickOn("#importRead");
        fx.settle();
    }

    /** The rows of a summary grid below its header, cells joined by " | ". */
    private static List<String> rows(FxRobot robot, String id) {
        return onFx(() -> {
            GridPane grid = robot.lookup(id).queryAs(GridPane.class);
            int count = grid.getRowCount();
            StringBuilder[] lines = new StringBuilder[count];
            for (Node n : grid.getChildren()) {
                Integer r = GridPane.getRowIndex(n);
                if (r != null && r > 0 && n instanceof Label label) {
                    if (lines[r] == null) {
                        lines[r] = new StringBuilder();
                    } else {
                        lines[r].append(" | ");
                    }
                    lines[r].append(label.getText());
                }
            }
            return Stream.of(lines)
                    .filter(l -> l != null)
                    .map(StringBuilder::toString)
                    .toList();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> tableAddresses(FxRobot robot) {
        return onFx(() -> robot.lookup("#accounts").queryAs(TableView.class).getItems().stream()
                .map(r -> ((AccountRow) r).address().value())
                .toList());
    }

    private List<String> vaultAddresses() {
        return fx.window.session().accounts().stream()
                .map(AccountInfo::address)
                .map(Address::value)
                .toList();
    }

    private String stored(String address) {
        try (Secret s = fx.window.session().secret(Address.of(address), CredentialRef.IMAP)) {
            return new String(s.revealChars());
        }
    }

    private static String reason(SkipReason reason, String detail) {
        return reason.message(Locale.ENGLISH, detail);
    }

    @Test
    @DisplayName(
            "a KeePassXC CSV: shows what will be added and skipped, writes nothing until confirmed, then adds the accounts with their passwords")
    void keepassxcCsv(FxRobot robot) throws Exception {
        Path csv = write(
                "keepassxc.csv",
                HEADER + "\n"
                        + String.join(
                                "\n",
                                row("Gmail", "alice@gmail.com", "S3cr\"et,pw", "https://mail.google.com", ""),
                                row(
                                        "Work",
                                        "bob@example.org",
                                        "work-pw",
                                        "imaps://mail.example.org:993",
                                        "SMTP: smtp.example.org:587"),
                                row("Bank", "bob", "bank-pw", "https://bank.example", ""),
                                row(
                                        "Old",
                                        "kept@example.jp",
                                        "other-pw",
                                        "imaps://imap.example.jp:993",
                                        "SMTP: smtp.example.jp:465"))
                        + "\n");
        unlockAndOpenImport(robot);
        chooseAndRead(robot, csv);
        waitUntil(() -> robot.lookup("#importToAdd").tryQuery().isPresent());

        assertThat(rows(robot, "#importToAdd"))
                .containsExactly("alice@gmail.com | line 2 | imap", "bob@example.org | line 3 | imap");
        assertThat(rows(robot, "#importSkipped"))
                .containsExactly(
                        "line 5 | kept@example.jp | " + reason(SkipReason.ALREADY_IN_VAULT, ""),
                        "line 4 | Bank | " + reason(SkipReason.NOT_MAIL, "bank.example"));
        assertThat(robot.lookup("#importConfirm").queryButton().getText()).isEqualTo("Add 2 accounts");
        assertThat(vaultAddresses())
                .as("nothing is written before the confirmation")
                .containsExactly("kept@example.jp");

        robot.clickOn("#importConfirm");
        fx.settle();
        waitUntil(() -> robot.lookup("#importDone").query().isVisible());
        assertThat(robot.lookup("#importResult").queryAs(Label.class).getText())
                .isEqualTo("Added 2 accounts from " + csv + ".");
        assertThat(rows(robot, "#importAdded"))
                .containsExactly("alice@gmail.com | line 2 | imap", "bob@example.org | line 3 | imap");

        assertThat(vaultAddresses()).containsExactlyInAnyOrder("kept@example.jp", "alice@gmail.com", "bob@example.org");
        assertThat(stored("alice@gmail.com")).isEqualTo("S3cr\"et,pw");
        assertThat(stored("bob@example.org")).isEqualTo("work-pw");
        assertThat(stored("kept@example.jp"))
                .as("an account already in the vault is left alone")
                .isEqualTo("kept-secret-pass");
        AccountInfo bob = fx.window.session().account(Address.of("bob@example.org"));
        assertThat(bob.spec().smtp()).isEqualTo(Endpoint.parse("smtp.example.org:587:starttls"));

        robot.clickOn("#importClose");
        waitUntil(() -> !fx.window.modal().isShowing());
        fx.settle();
        waitUntil(() -> tableAddresses(robot).size() == 3);
        assertThat(tableAddresses(robot)).contains("alice@gmail.com", "bob@example.org");
    }

    @Test
    @DisplayName("a Bitwarden JSON: the mail login is added with its password, the note is skipped")
    void bitwardenJson(FxRobot robot) throws Exception {
        Path json = write("bitwarden.json", """
                {
                  "encrypted": false,
                  "folders": [],
                  "items": [
                    {
                      "id": "0a1b2c3d-0000-4000-8000-000000000001",
                      "type": 1,
                      "name": "iCloud Mail",
                      "login": {
                        "uris": [ { "match": null, "uri": "https://www.icloud.com/mail" } ],
                        "username": "hanako@icloud.com",
                        "password": "abcd-efgh-ijkl-mnop"
                      }
                    },
                    {
                      "id": "0a1b2c3d-0000-4000-8000-000000000002",
                      "type": 2,
                      "name": "Recovery codes",
                      "notes": "1234 5678",
                      "secureNote": { "type": 0 }
                    }
                  ]
                }
                """);
        unlockAndOpenImport(robot);
        robot.clickOn("#importFormat-bitwarden-json");
        chooseAndRead(robot, json);
        waitUntil(() -> robot.lookup("#importToAdd").tryQuery().isPresent());
        assertThat(rows(robot, "#importToAdd")).singleElement().asString().startsWith("hanako@icloud.com | item 1");
        assertThat(rows(robot, "#importSkipped")).singleElement().asString().contains("Recovery codes");

        robot.clickOn("#importConfirm");
        fx.settle();
        waitUntil(() -> robot.lookup("#importDone").query().isVisible());
        assertThat(vaultAddresses()).containsExactlyInAnyOrder("kept@example.jp", "hanako@icloud.com");
        assertThat(stored("hanako@icloud.com")).isEqualTo("abcd-efgh-ijkl-mnop");
        waitUntil(() -> tableAddresses(robot).contains("hanako@icloud.com"));
    }

    @Test
    @DisplayName(
            "a file that does not read: the core's message says where it broke, nothing can be added, the vault is unchanged")
    void brokenFile(FxRobot robot) throws Exception {
        String whole = HEADER + "\n" + row("Gmail", "alice@gmail.com", "pw", "", "") + "\n"
                + row("Work", "bob@example.org", "pw2", "imaps://mail.example.org", "a\nb") + "\n";
        Path cut = write("cut.csv", whole.substring(0, whole.indexOf("a\nb") + 2));
        unlockAndOpenImport(robot);
        String before = fileState();
        chooseAndRead(robot, cut);
        waitUntil(() ->
                !robot.lookup("#importProblem").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#importProblem").queryAs(Label.class).getText())
                .startsWith("The file does not read; nothing was added.")
                .contains("line 3", "not closed");
        assertThat(robot.lookup("#importConfirm").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#importToAdd").tryQuery()).isEmpty();
        robot.interact(() -> robot.lookup("#importConfirm").queryButton().fire());
        fx.settle();
        assertThat(vaultAddresses()).containsExactly("kept@example.jp");
        assertThat(fileState()).isEqualTo(before);
    }

    @Test
    @DisplayName("a file that does not read, in Japanese: why and where in the app's language, the vault unchanged")
    void brokenFileJapanese(FxRobot robot) throws Exception {
        Path notKeePassXc = write("chrome.csv", "name,url,username,password\nmail,https://mail.example.org,a,pw\n");
        Path badLine = write("short.csv", HEADER + "\n\"Mail\",\"Work\"\n");
        Path encrypted = write("bitwarden.json", "{\"encrypted\": true, \"passwordProtected\": true}");
        Path profile = Files.createDirectories(dir.resolve("empty-profile"));
        fx.unlock(robot);
        robot.interact(() -> fx.window.updateSettings(
                fx.window.settings().withLanguage(dev.mailvault.ui.settings.Settings.Language.JAPANESE)));
        fx.settle();
        fx.openTransfer(robot, "openImport", "#importDialog");
        String before = fileState();

        assertThat(problemAfterReading(robot, notKeePassXc))
                .startsWith("ファイルを読み込めません。何も追加していません。" + notKeePassXc + " の 1 行目：KeePassXC の CSV の見出し行ではありません（4 列）。")
                .doesNotContain("not KeePassXC");
        assertThat(problemAfterReading(robot, badLine))
                .isEqualTo("ファイルを読み込めません。何も追加していません。" + badLine
                        + " の 2 行目：フィールドが 2 個あります。見出し行と同じ 10 個のはずです（ファイルが途中で切れているか、編集されていませんか）");
        robot.clickOn("#importFormat-bitwarden-json");
        assertThat(problemAfterReading(robot, encrypted))
                .isEqualTo(
                        "ファイルを読み込めません。何も追加していません。" + encrypted
                                + " は暗号化された Bitwarden のエクスポートで、Bitwarden でしか開けません。Bitwarden でファイル形式を「.json (Encrypted)」ではなく「.json」にして、もう一度エクスポートしてください");
        robot.clickOn("#importFormat-thunderbird");
        assertThat(problemAfterReading(robot, profile))
                .isEqualTo("ファイルを読み込めません。何も追加していません。" + profile
                        + " に prefs.js がありません。Thunderbird のプロファイルフォルダーを指定してください（ヘルプ → トラブルシューティング情報 → プロファイルフォルダー）");
        Files.delete(profile);
        assertThat(problemAfterReading(robot, profile))
                .isEqualTo("ファイルを読み込めません。何も追加していません。インポートするファイル " + profile + " がありません");
        assertThat(robot.lookup("#importConfirm").queryButton().isDisabled()).isTrue();
        assertThat(vaultAddresses()).containsExactly("kept@example.jp");
        assertThat(fileState()).isEqualTo(before);
    }

    /** Reads {@code file} and gives the problem the dialog shows. */
    private String problemAfterReading(FxRobot robot, Path file) {
        chooseAndRead(robot, file);
        waitUntil(() ->
                !robot.lookup("#importProblem").queryAs(Label.class).getText().isEmpty());
        return robot.lookup("#importProblem").queryAs(Label.class).getText();
    }

    @Test
    @DisplayName("a Thunderbird profile: each password is typed twice in the dialog, an empty pair skips that account")
    void thunderbirdProfile(FxRobot robot) throws Exception {
        Path profile = dir.resolve("abcd1234.default-release");
        Files.createDirectories(profile);
        Files.writeString(profile.resolve("prefs.js"), """
                user_pref("mail.account.account1.identities", "id1");
                user_pref("mail.account.account1.server", "server1");
                user_pref("mail.account.account3.identities", "id2");
                user_pref("mail.account.account3.server", "server3");
                user_pref("mail.accountmanager.accounts", "account1,account3");
                user_pref("mail.identity.id1.smtpServer", "smtp1");
                user_pref("mail.identity.id1.useremail", "hanako@example.jp");
                user_pref("mail.identity.id2.useremail", "taro@gmail.com");
                user_pref("mail.server.server1.hostname", "mail.example.jp");
                user_pref("mail.server.server1.port", 993);
                user_pref("mail.server.server1.socketType", 3);
                user_pref("mail.server.server1.type", "imap");
                user_pref("mail.server.server1.userName", "hanako");
                user_pref("mail.server.server3.hostname", "imap.gmail.com");
                user_pref("mail.server.server3.port", 993);
                user_pref("mail.server.server3.socketType", 3);
                user_pref("mail.server.server3.type", "imap");
                user_pref("mail.server.server3.userName", "taro@gmail.com");
                user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.jp");
                user_pref("mail.smtpserver.smtp1.port", 587);
                user_pref("mail.smtpserver.smtp1.try_ssl", 2);
                user_pref("mail.smtpserver.smtp1.username", "hanako");
                user_pref("mail.smtpservers", "smtp1");
                """, StandardCharsets.UTF_8);
        unlockAndOpenImport(robot);
        robot.clickOn("#importFormat-thunderbird");
        chooseAndRead(robot, profile);
        waitUntil(() -> robot.lookup("#importToAdd").tryQuery().isPresent());
        assertThat(fx.files.asked).last().asString().startsWith("folder: ");
        assertThat(robot.lookup("#importAsksPasswords").tryQuery()).isPresent();
        List<String> prompts = onFx(() -> robot.lookup(".password-field").queryAllAs(PasswordField.class).stream()
                .filter(f -> f.getId() != null && f.getId().startsWith("importPassword"))
                .map(f -> f.getId() + "=" + f.getPromptText())
                .toList());
        assertThat(prompts)
                .containsExactly(
                        "importPassword0=IMAP password of hanako@example.jp",
                        "importPassword1=IMAP password of taro@gmail.com");

        fill(robot, "#importPassword0", "hanako-pw");
        fill(robot, "#importRepeat0", "hanako-typo");
        robot.clickOn("#importConfirm");
        fx.settle();
        assertThat(robot.lookup("#importProblem").queryAs(Label.class).getText())
                .contains("differ", "hanako@example.jp");
        assertThat(vaultAddresses()).as("two entries that differ add nothing").containsExactly("kept@example.jp");

        fill(robot, "#importRepeat0", "hanako-pw");
        PasswordField typed = robot.lookup("#importPassword0").queryAs(PasswordField.class);
        robot.clickOn("#importConfirm");
        fx.settle();
        waitUntil(() -> robot.lookup("#importDone").query().isVisible());
        assertThat(vaultAddresses()).containsExactlyInAnyOrder("kept@example.jp", "hanako@example.jp");
        assertThat(stored("hanako@example.jp")).isEqualTo("hanako-pw");
        assertThat(rows(robot, "#importReportSkipped"))
                .containsExactly("account3 | taro@gmail.com | " + reason(SkipReason.NO_PASSWORD, ""));
        assertThat(onFx(typed::getLength))
                .as("typed passwords are wiped once imported")
                .isZero();
    }

    /** The vault file and its WAL: equal before and after means nothing was written. */
    private String fileState() throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (Path p : List.of(fx.vaultFile, fx.vaultFile.resolveSibling(fx.vaultFile.getFileName() + "-wal"))) {
            if (Files.exists(p)) {
                sha.update(Files.readAllBytes(p));
            }
            sha.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
