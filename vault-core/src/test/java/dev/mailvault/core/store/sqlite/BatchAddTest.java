package dev.mailvault.core.store.sqlite;

import static dev.mailvault.core.testing.TestVaults.secret;
import static dev.mailvault.core.testing.TestVaults.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.NewAccount;
import dev.mailvault.core.account.NewCredential;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAddTest {
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    VaultSession vault;

    @BeforeEach
    void open() {
        vault = TestVaults.create(TestVaults.service(new MutableClock(NOW), dir.resolve("state")), dir.resolve("v.db"));
    }

    @AfterEach
    void close() {
        vault.close();
    }

    static NewAccount account(String address, String password) {
        return new NewAccount(spec(address), List.of(new NewCredential(CredentialRef.IMAP, secret(password))));
    }

    @Test
    @DisplayName("adds every account with all its credentials and their dates")
    void addsAll() {
        AccountSpec separate = new AccountSpec(
                Address.of("b@example.org"),
                "",
                null,
                spec("b@example.org").imap(),
                spec("b@example.org").smtp(),
                null,
                null,
                false,
                null,
                null,
                null);
        Instant old = Instant.parse("2024-01-02T03:04:05Z");
        vault.addAccounts(List.of(
                account("a@example.org", "pw-a"),
                new NewAccount(
                        separate,
                        List.of(
                                new NewCredential(CredentialRef.IMAP, secret("pw-b"), Optional.of(old)),
                                new NewCredential(CredentialRef.SMTP, secret("smtp-b")),
                                new NewCredential(CredentialRef.app("iPhone"), secret("app-b")),
                                new NewCredential(
                                        CredentialRef.PORTAL,
                                        secret("portal-b"),
                                        Optional.of(NOW.plusSeconds(3600)))))));
        assertThat(vault.accounts())
                .extracting(AccountInfo::address)
                .containsExactly(Address.of("a@example.org"), Address.of("b@example.org"));
        AccountInfo b = vault.account(Address.of("b@example.org"));
        assertThat(b.imapCredential().changedAt()).isEqualTo(old);
        assertThat(b.credential(CredentialRef.PORTAL).orElseThrow().changedAt())
                .as("a date in the future counts as now")
                .isEqualTo(NOW);
        try (Secret s = vault.secret(Address.of("b@example.org"), CredentialRef.app("iPhone"))) {
            assertThat(new String(s.revealChars())).isEqualTo("app-b");
        }
    }

    @Test
    @DisplayName("adds nothing when one address is already in the vault")
    void allOrNothing() {
        vault.addAccount(spec("b@example.org"), secret("kept"), null);
        assertThatThrownBy(
                        () -> vault.addAccounts(List.of(account("a@example.org", "x"), account("b@example.org", "y"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("already in the vault");
        assertThat(vault.accounts()).extracting(AccountInfo::address).containsExactly(Address.of("b@example.org"));
    }

    @Test
    @DisplayName("refuses an address given twice, and an account without its IMAP or SMTP password")
    void refusesBadLists() {
        assertThatThrownBy(
                        () -> vault.addAccounts(List.of(account("a@example.org", "x"), account("A@example.org", "y"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> new NewAccount(spec("a@example.org"), List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("IMAP password is required");
        assertThatThrownBy(() -> new NewAccount(
                        spec("a@example.org"),
                        List.of(
                                new NewCredential(CredentialRef.IMAP, secret("x")),
                                new NewCredential(CredentialRef.SMTP, secret("y")))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("SMTP uses the IMAP password");
        assertThat(vault.accounts()).isEmpty();
    }
}
