package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import dev.mailvault.core.files.UnwritableFileException.Why;
import dev.mailvault.core.testing.TestVaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A file SQLite writes (a new vault, a copy of one) that cannot be written is refused naming that
 * file and why, never as a damaged vault; the vault it was copied from is left as it was.
 */
@DisplayName("Files SQLite cannot write")
class CopyRefusalsTest {
    /**
     * The longest name a file may have (255) less what SQLite adds for its journal: the file can be
     * made, its journal ("-journal") cannot, so SQLite cannot open it. Refused to root as well.
     */
    static final String NAME_WITHOUT_ROOM_FOR_A_JOURNAL = "c".repeat(247) + ".db";

    @TempDir
    Path dir;

    VaultService service;
    Path vault;

    @BeforeEach
    void setUp() {
        service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        vault = dir.resolve("vault.db");
    }

    @Nested
    @DisplayName("an encrypted backup (vault export --format backup)")
    class Backup {
        @Test
        @DisplayName("that SQLite cannot open names the copy, not the vault; no half copy is left, the vault opens")
        void cannotOpen() throws Exception {
            Path copy = dir.resolve(NAME_WITHOUT_ROOM_FOR_A_JOURNAL);
            try (VaultSession s = TestVaults.create(service, vault)) {
                s.addAccount(TestVaults.spec("taro@example.jp"), TestVaults.secret("imap-pw"), null);
                byte[] before = Files.readAllBytes(vault);
                assertThatThrownBy(() -> s.backupTo(copy)).isInstanceOfSatisfying(UnwritableFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(copy);
                    assertThat(e.why()).isEqualTo(Why.CANNOT_OPEN);
                    assertThat(e.getMessage())
                            .isEqualTo("cannot write " + copy
                                    + ": it could not be opened (its path or its name may be too long)");
                });
                assertThat(copy).doesNotExist();
                assertThat(Files.readAllBytes(vault)).isEqualTo(before);
                assertThat(s.accounts()).hasSize(1);
            }
        }

