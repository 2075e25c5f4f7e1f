package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.VaultContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Files that are not a usable vault are refused with the vault error, and never modified. */
class DamagedFilesTest {
    @TempDir
    Path dir;

    VaultService service;
    Path good;
    byte[] goodBytes;

    @BeforeEach
    void makeVault() throws Exception {
        service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        good = dir.resolve("good.db");
        try (VaultSession s = TestVaults.create(service, good)) {
            VaultContents.fill(s);
        }
        goodBytes = Files.readAllBytes(good);
    }

    static Stream<Double> cutPoints() {
        return IntStream.of(
                        1, 5, 10, 16, 50, 99, 101, 500, 1000, 2000, 4000, 5000, 8000, 9000, 12000, 16000, 20000, 30000,
                        40000)
                .mapToObj(n -> n / 50000.0);
    }

    @ParameterizedTest(name = "truncated to {0} of its length")
    @MethodSource("cutPoints")
    @DisplayName("a vault truncated anywhere is refused, untouched")
    void truncated(double fraction) throws Exception {
        int cut = Math.max(1, (int) (goodBytes.length * fraction));
        assertRefusedUntouched(Arrays.copyOf(goodBytes, cut));
    }

    @Test
    @DisplayName("a zero-length file is refused, untouched")
    void empty() throws Exception {
        assertRefusedUntouched(new byte[0]);
    }

    @Test
    @DisplayName("random bytes are refused, untouched")
    void random() throws Exception {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        assertRefusedUntouched(noise);
    }

    @Test
    @DisplayName("random bytes after a valid SQLite magic are refused, untouched")
    void randomAfterMagic() throws Exception {
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        System.arraycopy(goodBytes, 0, noise, 0, 100);
        assertRefusedUntouched(noise);
    }

