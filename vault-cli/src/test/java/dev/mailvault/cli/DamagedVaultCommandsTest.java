package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that opens the vault, on files that are not a usable vault: exit 4 and one line
 * that says what is wrong, never a stack trace (unless {@code --debug}), and the file's bytes
 * unchanged. A WAL left by a crash is recovered instead, with what it committed.
 */
@DisplayName("vault commands on damaged and foreign files")
class DamagedVaultCommandsTest {
    private static final String TARO = "taro@example.jp";

    /** Every command that opens the vault, with the standard input each needs after the master password. */
    private static final List<Command> COMMANDS = List.of(
            new Command("", "list"),
            new Command("", "show", TARO, "--reveal"),
            new Command("", "get", TARO),
            new Command(
                    "new secret\n",
                    "add",
                    "hanako@example.jp",
                    "--imap",
                    "imap.example.jp:993",
                    "--smtp",
                    "smtp.example.jp:465"),
            new Command("", "edit", TARO, "--name", "Renamed"),
            new Command("changed secret\n", "edit", TARO, "--password"),
            new Command("", "remove", TARO, "--yes"),
            new Command("new master\n", "passwd"),
            new Command("new value\n", "rotate", TARO, "--yes"),
            new Command("", "verify", TARO),
            new Command("", "doctor", TARO),
            new Command("", "devices"),
            new Command("", "device", "add", "phone", "--type", "iphone", "--uses", TARO),
            new Command("", "audit"),
            new Command("", "remind"),
            new Command("", "remind", "--details"));

