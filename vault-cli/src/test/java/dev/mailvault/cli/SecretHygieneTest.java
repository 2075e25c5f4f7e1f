package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Secrets never reach the output outside get and --reveal")
class SecretHygieneTest {
    private static final String SECRET = "Kn0wn-Secret-7f3a";
    private static final String SMTP_SECRET = "Smtp-Secret-91bc";
    private static final String NEW_SECRET = "Rotated-Secret-55de";
    private static final String ADDRESS = "taro@example.jp";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a whole session, including failures and --debug, never prints a secret or the master password")
    void wholeSession() {
        Cli cli = Cli.withEmptyVault(dir);
        List<Result> results = new ArrayList<>();
        results.add(cli.unlockedWith(
                SECRET + "\n" + SMTP_SECRET + "\n",
                "add",
                ADDRESS,
                "--imap",
                "imap.example.jp:993",
                "--smtp",
                "smtp.example.jp:587",
                "--separate-smtp-password"));
        results.add(cli.unlocked("list"));
        results.add(cli.unlocked("list", "--json"));
        results.add(cli.unlocked("--lang", "ja", "list"));
        results.add(cli.unlocked("show", ADDRESS));
        results.add(cli.unlocked("show", ADDRESS, "--json"));
        results.add(cli.unlocked("show", ADDRESS, "--history"));
        results.add(cli.unlockedWith(NEW_SECRET + "\n", "edit", ADDRESS, "--password"));
        results.add(cli.unlocked("show", ADDRESS, "--history", "--json"));
        results.add(cli.unlocked("--debug", "get", ADDRESS, "--kind", "app:none"));
        results.add(cli.unlockedWith(
                "x\n", "--debug", "add", ADDRESS, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587"));
        results.add(cli.run("wrong " + Cli.MASTER + "\n", "--password-stdin", "--debug", "show", ADDRESS));
        results.add(cli.unlocked("--debug", "edit", ADDRESS, "--imap", "bad host:1"));
        results.add(cli.unlocked("completion", "bash"));
        results.add(cli.unlockedWith("new master\n", "passwd"));

        assertThat(results)
                .allSatisfy(r -> assertThat(r.both())
                        .doesNotContain(SECRET)
                        .doesNotContain(SMTP_SECRET)
                        .doesNotContain(NEW_SECRET)
                        .doesNotContain(Cli.MASTER)
                        .doesNotContain("new master"));
        assertThat(results.get(0).code()).isZero();
        assertThat(results.get(7).code()).isZero();

        // and the same vault does give them back where asked
        Result get = cli.run("new master\n", "--password-stdin", "get", ADDRESS);
        assertThat(get.out()).isEqualTo(NEW_SECRET + "\n");
        assertThat(get.err()).isEmpty();
        Result reveal = cli.run("new master\n", "--password-stdin", "show", ADDRESS, "--reveal", "--history");
        assertThat(reveal.out()).contains(NEW_SECRET, SECRET, SMTP_SECRET);
    }

    @Test
    @DisplayName("a password typed after a password flag out of habit is refused (exit 2) and never repeated back")
    void passwordAfterFlagNotEchoed() {
        Cli cli = Cli.withEmptyVault(dir);
        cli.unlockedWith(
                SECRET + "\n", "add", ADDRESS, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587");
        for (String lang : new String[] {"en", "ja"}) {
            Result attached = cli.unlocked("--lang", lang, "edit", ADDRESS, "--password=" + NEW_SECRET);
            Result separate = cli.unlocked("--lang", lang, "edit", ADDRESS, "--password", NEW_SECRET);
            Result global = cli.run("", "--lang", lang, "--password-stdin=" + NEW_SECRET, "list");
            for (Result r : List.of(attached, separate, global)) {
                assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.both()).doesNotContain(NEW_SECRET).contains("--password");
            }
        }
        assertThat(cli.unlocked("edit", ADDRESS, "--password", NEW_SECRET).err())
                .contains("not shown");
    }
}
