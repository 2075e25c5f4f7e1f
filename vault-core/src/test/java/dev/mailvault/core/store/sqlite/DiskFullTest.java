package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A vault on a full disk")
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a change SQLite finds no room for is DISK_FULL, says so, and leaves the vault as it was")
    void diskFull() throws Exception {
        VaultService service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        Path file = dir.resolve("vault.db");
        try (VaultSession session = TestVaults.create(service, file);
                Secret password = TestVaults.secret("imap-password")) {
            session.addAccount(TestVaults.spec("first@example.net"), password, null);
            Connection db = connection(session);
            // SQLite's own limit on pages: the next change that needs a page fails with SQLITE_FULL,
            // exactly as when the file system has no space left
            try (Statement s = db.createStatement();
                    ResultSet pages = s.executeQuery("PRAGMA page_count")) {
                pages.next();
                s.execute("PRAGMA max_page_count = " + pages.getLong(1));
            }
            AccountSpec big = withNotes(TestVaults.spec("second@example.net"), "n".repeat(200_000));

            assertThatThrownBy(() -> session.addAccount(big, password, null))
                    .isInstanceOfSatisfying(VaultUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
                        assertThat(e.getMessage())
                                .isEqualTo("the disk holding " + file
                                        + " is full; nothing was saved (free some space and try again)");
                    });
            assertThat(session.accounts()).extracting(a -> a.address().value()).containsExactly("first@example.net");

            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA max_page_count = 1073741823");
            }
            session.addAccount(big, password, null);
            assertThat(session.accounts()).hasSize(2);
        }
    }

    /** The session's own connection: the page limit is a setting of one connection. */
    private static Connection connection(VaultSession session) throws ReflectiveOperationException {
        Field db = SqliteVaultSession.class.getDeclaredField("db");
        db.setAccessible(true);
        return (Connection) db.get(session);
    }

    private static AccountSpec withNotes(AccountSpec s, String notes) {
        return new AccountSpec(
                s.address(),
                s.displayName(),
                s.providerId(),
                s.imap(),
                s.smtp(),
                s.imapLogin(),
                s.smtpLogin(),
                s.smtpSameAsImap(),
                s.caCertPem(),
                notes,
                s.policy());
    }
}
