package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault remind on a real vault file")
class RemindCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERDUE = "overdue@example.jp";
    private static final String SOON = "soon@example.jp";
    private static final String FINE = "fine@example.jp";

    /** Three accounts, changed today, with policies of 3, 6 and 12 months. */
    private static Cli template;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeAll
    static void template() {
        template = Cli.withEmptyVault(shared);
        add(OVERDUE, "3m");
        add(SOON, "6m");
        add(FINE, "12m");
    }

    private static void add(String address, String policy) {
        Result r = template.unlockedWith(
                "pw\n",
                "add",
                address,
                "--imap",
                "imap.example.jp:993",
                "--smtp",
                "smtp.example.jp:587",
                "--policy",
                policy);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @BeforeEach
    void vault() {
        cli = template.copyTo(dir);
    }

    /** Every later run sees a clock this far ahead: the 3m password is overdue, the 6m one due within 14 days. */
    private void daysLater(long days) {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(days)), ZoneOffset.UTC);
        cli.service = () -> new VaultService(later, new SecureRandom(), dir.resolve("state"));
    }

    @Nested
    @DisplayName("plain, on a locked vault")
    class Locked {
        @Test
        @DisplayName("with nothing due prints that and exits 0")
        void nothingDue() {
            Result r = cli.run("", "remind");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("No password is overdue or due within 14 days.");
        }

        @Test
        @DisplayName("asks for nothing (no password, no terminal), counts only, names nothing, exits 1")
        void countsOnly() {
            daysLater(175);
            Result r = cli.run("", "remind");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).contains("Passwords overdue: 1. Due within 14 days: 1.");
            assertThat(r.both()).doesNotContain("example.jp", "imap", "@");
        }

        @Test
        @DisplayName("--json gives the two counts and no names")
        void json() throws Exception {
            daysLater(175);
            Result r = cli.run("", "remind", "--json");
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("overdue").asInt()).isEqualTo(1);
            assertThat(doc.get("due_soon").asInt()).isEqualTo(1);
            assertThat(doc.get("due_soon_days").asInt()).isEqualTo(14);
            assertThat(doc.has("items")).isFalse();
            assertThat(r.out()).doesNotContain("@");
        }

        @Test
        @DisplayName("--notify prints the counts when there is no desktop, and exits 1")
        void notifyPrints() {
            daysLater(175);
            Result r = cli.run("", "remind", "--notify");
            assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).startsWith("Mail Vault: Passwords overdue: 1.");
            assertThat(r.out()).doesNotContain("@");
        }

        @Test
        @DisplayName("--notify says nothing when nothing is due")
        void notifyQuiet() {
            Result r = cli.run("", "remind", "--notify");
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEmpty();
        }

        @Test
        @DisplayName("of a missing vault is exit 4")
        void missing() throws Exception {
            Files.delete(cli.vault);
            assertThat(cli.run("", "remind").code()).isEqualTo(ExitCodes.VAULT_UNAVAILABLE);
        }
    }

    @Nested
    @DisplayName("unlocked")
    class Unlocked {
        @BeforeEach
        void later() {
            daysLater(175);
        }

        @Test
        @DisplayName("--details names each password due, most urgent first, and exits 1")
        void details() {
            Result r = cli.unlocked("remind", "--details");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).contains("Overdue: 1. Due within 14 days: 1.");
            assertThat(r.out()).contains(OVERDUE, SOON).doesNotContain(FINE);
            assertThat(r.out().indexOf(OVERDUE)).isLessThan(r.out().indexOf(SOON));
            assertThat(r.out()).containsPattern("overdue by \\d+ days").containsPattern("due in \\d+ days");
        }

        @Test
        @DisplayName("--details --json lists the items with their status")
        void detailsJson() throws Exception {
            Result r = cli.unlocked("remind", "--details", "--json");
            JsonNode items = JSON.readTree(r.out()).get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("address").asText()).isEqualTo(OVERDUE);
            assertThat(items.get(0).get("status").asText()).isEqualTo("overdue");
            assertThat(items.get(0).get("days_left").asInt()).isNegative();
            assertThat(items.get(1).get("status").asText()).isEqualTo("due_soon");
        }

        @Test
        @DisplayName("--details with a wrong master password is exit 3")
        void wrongMaster() {
            assertThat(cli.run("wrong\n", "--password-stdin", "remind", "--details")
                            .code())
                    .isEqualTo(ExitCodes.WRONG_MASTER_PASSWORD);
        }

        @Test
        @DisplayName("--ics writes a calendar with an event for every due date, readable by its owner only")
        void ics() throws Exception {
            Path file = dir.resolve("reminders.ics");
            Result r = cli.unlocked("remind", "--ics", file.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).contains("Wrote 3 due dates to " + file);
            String calendar = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\n").contains("END:VCALENDAR");
            assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(4);
            assertThat(calendar.replace("\r\n ", "")).contains(OVERDUE, SOON, FINE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }

        @Test
        @DisplayName("--ics with no password in the vault writes no calendar (RFC 5545 wants an event) and says so")
        void icsNothingDue() throws Exception {
            Path empty = dir.resolve("empty");
            Files.createDirectories(empty);
            Cli none = Cli.withEmptyVault(empty);
            Path file = dir.resolve("reminders.ics");

            Result r = none.unlocked("--lang", "en", "remind", "--ics", file.toString());

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("The vault holds no password, so there is no due date to put in a calendar; " + file
                            + " was not written.");
            assertThat(file).doesNotExist();
        }

        @Test
        @DisplayName(
                "--ics with a FIFO or device as FILE is exit 2 before the master password is asked, and left as it was")
        void icsNotRegularFile() {
            Path fifo = SpecialFiles.fifo(dir.resolve("reminders.ics"));

            Result r = cli.run("", "remind", "--ics", fifo.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("cannot write " + fifo).contains("not a regular file");
            assertThat(SpecialFiles.isStillSpecial(fifo)).isTrue();
        }

        @Test
        @DisplayName("--ics with a FILE the system will not write is exit 2 naming it and why")
        void icsCannotWrite() {
            // a valid name, but too long with the temporary file's prefix and suffix: refused even to root
            Path file = dir.resolve("r".repeat(255));

            Result r = cli.unlocked("remind", "--ics", file.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("vault: cannot write " + file + ": file name too long\n");
            assertThat(file).doesNotExist();
        }
    }

    @Nested
    @DisplayName("the daily job")
    class Job {
        @Test
        @DisplayName("--install outside the launcher says to run it through ./vault (exit 2)")
        void installNeedsLauncher() {
            Result r = cli.run("", "remind", "--install");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("./vault remind --install");
        }

        @Test
        @DisplayName("--install without systemd gives a crontab line that runs the launcher, never with a password")
        void installCrontab() throws Exception {
            Path launcher = dir.resolve("vault");
            Files.writeString(launcher, "#!/bin/sh\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
            cli.env.put("VAULT_LAUNCHER", launcher.toString());
            // no XDG_RUNTIME_DIR in the environment: no systemd user manager to talk to
            Result r = cli.run("", "--lang", "ja", "remind", "--install");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("crontab -e");
            String line = r.out()
                    .lines()
                    .filter(l -> l.startsWith("0 9 * * *"))
                    .findFirst()
                    .orElseThrow();
            assertThat(line)
                    .contains("'" + launcher + "'", "'--vault' '" + cli.vault + "'", "'--lang' 'ja'")
                    .contains("'remind' '--notify'")
                    .doesNotContain("password");
            assertThat(dir.resolve("config/systemd")).doesNotExist();
        }

        @Test
        @DisplayName("--uninstall without systemd says how to remove the crontab line")
        void uninstallCrontab() {
            Result r = cli.run("", "remind", "--uninstall");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("crontab -l | grep -v '# mailvault-remind' | crontab -");
        }

        @Test
        @DisplayName("--install with --details is a usage error")
        void conflict() {
            Result r = cli.run("", "remind", "--install", "--details");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--install and --details cannot be used together");
        }
    }
}
