package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.VaultContents;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault made by format version 1 is checked in; every later build must open it. A format change
 * comes with a migration, never with a broken golden file.
 */
class GoldenVaultTest {
    static final String RESOURCE = "/golden/vault-v1.db";

    @TempDir
    Path dir;

    @Test
    @DisplayName("the checked-in format-1 vault opens and every value decrypts")
    void opensGoldenVault() throws Exception {
        Path copy = dir.resolve("golden.db");
        try (InputStream in = GoldenVaultTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("golden vault resource").isNotNull();
            Files.copy(in, copy);
        }
        VaultService service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        try (Secret m = TestVaults.master();
                VaultSession s = service.open(copy, m)) {
            VaultContents.readEverything(s);
            Address a = Address.of(VaultContents.ADDRESS);
            AccountInfo info = s.account(a);
            assertThat(info.spec().imap().host()).isEqualTo(VaultContents.HOST);
            try (Secret v = s.secret(a, CredentialRef.IMAP)) {
                assertThat(v.revealChars()).isEqualTo(VaultContents.SECRET.toCharArray());
            }
            assertThat(s.pendingSecret(a, CredentialRef.IMAP).orElseThrow().revealChars())
                    .isEqualTo(VaultContents.PENDING_SECRET.toCharArray());
            assertThat(s.devices()).extracting(d -> d.name()).containsExactly(VaultContents.DEVICE);
        }
    }

    /** Run once with -Dgolden.write=true to (re)create the file when a new format is introduced. */
    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void writeGoldenVault() throws Exception {
        Path target = Path.of("src/test/resources" + RESOURCE);
        Files.deleteIfExists(target);
        VaultService service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        try (VaultSession s = TestVaults.create(service, target)) {
            VaultContents.fill(s);
        }
    }
}