    record Command(String moreStdin, String... args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static byte[] goodBytes;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeAll
    static void goodVault(@TempDir Path templateDir) throws Exception {
        Cli maker = Cli.withEmptyVault(templateDir);
        Result add = maker.unlockedWith(
                "taro's secret\n", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:465");
        assertThat(add.code()).as(add.err()).isZero();
        goodBytes = Files.readAllBytes(maker.vault);
    }

    @BeforeEach
    void cli() {
        cli = new Cli(dir);
    }

    static Stream<Integer> cuts() {
        // the 100-byte header, its fields, page boundaries and points inside pages
        return Stream.concat(
                        IntStream.of(1, 15, 16, 50, 99, 100, 101, 511, 512, 1000, 4095, 4096, 4097, 8192)
                                .boxed(),
                        IntStream.rangeClosed(1, 9).mapToObj(i -> -i))
                .distinct();
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("cuts")
    @DisplayName("a vault truncated anywhere: exit 4, one line, the file unchanged")
    void truncated(int cut) throws Exception {
        // negative: that many tenths of the whole file
        int length = cut > 0 ? Math.min(cut, goodBytes.length - 1) : goodBytes.length * -cut / 10;
        // shorter than "SQLite format 3" it is not recognisable as a database at all
        assertEveryCommandRefuses(
                Arrays.copyOf(goodBytes, length), length < 15 ? "is not a Mail Vault file" : "is damaged");
    }

    @Test
    @DisplayName("a zero-length file: exit 4 saying it is not a vault, the file unchanged")
    void empty() throws Exception {
        assertEveryCommandRefuses(new byte[0], "not a Mail Vault file");
    }

    @Test
    @DisplayName("random bytes, and random bytes behind a vault's first page: exit 4, the file unchanged")
    void random() throws Exception {
        byte[] noise = new byte[16384];
        new Random(9).nextBytes(noise);
        assertEveryCommandRefuses(noise, "not a Mail Vault file");
        System.arraycopy(goodBytes, 0, noise, 0, 4096);
        assertEveryCommandRefuses(noise, "");
    }

    @Test
    @DisplayName("another program's SQLite database: exit 4 saying it is not a vault, the file unchanged")
    void foreignSqlite() throws Exception {
        Path other = dir.resolve("places.sqlite");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = db.createStatement()) {
            s.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)");
            s.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')");
        }
        assertEveryCommandRefuses(Files.readAllBytes(other), "not a Mail Vault file");
    }

    @Test
    @DisplayName("a vault of a newer format (file format or header): exit 4 saying so, the file unchanged")
    void newerFormat() throws Exception {
        Files.write(cli.vault, goodBytes);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cli.vault);
                Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertEveryCommandRefuses(Files.readAllBytes(cli.vault), "newer Mail Vault");

        Files.write(cli.vault, goodBytes);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cli.vault);
                Statement s = db.createStatement()) {
            s.execute("UPDATE vault_header SET format_version = 99");
        }
        assertEveryCommandRefuses(Files.readAllBytes(cli.vault), "newer Mail Vault");
    }

    @Test
    @DisplayName("a WAL left by a crash: SQLite recovers it, and what it committed is there")
    void leftoverWal() throws Exception {
        Path live = dir.resolve("live");
        Files.createDirectories(live);
        Cli writer = new Cli(live);
        Files.write(writer.vault, goodBytes);
        // A connection that stays open keeps the WAL from being folded back into the file, so
        // copying the files now gives what a crash after the commit leaves behind.
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + writer.vault);
                Statement s = holder.createStatement()) {
            s.execute("SELECT count(*) FROM vault_header");
            Result add = writer.unlockedWith(
                    "hanako's secret\n",
                    "add",
                    "hanako@example.jp",
                    "--imap",
                    "imap.example.jp:993",
                    "--smtp",
                    "smtp.example.jp:465");
            assertThat(add.code()).as(add.err()).isZero();
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.copy(
                        writer.vault.resolveSibling("vault.db" + suffix),
                        cli.vault.resolveSibling("vault.db" + suffix));
            }
        }
        assertThat(Files.size(cli.vault.resolveSibling("vault.db-wal"))).isPositive();

        Result list = cli.unlocked("list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("hanako@example.jp").contains(TARO);
        assertThat(cli.unlocked("get", "hanako@example.jp").out()).isEqualTo("hanako's secret\n");
        assertThat(CrashSafetyTest.integrityCheck(cli.vault)).isEqualTo("ok");
    }

    @Test
    @DisplayName("a changed value found after a rotation's check: verify --all is exit 4 and has written nothing")
    void verifyWritesNothingBeforeAChangedValueIsFound() throws Exception {
        Cli live = Cli.withEmptyVault(Files.createDirectories(dir.resolve("live")));
        for (String address : new String[] {TARO, "hanako@example.jp"}) {
            Result add = live.unlockedWith(
                    address + "'s secret\n", "add", address, "--imap", "127.0.0.1:1", "--smtp", "127.0.0.1:2");
            assertThat(add.code()).as(add.err()).isZero();
        }
        Result rotate = live.unlockedWith("taro's new secret\n", "rotate", TARO);
        assertThat(rotate.code()).as(rotate.err()).isZero();
        // hanako's current value cut short: the pending value of taro is tried first
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + live.vault);
                Statement s = db.createStatement()) {
            s.execute("UPDATE credential SET secret = substr(secret, 1, 20) WHERE pending IS NULL");
        }
        byte[] before = live.vaultBytes();

        Result r = live.unlocked("verify", "--all", "--timeout", "2");

        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("changed outside Mail Vault").contains("nothing was written");
        ConcurrentWritersTest.assertOneCleanLine(r.err());
        assertThat(live.vaultBytes()).as("no check of the new value was stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orphans")
    @DisplayName("rows deleted with foreign keys off (a use or a password left without its row): exit 4, not 70")
    void rowsLeftWithoutTheirParent(String delete) throws Exception {
        Cli live = Cli.withEmptyVault(Files.createDirectories(dir.resolve("live")));
        Result add = live.unlockedWith(
                "taro's secret\n", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:465");
        assertThat(add.code()).as(add.err()).isZero();
        Result device = live.unlocked("device", "add", "phone", "--type", "iphone", "--uses", TARO);
        assertThat(device.code()).as(device.err()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + live.vault);
                Statement s = db.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute(delete);
        }
        byte[] before = live.vaultBytes();
        // with the account gone, its orphaned password is seen only where a device refers to it
        String[] commands = delete.contains("account")
                ? new String[] {"devices", "audit"}
                : new String[] {"list", "show", "devices", "audit"};
        for (String command : commands) {
            Result r = command.equals("show") ? live.unlocked(command, TARO) : live.unlocked(command);

            assertThat(r.code()).as("%s: %s", command, r.err()).isEqualTo(4);
            assertThat(r.err()).as(command).contains("changed outside Mail Vault");
            ConcurrentWritersTest.assertOneCleanLine(r.err());
            assertThat(live.vaultBytes()).as(command).isEqualTo(before);
        }
    }

    static Stream<String> orphans() {
        return Stream.of("DELETE FROM credential WHERE kind = 'imap'", "DELETE FROM account");
    }

    @Test
    @DisplayName("with --debug the same refusal adds a stack trace: the plain line is a choice, not luck")
    void debugShowsTheTrace() throws Exception {
        Files.write(cli.vault, Arrays.copyOf(goodBytes, 1000));
        Result r = cli.unlocked("--debug", "list");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("\tat ").contains("VaultUnavailableException");
    }

    private void assertEveryCommandRefuses(byte[] content, String says) throws Exception {
        for (Command command : COMMANDS) {
            Files.write(cli.vault, content);
            Result r = cli.unlockedWith(command.moreStdin(), command.args());

            assertThat(r.code()).as("%s: %s", command, r.err()).isEqualTo(4);
            assertThat(r.err()).as(command.toString()).startsWith("vault: ").contains(says);
            ConcurrentWritersTest.assertOneCleanLine(r.err());
            assertThat(r.out()).as(command.toString()).isEmpty();
            assertThat(Files.readAllBytes(cli.vault))
                    .as("%s left the file as it was", command)
                    .isEqualTo(content);
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(cli.vault.resolveSibling("vault.db" + suffix));
            }
        }
    }
}