    @Test
    @DisplayName("another program's SQLite database is refused as not a vault, untouched")
    void foreignSqlite() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = db.createStatement()) {
            s.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)");
            s.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')");
        }
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> service.open(other, TestVaults.master()))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_VAULT));
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
    }

    @Test
    @DisplayName("a vault written by a newer version is refused, untouched")
    void newerFormat() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + good);
                Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(good);
        assertThatThrownBy(() -> service.open(good, TestVaults.master()))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_FORMAT))
                .hasMessageContaining("newer");
        assertThat(Files.readAllBytes(good)).isEqualTo(before);
    }

    @Test
    @DisplayName("a WAL left by a crash is recovered: every committed change is there")
    void leftoverWal() throws Exception {
        Path crashed = dir.resolve("crashed.db");
        Files.write(crashed, goodBytes);
        // A second process holds the WAL while we copy the files, as a crash would leave them.
        try (Secret m = TestVaults.master();
                VaultSession s = service.open(crashed, m)) {
            s.addAccount(TestVaults.spec("after-crash@example.org"), TestVaults.secret("kept"), null);
            Path copyDir = Files.createDirectories(dir.resolve("copy"));
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path f = crashed.resolveSibling("crashed.db" + suffix);
                if (Files.exists(f)) {
                    Files.copy(f, copyDir.resolve("crashed.db" + suffix));
                }
            }
            assertThat(Files.exists(copyDir.resolve("crashed.db-wal"))).isTrue();
        }
        Path copy = dir.resolve("copy/crashed.db");
        try (Secret m = TestVaults.master();
                VaultSession s = service.open(copy, m)) {
            assertThat(s.findAccount(dev.mailvault.core.account.Address.of("after-crash@example.org")))
                    .isPresent();
            VaultContents.readEverything(s);
        }
    }

    private void assertRefusedUntouched(byte[] content) throws Exception {
        Path f = dir.resolve("damaged.db");
        Files.write(f, content);
        assertThatThrownBy(() -> {
                    try (Secret m = TestVaults.master();
                            VaultSession s = service.open(f, m)) {
                        VaultContents.readEverything(s);
                    }
                })
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.file()).as("the file it names").contains(f.toAbsolutePath()));
        assertThat(Files.readAllBytes(f)).isEqualTo(content);
        Files.deleteIfExists(f.resolveSibling("damaged.db-wal"));
        Files.deleteIfExists(f.resolveSibling("damaged.db-shm"));
    }

    @Test
    @DisplayName("SQLite refusing to write (a read-only file or folder) is READ_ONLY, not DAMAGED")
    void readOnly() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {
            SQLiteErrorCode.SQLITE_READONLY,
            SQLiteErrorCode.SQLITE_READONLY_DIRECTORY,
            SQLiteErrorCode.SQLITE_READONLY_CANTLOCK
        }) {
            VaultException e =
                    SqliteVault.translate(new SQLiteException("attempt to write a readonly database", code), good);
            assertThat(e).as(code.name()).isInstanceOf(VaultUnavailableException.class);
            assertThat(((VaultUnavailableException) e).reason()).as(code.name()).isEqualTo(Reason.READ_ONLY);
            assertThat(((VaultUnavailableException) e).file()).as(code.name()).contains(good);
        }
        VaultException corrupt = SqliteVault.translate(
                new SQLiteException("database disk image is malformed", SQLiteErrorCode.SQLITE_CORRUPT), good);
        assertThat(((VaultUnavailableException) corrupt).reason()).isEqualTo(Reason.DAMAGED);
    }

    @Test
    @DisplayName("a full disk is DISK_FULL, naming the vault")
    void diskFull() {
        VaultException e = SqliteVault.translate(
                new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL), good);
        assertThat(e).isInstanceOfSatisfying(VaultUnavailableException.class, full -> {
            assertThat(full.reason()).isEqualTo(Reason.DISK_FULL);
            assertThat(full.file()).contains(good);
        });
    }

    @Test
    @DisplayName("a shared-memory file that cannot grow (a full tmpfs) is DISK_FULL too, not DAMAGED")
    void sharedMemoryCannotGrow() {
        VaultException e = SqliteVault.translate(
                new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_SHMSIZE), good);
        assertThat(e)
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        full -> assertThat(full.reason()).isEqualTo(Reason.DISK_FULL));
    }

    @Test
    @DisplayName("a folder in the vault's place is NOT_A_VAULT; a file this user may not read is UNREADABLE")
    void unreadable() throws Exception {
        Path folder = dir.resolve("folder.db");
        Files.createDirectories(folder);
        assertThatThrownBy(() -> VaultFileCheck.check(folder))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_VAULT));
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("---------"));
        // root reads any file: the permission case can only be seen as another user
        Assumptions.assumeFalse(Files.isReadable(good), "running as root");
        assertThatThrownBy(() -> VaultFileCheck.check(good))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
    }

    @Test
    @DisplayName(
            "a damaged index (one flipped byte where no record check reads) refuses the first write, file unchanged")
    void damagedIndex() throws Exception {
        int page;
        int pageSize;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + good);
                Statement s = db.createStatement()) {
            page = s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_account_1'")
                    .getInt(1);
            pageSize = s.executeQuery("PRAGMA page_size").getInt(1);
        }
        byte[] bytes = goodBytes.clone();
        // the last bytes of the index's one page are the key of its last entry
        bytes[page * pageSize - 6] ^= 0x5a;
        Files.write(good, bytes);

        try (VaultSession s = service.open(good, TestVaults.master())) {
            assertThat(s.accounts()).as("reading goes on").isNotEmpty();
            // an account the damaged index no longer finds is not "not in the vault": the file is damaged
            List<Reason> lookups = new ArrayList<>();
            for (var account : s.accounts()) {
                try {
                    s.account(account.address());
                } catch (VaultUnavailableException e) {
                    lookups.add(e.reason());
                }
            }
            assertThat(lookups).as("accounts the index lost").isNotEmpty().containsOnly(Reason.DAMAGED);
            assertThatThrownBy(() -> s.addAccount(TestVaults.spec("new@example.org"), TestVaults.secret("pw"), null))
                    .isInstanceOfSatisfying(
                            VaultUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
                    .hasMessageContaining("integrity check");
        }
        assertThat(Files.readAllBytes(good)).isEqualTo(bytes);
    }
}
