package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static dev.mailvault.core.transfer.TransferFixtures.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports a CSV that the real KeePassXC wrote: {@code keepassxc-cli export -f csv} (Debian: apt-get install keepassxc). */
class KeePassXcCliExportTest {
    static final String DB_PASSWORD = "kdbx-test-password";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a database exported by keepassxc-cli imports its mail entries and skips the rest")
    void realExport() throws Exception {
        Path cli = keepassxcCli();
        Path db = dir.resolve("test.kdbx");
        String kdbx = db.toString();
        // -t 100: the smallest unlock time keepassxc-cli accepts, so the test stays quick.
        run(cli, DB_PASSWORD + "\n" + DB_PASSWORD + "\n", "db-create", "-p", "-t", "100", kdbx);
        run(cli, DB_PASSWORD + "\n", "mkdir", kdbx, "Mail");
        add(cli, kdbx, "Mail/Gmail", "S3cr\"et,pw", "-u", "alice@gmail.com", "--url", "https://mail.google.com");
        add(
                cli,
                kdbx,
                "Mail/Work",
                "wörk pw",
                "-u",
                "bob@example.org",
                "--url",
                "imaps://mail.example.org:993",
                "--notes",
                "SMTP: smtp.example.org:587\nDesk phone 1234");
        add(cli, kdbx, "Yahoo! メール", "ヤフー", "-u", "taro@yahoo.co.jp");
        add(cli, kdbx, "Bank", "bank-pw", "-u", "bob", "--url", "https://bank.example");
        byte[] csv = run(cli, DB_PASSWORD + "\n", "export", "-f", "csv", kdbx);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\","
                        + "\"Last Modified\",\"Created\"\n");

        try (VaultSession vault = TransferFixtures.emptyVault(dir);
                ImportPlan plan = new Importer(SERVERS).read(csv, ImportFormat.KEEPASSXC_CSV, "keepassxc.csv")) {
            ImportReport report = plan.apply(vault);
            assertThat(report.added())
                    .extracting(i -> i.address().value())
                    .containsExactlyInAnyOrder("alice@gmail.com", "bob@example.org", "taro@yahoo.co.jp");
            assertThat(report.skipped())
                    .extracting(Skipped::entry, Skipped::reason)
                    .containsExactly(tuple("Bank", SkipReason.NOT_MAIL));
            assertThat(reveal(vault, "alice@gmail.com", CredentialRef.IMAP)).isEqualTo("S3cr\"et,pw");
            assertThat(reveal(vault, "bob@example.org", CredentialRef.IMAP)).isEqualTo("wörk pw");
            assertThat(reveal(vault, "taro@yahoo.co.jp", CredentialRef.IMAP)).isEqualTo("ヤフー");
            AccountInfo work = vault.account(Address.of("bob@example.org"));
            assertThat(work.spec().smtp()).isEqualTo(Endpoint.parse("smtp.example.org:587:starttls"));
            assertThat(work.spec().notes()).isEqualTo("Desk phone 1234");
        }
    }

    private static Path keepassxcCli() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p).resolve("keepassxc-cli");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort(
                "keepassxc-cli is not installed (apt-get install keepassxc): the real-export test is skipped");
        throw new IllegalStateException("unreachable");
    }

    private void add(Path cli, String db, String entry, String password, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("add", "-p"));
        args.addAll(List.of(options));
        args.add(db);
        args.add(entry);
        run(cli, DB_PASSWORD + "\n" + password + "\n", args.toArray(String[]::new));
    }

    /** Runs keepassxc-cli with passwords on standard input (never in argv) and returns its output. */
    private byte[] run(Path cli, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "kpx", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("keepassxc-cli " + args[0] + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    "keepassxc-cli " + args[0] + " failed (" + p.exitValue() + "): " + Files.readString(err));
        }
        return out;
    }
}
