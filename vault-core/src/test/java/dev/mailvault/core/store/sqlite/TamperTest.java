package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.VaultContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Every change made to a vault file outside Mail Vault is detected. */
class TamperTest {
    record Cell(String table, String column, long rowId) {}

    static Path dir;
    static Path pristine;
    static VaultService service;
    static List<Cell> cells;

    @BeforeContainer
    static void makeVault() throws Exception {
        dir = Files.createTempDirectory("tamper");
        pristine = dir.resolve("pristine.db");
        service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        try (VaultSession s = TestVaults.create(service, pristine)) {
            VaultContents.fill(s);
        }
        cells = new ArrayList<>();
        try (Connection db = raw(pristine)) {
            String[][] blobColumns = {
                {"vault_header", "vault_id"},
                {"vault_header", "salt"},
                {"vault_header", "wrapped_key"},
                {"vault_header", "header_mac"},
                {"account", "address_idx"},
                {"account", "payload"},
                {"credential", "label_idx"},
                {"credential", "meta"},
                {"credential", "secret"},
                {"credential", "pending"},
                {"credential_history", "secret"},
                {"device", "name_idx"},
                {"device", "payload"},
                {"device_use", "payload"},
                {"check_result", "payload"}
            };
            for (String[] tc : blobColumns) {
                try (Statement st = db.createStatement();
                        ResultSet rs =
                                st.executeQuery("SELECT id FROM " + tc[0] + " WHERE " + tc[1] + " IS NOT NULL")) {
                    while (rs.next()) {
                        cells.add(new Cell(tc[0], tc[1], rs.getLong(1)));
                    }
                }
            }
        }
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Cell> cell() {
        return Arbitraries.of(cells);
    }

    @Property(tries = 40)
    @Label("flipping any single bit of any stored ciphertext, nonce, tag, index or header blob is detected")
    void bitFlipDetected(@ForAll("cell") Cell cell, @ForAll int position) throws Exception {
        Path copy = copyWithBitFlipped(cell, position);
        assertRefused(copy);
    }

    @Provide
    Arbitrary<Cell> valueCell() {
        return Arbitraries.of(cells.stream()
                .filter(c -> c.table().equals("credential")
                        && (c.column().equals("secret") || c.column().equals("pending")))
                .toList());
    }

    @Property(tries = 15)
    @Label("flipping any single bit of a stored value is detected by the read of many values at once too")
    void bitFlipDetectedInBatchRead(@ForAll("valueCell") Cell cell, @ForAll int position) throws Exception {
        Path copy = copyWithBitFlipped(cell, position);
        assertThatThrownBy(() -> {
                    try (Secret m = TestVaults.master();
                            VaultSession s = service.open(copy, m)) {
                        VaultContents.readAllValuesAtOnce(s);
                    }
                })
                .isInstanceOf(VaultUnavailableException.class);
    }

    @Property(tries = 1)
    @Label("the untouched copy opens and reads (control for the property above)")
    void pristineOpens() throws Exception {
        Path copy = copyOfPristine();
        try (Secret m = TestVaults.master();
                VaultSession s = service.open(copy, m)) {
            assertThatCode(() -> VaultContents.readEverything(s)).doesNotThrowAnyException();
            assertThatCode(() -> VaultContents.readAllValuesAtOnce(s)).doesNotThrowAnyException();
        }
    }

    @Property(tries = 1)
    @Label("swapping the ciphertexts of two rows is detected")
    void swapRows() throws Exception {
        Path copy = copyOfPristine();
        try (Connection db = raw(copy)) {
            Cell a = new Cell("account", "payload", 1);
            Cell b = new Cell("account", "payload", 2);
            byte[] va = read(db, a);
            write(db, a, read(db, b));
            write(db, b, va);
        }
        assertRefused(copy);
    }

    @Property(tries = 1)
    @Label("swapping two columns of one row (current and pending value) is detected")
    void swapColumns() throws Exception {
        Path copy = copyOfPristine();
        try (Connection db = raw(copy)) {
            try (Statement st = db.createStatement()) {
                st.executeUpdate("UPDATE credential SET secret = pending, pending = secret WHERE pending IS NOT NULL");
            }
        }
        assertRefused(copy);
    }

    @Property(tries = 1)
    @Label("editing a clear date is detected")
    void editDate() throws Exception {
        Path copy = copyOfPristine();
        try (Connection db = raw(copy);
                Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE credential SET changed_at = '2030-01-01T00:00:00Z' WHERE id = 1");
        }
        assertRefused(copy);
    }

    @Property(tries = 1)
    @Label("a KDF downgrade in the header is refused before the KDF runs; any other KDF change fails to open")
    void kdfChanges() throws Exception {
        Path copy = copyOfPristine();
        exec(copy, "UPDATE vault_header SET kdf_memory_kib = 1024");
        assertThatThrownBy(() -> service.open(copy, TestVaults.master()))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VaultUnavailableException.Reason.TAMPERED))
                .hasMessageContaining("outside the allowed range");
        Path ceiling = copyOfPristine();
        exec(ceiling, "UPDATE vault_header SET kdf_memory_kib = 67108864");
        assertThatThrownBy(() -> service.open(ceiling, TestVaults.master()))
                .hasMessageContaining("outside the allowed range");
        Path stronger = copyOfPristine();
        exec(stronger, "UPDATE vault_header SET kdf_iterations = 4");
        assertThatThrownBy(() -> service.open(stronger, TestVaults.master()))
                .isInstanceOf(WrongMasterPasswordException.class);
        Path generation = copyOfPristine();
        exec(generation, "UPDATE vault_header SET generation = generation + 1");
        assertThatThrownBy(() -> service.open(generation, TestVaults.master()))
                .isInstanceOfSatisfying(
                        VaultUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VaultUnavailableException.Reason.TAMPERED));
    }

    @Property(tries = 1)
    @Label("a deleted pending value (its date left behind) is detected")
    void pendingHalfGone() throws Exception {
        Path copy = copyOfPristine();
        exec(copy, "UPDATE credential SET pending = NULL WHERE pending IS NOT NULL");
        assertRefused(copy);
    }

    @Property(tries = 1)
    @Label("rows left without the row they belong to (deleted with foreign keys off) are detected")
    void orphanedRows() throws Exception {
        // sqlite-jdbc leaves foreign keys off, as the sqlite3 shell does
        Path noImap = copyOfPristine();
        exec(noImap, "DELETE FROM credential WHERE kind = 'imap'");
        assertRefused(noImap);
        Path noAccount = copyOfPristine();
        exec(noAccount, "DELETE FROM account WHERE id = 1");
        assertRefused(noAccount);
    }

    private static void assertRefused(Path copy) {
        assertThatThrownBy(() -> {
                    try (Secret m = TestVaults.master();
                            VaultSession s = service.open(copy, m)) {
                        VaultContents.readEverything(s);
                    }
                })
                .isInstanceOfAny(VaultUnavailableException.class, WrongMasterPasswordException.class);
    }

    /** A copy of the pristine vault with one bit of {@code cell} flipped. */
    private static Path copyWithBitFlipped(Cell cell, int position) throws Exception {
        Path copy = copyOfPristine();
        try (Connection db = raw(copy)) {
            byte[] value = read(db, cell);
            int bit = Math.floorMod(position, value.length * 8);
            value[bit / 8] ^= (byte) (1 << (bit % 8));
            write(db, cell, value);
        }
        return copy;
    }

    private static Path copyOfPristine() throws Exception {
        Path copy = Files.createTempFile(dir, "copy", ".db");
        Files.copy(pristine, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static void exec(Path file, String sql) throws SQLException {
        try (Connection db = raw(file);
                Statement st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static byte[] read(Connection db, Cell c) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT " + c.column() + " FROM " + c.table() + " WHERE id = ?")) {
            ps.setLong(1, c.rowId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static void write(Connection db, Cell c, byte[] value) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("UPDATE " + c.table() + " SET " + c.column() + " = ? WHERE id = ?")) {
            ps.setBytes(1, value);
            ps.setLong(2, c.rowId());
            ps.executeUpdate();
        }
    }
}