        @Test
        @DisplayName("in a folder this user may not write is PERMISSION, naming the copy")
        void folderNotWritable() throws Exception {
            Path folder = Files.createDirectory(dir.resolve("locked"));
            try (VaultSession s = TestVaults.create(service, vault)) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
                // root writes any folder: the refusal can only be seen as another user
                Assumptions.assumeFalse(Files.isWritable(folder), "running as root");
                Path copy = folder.resolve("copy.db");
                assertThatThrownBy(() -> s.backupTo(copy)).isInstanceOfSatisfying(UnwritableFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(copy);
                    assertThat(e.why()).isEqualTo(Why.PERMISSION);
                });
            } finally {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Nested
    @DisplayName("SQLite's refusals while writing a file")
    class Mapping {
        Path copy = Path.of("/backups/copy.db");

        @Test
        @DisplayName("a full disk is the copy's, in the system's words for it")
        void full() {
            UnwritableFileException e = SqliteVault.cannotWrite(
                            copy, new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL))
                    .orElseThrow();
            assertThat(e.file()).isEqualTo(copy);
            assertThat(e.why()).isEqualTo(Why.DISK_FULL);
            assertThat(e.getMessage()).isEqualTo("cannot write /backups/copy.db: no space left on device");
        }

        @Test
        @DisplayName("any other output file on a full disk reads the same, with the same reason")
        void fullForOtherFiles() {
            Path csv = Path.of("/backups/audit.csv");
            UnwritableFileException e = AtomicFiles.cannotWrite(csv, new IOException("No space left on device"));
            assertThat(e.why()).isEqualTo(Why.DISK_FULL);
            assertThat(e.getMessage()).isEqualTo("cannot write /backups/audit.csv: no space left on device");
        }

        @Test
        @DisplayName("a refusal to write is PERMISSION; a failed write is the system's I/O error")
        void readOnlyAndWrites() {
            for (SQLiteErrorCode code : new SQLiteErrorCode[] {
                SQLiteErrorCode.SQLITE_READONLY, SQLiteErrorCode.SQLITE_READONLY_DIRECTORY, SQLiteErrorCode.SQLITE_PERM
            }) {
                assertThat(SqliteVault.cannotWrite(copy, new SQLiteException("readonly", code)))
                        .as(code.name())
                        .hasValueSatisfying(e -> assertThat(e.why()).isEqualTo(Why.PERMISSION));
            }
            for (SQLiteErrorCode code :
                    new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_IOERR_WRITE, SQLiteErrorCode.SQLITE_IOERR_FSYNC}) {
                assertThat(SqliteVault.cannotWrite(copy, new SQLiteException("disk I/O error", code)))
                        .as(code.name())
                        .hasValueSatisfying(e ->
                                assertThat(e.getMessage()).isEqualTo("cannot write /backups/copy.db: disk I/O error"));
            }
        }

        @Test
        @DisplayName("a new vault whose shared memory cannot grow (a full tmpfs, seen for real) is on a full disk")
        void newVaultSharedMemory() {
            Path target = Path.of("/vaults/new.db");
            assertThat(SqliteVault.cannotCreate(
                            target, new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_SHMSIZE)))
                    .hasValueSatisfying(e -> {
                        assertThat(e.why()).isEqualTo(Why.DISK_FULL);
                        assertThat(e.getMessage()).isEqualTo("cannot write /vaults/new.db: no space left on device");
                    });
        }

        @Test
        @DisplayName(
                "what may be about the vault read from (busy, damaged, a failed read) is left to the vault's error")
        void aboutTheVault() {
            Stream.of(
                            SQLiteErrorCode.SQLITE_BUSY,
                            SQLiteErrorCode.SQLITE_CORRUPT,
                            SQLiteErrorCode.SQLITE_NOTADB,
                            SQLiteErrorCode.SQLITE_IOERR_READ,
                            SQLiteErrorCode.SQLITE_IOERR_SHORT_READ,
                            SQLiteErrorCode.SQLITE_IOERR_SHMSIZE)
                    .forEach(code -> assertThat(SqliteVault.cannotWrite(copy, new SQLiteException("x", code)))
                            .as(code.name())
                            .isEmpty());
        }
    }

    @Nested
    @DisplayName("creating a vault")
    class Creating {
        @Test
        @DisplayName(
                "where SQLite cannot open a file (a path longer than it takes) is the new file's refusal, nothing left")
        void pathTooLongForSqlite() throws Exception {
            // each name within the system's limit, the whole path over SQLite's (512 bytes)
            Path deep = Files.createDirectories(
                    dir.resolve("a".repeat(200)).resolve("b".repeat(200)).resolve("d".repeat(200)));
            Path target = deep.resolve("vault.db");
            try (Secret m = TestVaults.master()) {
                assertThatThrownBy(() -> service.create(target, m, KdfParameters.FLOOR))
                        .isInstanceOfSatisfying(UnwritableFileException.class, e -> {
                            assertThat(e.file()).isEqualTo(target);
                            assertThat(e.why()).isEqualTo(Why.CANNOT_OPEN);
                        });
            }
            try (Stream<Path> left = Files.list(deep)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("the copy made before an upgrade")
    class BeforeUpgrade {
        @BeforeEach
        void vault() {
            TestVaults.create(service, vault).close();
        }

        @Test
        @DisplayName("is never written over a copy an earlier upgrade left: that file is named and kept")
        void earlierCopy() throws Exception {
            Path backup = Files.writeString(dir.resolve("vault.db.before-v2.bak"), "an earlier copy");
            try (Connection db = SqliteVault.connect(vault)) {
                assertThatThrownBy(() -> SqliteVault.backUp(db, vault, backup))
                        .isInstanceOfSatisfying(UnwritableFileException.class, e -> {
                            assertThat(e.file()).isEqualTo(backup);
                            assertThat(e.why()).isEqualTo(Why.EXISTS);
                            assertThat(e.getMessage())
                                    .isEqualTo("cannot write " + backup + ": a file of that name is already there;"
                                            + " it was left untouched (move it elsewhere and try again)");
                        });
            }
            assertThat(Files.readString(backup)).isEqualTo("an earlier copy");
        }

        @Test
        @DisplayName("that SQLite cannot open is named, and no half copy is left")
        void cannotOpen() throws Exception {
            Path backup = dir.resolve(NAME_WITHOUT_ROOM_FOR_A_JOURNAL);
            try (Connection db = SqliteVault.connect(vault)) {
                assertThatThrownBy(() -> SqliteVault.backUp(db, vault, backup))
                        .isInstanceOfSatisfying(
                                UnwritableFileException.class,
                                e -> assertThat(e.file()).isEqualTo(backup));
            }
            assertThat(backup).doesNotExist();
        }

        @Test
        @DisplayName("in a folder this user may not write is the vault's READ_ONLY")
        void folderNotWritable() throws Exception {
            Path backup = dir.resolve("vault.db.before-v2.bak");
            try (Connection db = SqliteVault.connect(vault)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
                // root writes any folder: the refusal can only be seen as another user
                Assumptions.assumeFalse(Files.isWritable(dir), "running as root");
                assertThatThrownBy(() -> SqliteVault.backUp(db, vault, backup))
                        .isInstanceOfSatisfying(VaultUnavailableException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.READ_ONLY);
                            assertThat(e.file()).contains(vault);
                        });
            } finally {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }
}
