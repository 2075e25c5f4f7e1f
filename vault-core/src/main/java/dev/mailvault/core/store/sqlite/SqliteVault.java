package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import dev.mailvault.core.files.UnwritableFileException.Why;
import dev.mailvault.core.remind.RotationPolicy;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/** Creates and opens vault files: SQLite in WAL mode, one transaction per change. */
public final class SqliteVault {
    private static final int BUSY_TIMEOUT_MS = 5000;

    private SqliteVault() {}

    /**
     * Creates a vault at {@code file}, which must not exist. It is built under a temporary name
     * beside the target and moved into place when complete, so a crash leaves no half vault.
     */
    public static void create(Path file, Secret master, KdfParameters kdf, SecureRandom random) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new BadInputException("a vault already exists at " + target + "; it was left untouched");
        }
        Path dir = target.getParent();
        for (Path up = dir; up != null; up = up.getParent()) {
            if (Files.exists(up) && !Files.isDirectory(up)) {
                throw new BadInputException(up + " is a file, not a folder: no vault can be created at " + target);
            }
        }
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            tmp = Files.createTempFile(
                    dir,
                    ".vault-init",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] vaultId = new byte[16];
            byte[] salt = new byte[MasterKey.SALT_LENGTH];
            random.nextBytes(vaultId);
            random.nextBytes(salt);
            try (MasterKey key = MasterKey.generate(random);
                    Connection db = connect(tmp)) {
                byte[] wrapped = key.wrap(master, kdf, salt, Header.wrapAssociatedData(vaultId, kdf, salt));
                Header header = new Header(Migrations.LATEST, vaultId, kdf, salt, wrapped, 1, new byte[0]);
                header = header.withMac(key.headerMac(header.macInput()));
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("PRAGMA application_id=" + VaultFileCheck.APPLICATION_ID);
                    s.execute("PRAGMA user_version=" + Migrations.LATEST);
                    Migrations.apply(db, 0);
                    insertHeader(db, header);
                    s.execute("COMMIT");
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
            publish(tmp, target);
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("a vault already exists at " + target + "; it was left untouched");
        } catch (IOException e) {
            // a folder this user may not write, a read-only file system, a place like /proc: the
            // path is the person's choice, so bad input, with the system's reason
            throw AtomicFiles.cannotWrite(target, e);
        } catch (SQLException e) {
            // SQLite could not write the new file (a full disk, a name too long for it): the place
            // is the person's choice, as above; anything else is a fault of the program
            Optional<UnwritableFileException> refusal = cannotCreate(target, e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            throw new VaultException("cannot create the vault at " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Opens and unlocks a vault. Nothing is written before the master password and the header check out. */
    public static VaultSession open(Path file, Secret master, Clock clock, SecureRandom random, GenerationLog log) {
        Path path = file.toAbsolutePath();
        VaultFileCheck.check(path);
        Connection db = null;
        MasterKey key = null;
        try {
            db = connect(path);
            Header header = readHeader(db, path);
            key = MasterKey.unwrap(
                    master, header.kdf(), header.salt(), header.wrappedKey(), header.wrapAssociatedData(), random);
            if (!java.security.MessageDigest.isEqual(key.headerMac(header.macInput()), header.mac())) {
                throw new VaultUnavailableException(
                        Reason.TAMPERED,
                        path,
                        path + " has a header that was changed outside Mail Vault; it was left untouched");
            }
            if (header.formatVersion() < Migrations.LATEST) {
                migrate(db, path, header, key);
                header = readHeader(db, path);
            }
            long seen = log.lastSeen(header.vaultId());
            long generation = header.generation();
            if (seen > generation) {
                // another Mail Vault process may have written (and noted its generation) while this
                // one ran the KDF: the file as it is now, under a valid MAC, is what counts
                Header now = readHeader(db, path);
                if (java.security.MessageDigest.isEqual(key.headerMac(now.macInput()), now.mac())) {
                    generation = Math.max(generation, now.generation());
                }
            }
            VaultSession.Rollback rollback = seen > generation ? new VaultSession.Rollback(generation, seen) : null;
            log.record(header.vaultId(), header.generation());
            SqliteVaultSession session = new SqliteVaultSession(path, db, key, header, clock, log, rollback);
            db = null;
            key = null;
            return session;
        } catch (SQLException e) {
            throw translate(e, path);
        } finally {
            if (key != null) {
                key.close();
            }
            closeQuietly(db);
        }
    }

    /**
     * The clear due-date inputs of every credential, read without the master password (for a locked
     * {@code vault remind}). Names nothing.
     */
    public static List<Map.Entry<Instant, RotationPolicy>> schedules(Path file) {
        Path path = file.toAbsolutePath();
        VaultFileCheck.check(path);
        try (Connection db = connect(path)) {
            // the header says which format the rows are in: a newer one is refused here too
            readHeader(db, path);
            return readSchedules(db, path);
        } catch (SQLException e) {
            throw translate(e, path);
        }
    }

    private static List<Map.Entry<Instant, RotationPolicy>> readSchedules(Connection db, Path path)
            throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT changed_at, policy FROM credential")) {
            List<Map.Entry<Instant, RotationPolicy>> out = new ArrayList<>();
            while (rs.next()) {
                try {
                    out.add(Map.entry(Timestamps.parse(rs.getString(1)), RotationPolicy.parse(rs.getString(2))));
                } catch (RuntimeException e) {
                    throw new VaultUnavailableException(
                            Reason.TAMPERED, path, path + " holds a damaged date or policy");
                }
            }
            return out;
        }
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE); // open what exists, never create a file
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // the driver itself, not DriverManager: its driver scan and its logging's string
        // concatenation (invokedynamic in java.sql) cost every start of the command ~15 ms
        return JDBC.createConnection(JDBC.PREFIX + file, config.toProperties());
    }

    static Header readHeader(Connection db, Path path) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT format_version, vault_id, kdf_memory_kib, kdf_iterations,"
                                + " kdf_parallelism, salt, wrapped_key, generation, header_mac FROM vault_header WHERE id = 1")) {
            if (!rs.next()) {
                throw new VaultUnavailableException(Reason.DAMAGED, path, path + " has no vault header");
            }
            KdfParameters kdf;
            try {
                kdf = new KdfParameters(rs.getInt(3), rs.getInt(4), rs.getInt(5));
            } catch (BadInputException e) {
                throw new VaultUnavailableException(
                        Reason.TAMPERED,
                        path,
                        path + " asks for key derivation parameters outside the allowed range (" + e.getMessage()
                                + "); it was not opened");
            }
            Header h = new Header(
                    rs.getInt(1), rs.getBytes(2), kdf, rs.getBytes(6), rs.getBytes(7), rs.getLong(8), rs.getBytes(9));
            if (h.vaultId() == null
                    || h.vaultId().length != 16
                    || h.salt() == null
                    || h.salt().length != MasterKey.SALT_LENGTH
                    || h.wrappedKey() == null
                    || h.mac() == null
                    || h.formatVersion() < 1) {
                throw new VaultUnavailableException(
                        Reason.TAMPERED, path, path + " has a malformed header; it was not opened");
            }
            if (h.formatVersion() > Migrations.LATEST) {
                throw new VaultUnavailableException(
                        Reason.NEWER_FORMAT, path, path + " was written by a newer Mail Vault; update Mail Vault");
            }
            return h;
        }
    }

    static void insertHeader(Connection db, Header h) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO vault_header (id, format_version, vault_id, kdf_memory_kib,"
                        + " kdf_iterations, kdf_parallelism, salt, wrapped_key, generation, header_mac) VALUES (1,?,?,?,?,?,?,?,?,?)")) {
            ps.setInt(1, h.formatVersion());
            ps.setBytes(2, h.vaultId());
            ps.setInt(3, h.kdf().memoryKib());
            ps.setInt(4, h.kdf().iterations());
            ps.setInt(5, h.kdf().parallelism());
            ps.setBytes(6, h.salt());
            ps.setBytes(7, h.wrappedKey());
            ps.setLong(8, h.generation());
            ps.setBytes(9, h.mac());
            ps.executeUpdate();
        }
    }

    static void updateHeader(Connection db, Header h) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE vault_header SET format_version=?, kdf_memory_kib=?,"
                        + " kdf_iterations=?, kdf_parallelism=?, salt=?, wrapped_key=?, generation=?, header_mac=? WHERE id = 1")) {
            ps.setInt(1, h.formatVersion());
            ps.setInt(2, h.kdf().memoryKib());
            ps.setInt(3, h.kdf().iterations());
            ps.setInt(4, h.kdf().parallelism());
            ps.setBytes(5, h.salt());
            ps.setBytes(6, h.wrappedKey());
            ps.setLong(7, h.generation());
            ps.setBytes(8, h.mac());
            ps.executeUpdate();
        }
    }

    /**
     * A copy of the vault as it is, at {@code backup} beside {@code vault}, readable by the owner
     * only. When it cannot be made, the refusal names the copy, or the vault when the trouble is
     * theirs alike (the folder may not be written, the disk is full); the vault is left as it was.
     */
    static void backUp(Connection db, Path vault, Path backup) {
        try {
            // made here, empty and 0600, for SQLite to fill: VACUUM INTO would create it with the
            // umask's permissions (an existing one it refuses unless empty)
            Files.createFile(
                    backup, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an empty one is filled; a copy an earlier upgrade left is never replaced
            if (!emptyFile(backup)) {
                throw AtomicFiles.cannotWrite(backup, Why.EXISTS, "", e);
            }
        } catch (AccessDeniedException e) {
            throw new VaultUnavailableException(
                    Reason.READ_ONLY,
                    vault,
                    vault + " or its folder may not be written (the copy " + backup
                            + " made before an upgrade cannot be created); nothing was changed",
                    e);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(backup, e);
        }
        try (PreparedStatement ps = db.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, backup.toString());
            ps.execute();
        } catch (SQLException e) {
            deleteQuietly(backup);
            SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
            if (code == SQLiteErrorCode.SQLITE_FULL || code.name().startsWith("SQLITE_READONLY")) {
                // the copy is beside the vault: its disk, its folder
                throw translate(e, vault);
            }
            Optional<UnwritableFileException> refusal = cannotWrite(backup, e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            throw translate(e, vault);
        }
    }

    private static boolean emptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The refusal of the new vault {@code target}, when {@code e} is about the place (see {@link #cannotWrite}). */
    static Optional<UnwritableFileException> cannotCreate(Path target, SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            // the new vault's shared memory could not grow: a full disk (see translate)
            return Optional.of(AtomicFiles.cannotWrite(target, Why.DISK_FULL, "", e));
        }
        return cannotWrite(target, e);
    }

    /**
     * The refusal of {@code written}, a file SQLite was making (a new vault, a copy of one), when
     * {@code e} is about that file: no space, no permission, a file it could not open, a write that
     * failed. Empty when {@code e} may be about the vault being read (busy, damaged): {@link
     * #translate} names that one.
     */
    static Optional<UnwritableFileException> cannotWrite(Path written, SQLException e) {
        if (!(e instanceof SQLiteException se)) {
            return Optional.empty();
        }
        SQLiteErrorCode code = se.getResultCode();
        String name = code.name();
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            // as any other output file on a full disk reads
            return Optional.of(AtomicFiles.cannotWrite(written, Why.DISK_FULL, "", e));
        }
        if (name.startsWith("SQLITE_READONLY") || code == SQLiteErrorCode.SQLITE_PERM) {
            return Optional.of(AtomicFiles.cannotWrite(written, Why.PERMISSION, "", e));
        }
        if (name.startsWith("SQLITE_CANTOPEN")) {
            // SQLite says no more; the file itself was just made, so the usual cause is its name:
            // the whole path, or the name with "-journal" added, longer than SQLite or the system take
            return Optional.of(AtomicFiles.cannotWrite(written, Why.CANNOT_OPEN, "", e));
        }
        if (name.startsWith("SQLITE_IOERR")
                && code != SQLiteErrorCode.SQLITE_IOERR_READ
                && code != SQLiteErrorCode.SQLITE_IOERR_SHORT_READ
                // the shared memory of a vault in WAL mode: a copy has none, so the vault's
                && code != SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            return Optional.of(AtomicFiles.cannotWrite(written, Why.SYSTEM, "disk I/O error", e));
        }
        return Optional.empty();
    }

    /** Writes a backup copy, then applies the missing migrations in one transaction. */
    private static void migrate(Connection db, Path path, Header header, MasterKey key) throws SQLException {
        backUp(db, path, path.resolveSibling(path.getFileName() + ".before-v" + Migrations.LATEST + ".bak"));
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                Migrations.apply(db, header.formatVersion());
                s.execute("PRAGMA user_version=" + Migrations.LATEST);
                Header next = new Header(
                        Migrations.LATEST,
                        header.vaultId(),
                        header.kdf(),
                        header.salt(),
                        header.wrappedKey(),
                        header.generation() + 1,
                        new byte[0]);
                updateHeader(db, next.withMac(key.headerMac(next.macInput())));
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static VaultException translate(SQLException e, Path path) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY
                    || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                    || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY) {
                return new VaultUnavailableException(
                        Reason.BUSY, path, path + " is in use by another Mail Vault process; try again in a moment", e);
            }
            if (code.name().startsWith("SQLITE_READONLY")) {
                return new VaultUnavailableException(
                        Reason.READ_ONLY, path, path + " or its folder may not be written; nothing was changed", e);
            }
            // SHMSIZE: the shared-memory file beside a vault in WAL mode could not be grown, which
            // on a full disk (a tmpfs, a quota) comes before SQLite meets SQLITE_FULL
            if (code == SQLiteErrorCode.SQLITE_FULL || code == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
                return new VaultUnavailableException(
                        Reason.DISK_FULL,
                        path,
                        "the disk holding " + path + " is full; nothing was saved (free some space and try again)",
                        e);
            }
        }
        return new VaultUnavailableException(
                Reason.DAMAGED,
                path,
                path + " is damaged or not a vault (" + firstLine(e.getMessage()) + "); it was left untouched",
                e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first error is the one to report
            }
        }
    }

    /**
     * Puts the finished vault {@code tmp} in place at {@code target} unless something is there by
     * now: the existence check in {@link #create} comes before the KDF, a second or so earlier, and
     * a rename would replace whatever another {@code init} (or the app) made meanwhile. A hard link
     * is made atomically or not at all ({@code link(2)} fails on an existing name); the temporary name
     * is dropped after. File systems without hard links get a move that refuses an existing target,
     * which still checks just before it renames.
     */
    static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(tmp, target);
            return;
        }
        Files.delete(tmp);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-wal"));
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-shm"));
        } catch (IOException ignored) {
            // a temporary file we could not remove is harmless: it holds no secret in clear
        }
    }
}
