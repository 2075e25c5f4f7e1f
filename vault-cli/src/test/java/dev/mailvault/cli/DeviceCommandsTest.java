package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault devices and vault device add|done|remove on a real vault file")
class DeviceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARO = "taro@example.jp";
    private static final String HANAKO = "hanako@example.com";

    /** Two accounts; and the same with an iPhone using both, a PC using one, and taro's password rotated. */
    private static Cli accounts;

    private static Cli rotated;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeAll
    static void templates() throws Exception {
        accounts = Cli.withEmptyVault(Files.createDirectory(shared.resolve("accounts")));
        add(accounts, TARO, "imap.example.jp:993", "smtp.example.jp:587");
        add(accounts, HANAKO, "mail.example.com:993", "mail.example.com:465");
        rotated = accounts.copyTo(Files.createDirectory(shared.resolve("rotated")));
        addIphone(rotated);
        Result pc = rotated.unlocked("device", "add", "Office PC", "--type", "thunderbird", "--uses", HANAKO);
        assertThat(pc.code()).as(pc.err()).isZero();
        promoteImap(rotated, TARO);
    }

    @BeforeEach
    void vault() {
        cli = accounts.copyTo(dir);
    }

    private static void add(Cli cli, String address, String imap, String smtp) {
        Result r = cli.unlockedWith("pw-" + address + "\n", "add", address, "--imap", imap, "--smtp", smtp);
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static Result addIphone(Cli cli) {
        Result r = cli.unlocked("device", "add", "iPhone", "--type", "iphone", "--uses", TARO + "," + HANAKO);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    /** What a successful verify of a pending value does: the new value becomes current. */
    private static void promoteImap(Cli cli, String address) {
        try (Secret master = Secret.copyOf(Cli.MASTER.toCharArray());
                VaultSession session = cli.service.get().open(cli.vault, master);
                Secret next = Secret.copyOf(("rotated-" + address).toCharArray())) {
            session.setPending(Address.of(address), CredentialRef.IMAP, next);
            session.promotePending(Address.of(address), CredentialRef.IMAP, true);
        }
    }

    @Nested
    @DisplayName("device add")
    class Add {
        @Test
        @DisplayName("registers the device with the accounts it uses, shown by devices with exit 0")
        void registers() {
            Result added = addIphone(cli);
            assertThat(added.out()).contains("Registered iPhone", TARO, HANAKO);
            Result r = cli.unlocked("devices");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("DEVICE", "iPhone", TARO, HANAKO, "imap");
            assertThat(r.out()).doesNotContain("needed");
        }

        @Test
        @DisplayName("refuses an unknown type, listing the types, before asking for the master password")
        void unknownType() {
            Result r = cli.run("", "device", "add", "Phone", "--type", "blackberry", "--uses", TARO);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("'blackberry' is not a device type", "iphone, android", "macos-mail");
        }

        @Test
        @DisplayName("refuses a name the core's rule refuses, in English and Japanese, before the master password")
        void badName() {
            for (String name : new String[] {"", "   ", "a\tb", "x".repeat(DeviceNames.MAX_LENGTH + 1)}) {
                assertThatThrownBy(() -> DeviceNames.check(name))
                        .as("the core's rule")
                        .isInstanceOf(BadInputException.class);
                Result en = cli.run("", "device", "add", name, "--type", "iphone", "--uses", TARO);
                assertThat(en.code()).as(name).isEqualTo(ExitCodes.USAGE);
                assertThat(en.err())
                        .isEqualTo("vault: a device name has 1 to 100 printable characters, for example iPhone or"
                                + " \"Office PC\".\n");
                Result ja = cli.run("", "--lang", "ja", "device", "add", name, "--type", "iphone", "--uses", TARO);
                assertThat(ja.code()).as(name).isEqualTo(ExitCodes.USAGE);
                assertThat(ja.err()).isEqualTo("vault: 端末の名前は 1〜100 文字の表示できる文字にしてください（例：iPhone、\"会社のPC\"）。\n");
            }
        }

        @Test
        @DisplayName("takes the longest name the core's rule allows, stored without surrounding spaces")
        void longestName() {
            String name = "x".repeat(DeviceNames.MAX_LENGTH);
            Result r = cli.unlocked("device", "add", "  " + name + " ", "--type", "iphone", "--uses", TARO);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(cli.unlocked("devices").out()).contains(name).doesNotContain(" " + name + " ");
        }

        @Test
        @DisplayName("refuses an account that is not in the vault, writing nothing")
        void unknownAccount() {
            byte[] before = cli.vaultBytes();
            Result r = cli.unlocked("device", "add", "iPhone", "--type", "iphone", "--uses", "nobody@example.jp");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("no account nobody@example.jp");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a second device of the same name, whatever its case")
        void duplicate() throws Exception {
            cli = rotated.copyTo(Files.createDirectory(dir.resolve("rotated")));
            Result r = cli.unlocked("device", "add", "IPHONE", "--type", "android", "--uses", TARO);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("already registered");
        }
    }

    @Nested
    @DisplayName("after a password was rotated")
    class AfterRotation {
        @BeforeEach
        void rotate() throws Exception {
            cli = rotated.copyTo(Files.createDirectory(dir.resolve("rotated")));
        }

        @Test
        @DisplayName("devices --stale shows the iPhone steps in Japanese and exits 1")
        void staleInJapanese() {
            Result r = cli.unlocked("--lang", "ja", "devices", "--stale");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out())
                    .contains("iPhone / iPad")
                    .contains("「設定」→「メール」→「アカウント」を開き、" + TARO + " をタップします。")
                    .contains("1. ", "2. ", "必要")
                    .contains("vault device done iPhone " + TARO);
            // only what is stale: the other account on the iPhone, and the PC, are not listed
            assertThat(r.out()).doesNotContain(HANAKO, "Office PC");
        }

        @Test
        @DisplayName("devices lists every device and marks only the stale use")
        void allDevices() {
            Result r = cli.unlocked("devices");
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).contains("Office PC", "Thunderbird", HANAKO, "needed");
            assertThat(r.out()).contains("iPhone (iPhone / iPad (Mail)): type in the new password of " + TARO);
        }

        @Test
        @DisplayName("devices ADDRESS for an account nothing is stale for exits 0")
        void otherAccount() {
            Result r = cli.unlocked("devices", HANAKO);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("iPhone", "Office PC").doesNotContain(TARO);
        }

        @Test
        @DisplayName("devices --json names the stale use and carries the steps")
        void json() throws Exception {
            Result r = cli.unlocked("devices", "--json");
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            JsonNode doc = JSON.readTree(r.out());
            JsonNode iphone = doc.get("devices").get(0).get("name").asText().equals("iPhone")
                    ? doc.get("devices").get(0)
                    : doc.get("devices").get(1);
            assertThat(iphone.get("type").asText()).isEqualTo("iphone");
            assertThat(iphone.get("stale").asBoolean()).isTrue();
            assertThat(doc.get("reentry")).hasSize(1);
            JsonNode reentry = doc.get("reentry").get(0);
            assertThat(reentry.get("device").asText()).isEqualTo("iPhone");
            assertThat(reentry.get("address").asText()).isEqualTo(TARO);
            assertThat(reentry.get("credentials").get(0).asText()).isEqualTo("imap");
            assertThat(reentry.get("steps").size()).isGreaterThan(2);
            assertThat(reentry.get("steps").get(0).asText()).contains(TARO);
        }

        @Test
        @DisplayName("device done clears it: devices --stale then exits 0")
        void done() {
            Result done = cli.unlocked("device", "done", "iphone", TARO);
            assertThat(done.code()).as(done.err()).isZero();
            assertThat(done.out()).contains("iPhone has the current passwords of " + TARO);
            Result r = cli.unlocked("devices", "--stale");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("No device needs a new password typed in.");
        }

        @Test
        @DisplayName("device done for an account the device does not use is exit 2")
        void doneWrongAccount() {
            Result r = cli.unlocked("device", "done", "Office PC", TARO);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("does not use " + TARO);
            assertThat(cli.unlocked("devices", "--stale").code()).isEqualTo(ExitCodes.FINDINGS);
        }
    }

    @Nested
    @DisplayName("with separate IMAP and SMTP passwords, after only one was rotated")
    class OnePasswordRotated {
        private static final String SABURO = "saburo@example.org";

        @BeforeEach
        void separatePasswords() {
            Result added = cli.unlockedWith(
                    "imap-pw-saburo\nsmtp-pw-saburo\n",
                    "add",
                    SABURO,
                    "--imap",
                    "imap.example.org:993",
                    "--smtp",
                    "smtp.example.org:465",
                    "--separate-smtp-password");
            assertThat(added.code()).as(added.err()).isZero();
            for (String[] device : new String[][] {{"Phone", "android"}, {"iPhone", "iphone"}}) {
                Result r = cli.unlocked("device", "add", device[0], "--type", device[1], "--uses", SABURO);
                assertThat(r.code()).as(r.err()).isZero();
            }
        }

        private void rotate(String kind) {
            Result pending = cli.unlockedWith("new-" + kind + "-pw-saburo\n", "rotate", SABURO, "--kind", kind);
            assertThat(pending.code()).as(pending.err()).isZero();
            Result promoted = cli.unlocked("rotate", SABURO, "--kind", kind, "--promote", "--yes");
            assertThat(promoted.code()).as(promoted.err()).isZero();
        }

        @Test
        @DisplayName("a new IMAP password: the steps replace the incoming password and leave the SMTP one alone")
        void imapOnly() throws Exception {
            rotate("imap");
            Result r = cli.unlocked("devices", SABURO);
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out())
                    .contains("Phone (Android (Gmail app)): type in the new password of " + SABURO + " (imap)")
                    .contains("Under Server settings tap Incoming settings and replace the password.")
                    .contains("Leave Outgoing settings as they are: the outgoing password has not changed.")
                    .contains("Tap Account, then tap Password, delete the old password and type the new one.")
                    .contains("Leave the Password under SMTP (Outgoing Mail Server) as it is")
                    .doesNotContain("Tap Outgoing settings and replace the password there too.")
                    .doesNotContain("replace its Password too");
            Result ja = cli.unlocked("--lang", "ja", "devices", SABURO);
            assertThat(ja.out())
                    .contains("「送信設定」はそのままにします。")
                    .contains("「送信メールサーバ」の「SMTP」の「パスワード」はそのままにします。")
                    .doesNotContain("「送信設定」をタップし、そこのパスワードも入れ替えます。");
            JsonNode reentry = JSON.readTree(
                            cli.unlocked("devices", SABURO, "--json").out())
                    .get("reentry");
            assertThat(reentry).hasSize(2);
            for (JsonNode each : reentry) {
                assertThat(each.get("credentials").toString()).isEqualTo("[\"imap\"]");
                assertThat(each.get("steps").toString())
                        .contains("has not changed")
                        .doesNotContain("too");
            }
        }

        @Test
        @DisplayName("a new SMTP password: the steps replace the outgoing password and leave the IMAP one alone")
        void smtpOnly() {
            rotate("smtp");
            Result r = cli.unlocked("devices", "--stale");
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out())
                    .contains("type in the new password of " + SABURO + " (smtp)")
                    .contains("Leave Incoming settings as they are: the incoming password has not changed.")
                    .contains("Under Server settings tap Outgoing settings and replace the password there.")
                    .contains("Tap Account. Leave the Password on that screen as it is")
                    .doesNotContain("tap Incoming settings and replace the password")
                    .doesNotContain("tap Password, delete the old password");
        }
    }

    @Nested
    @DisplayName("device remove")
    class Remove {
        @BeforeEach
        void register() throws Exception {
            cli = rotated.copyTo(Files.createDirectory(dir.resolve("rotated")));
        }

        @Test
        @DisplayName("without a terminal and without --yes refuses with exit 2 before asking for the password")
        void needsYes() {
            byte[] before = cli.vaultBytes();
            Result r = cli.run("", "device", "remove", "iPhone");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("add --yes");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("with --yes forgets the device and keeps the accounts")
        void withYes() {
            Result r = cli.unlocked("device", "remove", "iPhone", "--yes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Forgot the device iPhone.");
            assertThat(cli.unlocked("devices").out()).contains("Office PC").doesNotContain("iPhone");
            assertThat(cli.unlocked("get", HANAKO).out()).isEqualTo("pw-" + HANAKO + "\n");
        }

        @Test
        @DisplayName("at a terminal asks first; answering no keeps the device")
        void askedAtTerminal() {
            ScriptedTerminal person = new ScriptedTerminal(Cli.MASTER, "n");
            cli.terminal = person;
            Result r = cli.run("", "device", "remove", "iPhone");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Kept the device iPhone");
            assertThat(person.prompts.get(1)).contains("Forget the device iPhone?");
            cli.terminal = dev.mailvault.cli.input.Terminal.NONE;
            assertThat(cli.unlocked("devices").out()).contains("iPhone");
        }

        @Test
        @DisplayName("of a device that does not exist names the registered ones")
        void unknown() {
            Result r = cli.unlocked("device", "remove", "Pixel", "--yes");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("no device 'Pixel'", "iPhone");
        }
    }

    @Test
    @DisplayName("devices with none registered says how to register one, exit 0")
    void none() {
        Result r = cli.unlocked("devices");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("No device is registered", "vault device add");
    }

    @Test
    @DisplayName("vault device alone shows its commands and exits 2")
    void deviceAlone() {
        Result r = cli.run("", "device");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("add", "done", "remove");
    }
}
