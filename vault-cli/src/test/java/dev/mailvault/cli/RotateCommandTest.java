package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vault rotate, through to verify against a real GreenMail")
class RotateCommandTest extends ServerTestBase {

    @Test
    @DisplayName("a whole rotation: nothing changes until the provider has the new value, then it is promoted")
    void wholeRotation() {
        String a = account("rotate", "old-password-1", "old-password-1");
        withSession(s -> s.addDevice("Taro's iPhone", DeviceType.IPHONE, List.of(Address.of(a))));

        Result started = cli.unlockedWith("new-password-2\n", "rotate", a);
        assertThat(started.code()).as(started.err()).isZero();
        assertThat(started.out())
                .contains("Step 1")
                .contains("Step 2: change it on your mail provider's web site")
                .contains("Taro's iPhone")
                .contains("Step 3")
                .contains("'vault verify " + a + "'")
                .doesNotContain("new-password-2");

        // the server still has the old password: the new value is refused, nothing changes
        Result early = cli.unlocked("verify", a, "--json");
        assertThat(early.code()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode rotation = json(early).get("rotations").get(0);
        assertThat(rotation.get("account").asText()).isEqualTo(a);
        assertThat(rotation.get("credential").asText()).isEqualTo("imap");
        assertThat(rotation.get("outcome").asText()).isEqualTo("NOT_CHANGED_AT_PROVIDER");
        assertThat(json(early).get("results").findValuesAsText("credential")).contains("current", "pending");
        assertThat(cli.unlocked("get", a).out()).isEqualTo("old-password-1\n");

        server.user(a, "new-password-2");
        Result done = cli.unlocked("verify", a);
        assertThat(done.code()).as(done.out()).isZero();
        assertThat(done.out())
                .contains(
                        "PROMOTED " + a + ": the new IMAP password works: it is now the current one; 1 device needs it")
                .contains("'vault devices --stale'");
        assertThat(cli.unlocked("get", a).out()).isEqualTo("new-password-2\n");
        JsonNode shown = json(cli.unlocked("show", a, "--json"));
        assertThat(shown.get("rotation_pending").asBoolean()).isFalse();
        assertThat(shown.get("stale_devices").asInt()).isEqualTo(1);
        JsonNode imap = shown.get("credentials").get(0);
        assertThat(imap.get("history_count").asInt()).isEqualTo(1);
        assertThat(imap.get("promoted_unverified").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("--generate is refused for Gmail with Google's reason in the chosen language; nothing is written")
    void generateRefusedForGmail() {
        Result added = cli.unlockedWith("abcdabcdabcdabcd\n", "add", "taro@gmail.com");
        assertThat(added.code()).as(added.err()).isZero();
        byte[] before = cli.vaultBytes();

        Result r = cli.unlocked("rotate", "taro@gmail.com", "--generate");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--generate is not available for Gmail: Google creates app passwords");
        assertThat(cli.vaultBytes()).isEqualTo(before);
        Result ja = cli.unlocked("--lang", "ja", "rotate", "taro@gmail.com", "--generate");
        assertThat(ja.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ja.err()).contains("アプリ パスワードはGoogleが作成します");
    }

    @Test
    @DisplayName("a new password equal to the current one is refused in the chosen language; nothing is written")
    void sameAsCurrent() {
        String a = account("same", "old-password-1", "old-password-1");
        byte[] before = cli.vaultBytes();

        Result r = cli.unlockedWith("old-password-1\n", "rotate", a);

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("vault: the new password is the same as the current one; nothing was stored\n");
        Result ja = cli.unlockedWith("old-password-1\n", "--lang", "ja", "rotate", a);
        assertThat(ja.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ja.err()).isEqualTo("vault: 新しいパスワードが今のパスワードと同じです。何も保存していません。\n");
        assertThat(cli.vaultBytes()).isEqualTo(before);
    }

    @Test
    @DisplayName("--generate stores a value of the asked length that is never printed; get --pending shows it")
    void generate() {
        String a = account("gen", "old-password-1", "old-password-1");

        Result r = cli.unlocked("rotate", a, "--generate", "--length", "24");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("of 24 characters").contains("vault get " + a + " --pending");
        String value = cli.unlocked("get", a, "--pending").out().strip();
        assertThat(value).hasSize(24);
        assertThat(r.both()).doesNotContain(value);
        Result tooShort = cli.unlocked("rotate", a, "--generate", "--length", "8", "--yes");
        assertThat(tooShort.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooShort.err()).contains("12 to 64 characters");
    }

    @Test
    @DisplayName("a rotation in progress is replaced only after a yes at the terminal, or with --yes")
    void inProgress() {
        String a = account("again", "old-password-1", "old-password-1");
        assertThat(cli.unlockedWith("first-new-1\n", "rotate", a).code()).isZero();

        Result refused = cli.unlockedWith("second-new-2\n", "rotate", a);
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("already pending");

        ScriptedTerminal no = new ScriptedTerminal("n");
        cli.terminal = no;
        assertThat(cli.unlocked("rotate", a).code()).isZero();
        assertThat(no.prompts).hasSize(1);
        assertThat(no.prompts.get(0)).contains("Replace it?");

        ScriptedTerminal yes = new ScriptedTerminal("y", "second-new-2", "second-new-2");
        cli.terminal = yes;
        assertThat(cli.unlocked("rotate", a).code()).isZero();
        assertThat(yes.allAnswered()).isTrue();
        assertThat(yes.echoed).containsExactly(true, false, false);

        cli.terminal = Terminal.NONE;
        assertThat(cli.unlockedWith("third-new-3\n", "rotate", a, "--yes").code())
                .isZero();
        assertThat(cli.unlocked("get", a, "--pending").out()).isEqualTo("third-new-3\n");
    }

    @Test
    @DisplayName("--promote needs --yes without a terminal and records the change as not verified")
    void promote() {
        String a = account("promote", "old-password-1", "old-password-1");
        assertThat(cli.unlockedWith("new-password-2\n", "rotate", a).code()).isZero();
        assertThat(cli.run("", "rotate", a, "--promote").code()).isEqualTo(ExitCodes.USAGE);

        Result r = cli.unlocked("rotate", a, "--promote", "--yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("recorded as not verified");
        assertThat(cli.unlocked("get", a).out()).isEqualTo("new-password-2\n");
        JsonNode imap =
                json(cli.unlocked("show", a, "--json")).get("credentials").get(0);
        assertThat(imap.get("promoted_unverified").asBoolean()).isTrue();
        assertThat(imap.get("history_count").asInt()).isEqualTo(1);
        Result nothing = cli.unlocked("rotate", a, "--promote", "--yes");
        assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("no new IMAP password pending");
    }

    @Test
    @DisplayName("--abandon asks at the terminal, then drops the pending value and keeps the current one")
    void abandon() {
        String a = account("abandon", "old-password-1", "old-password-1");
        assertThat(cli.unlockedWith("new-password-2\n", "rotate", a).code()).isZero();
        ScriptedTerminal yes = new ScriptedTerminal("y");
        cli.terminal = yes;

        Result r = cli.unlocked("rotate", a, "--abandon");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(yes.prompts.get(0)).contains("Drop the new IMAP password");
        cli.terminal = Terminal.NONE;
        Result shown = cli.unlocked("show", a, "--history");
        assertThat(shown.out()).doesNotContain("pending");
    }

    @Test
    @DisplayName("after --abandon, list no longer shows the dropped value's failed login")
    void abandonedCheckLeavesList() {
        String a = account("dropped", "old-password-1", "old-password-1");
        assertThat(cli.unlockedWith("new-password-2\n", "rotate", a).code()).isZero();
        // the provider still has the old password: the new value fails, the old one works
        assertThat(cli.unlocked("verify", a).code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(row(cli.unlocked("list").out(), a)).as("while pending").contains("AUTH_FAILED");

        assertThat(cli.unlocked("rotate", a, "--abandon", "--yes").code()).isZero();

        assertThat(row(cli.unlocked("list").out(), a))
                .doesNotContain("AUTH_FAILED")
                .contains("OK ");
    }

    private static String row(String table, String address) {
        return table.lines().filter(l -> l.contains(address)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("conflicting options are refused before the vault is opened")
    void conflicts() {
        byte[] before = cli.vaultBytes();
        assertThat(cli.run("", "rotate", "a@mv-cli.example", "--promote", "--abandon")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "rotate", "a@mv-cli.example", "--length", "20").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "rotate", "a@mv-cli.example", "--generate", "--abandon")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.vaultBytes()).isEqualTo(before);
    }
}
