package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.testing.Bytes;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.VaultContents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoPlaintextOnDiskTest {
    @TempDir
    Path dir;

    /** The CA certificate of an account added besides {@link VaultContents}. */
    static final LocalCertificate CA =
            LocalCertificate.builder("dns:ca.plaintext-domain").build();

    static final List<String> PLAINTEXTS = List.of(
            VaultContents.ADDRESS,
            "plaintext-domain",
            VaultContents.HOST,
            VaultContents.SMTP_HOST,
            VaultContents.LOGIN,
            VaultContents.SECRET,
            VaultContents.SMTP_SECRET,
            VaultContents.OLD_SECRET,
            VaultContents.PENDING_SECRET,
            VaultContents.APP_SECRET,
            VaultContents.DEVICE,
            VaultContents.SERVER_TEXT,
            "Display Name W",
            "notes-text-V",
            "iPhone",
            "second@example.org");

    @Test
    @DisplayName("neither the vault file nor its WAL holds any address, host, login, name, text or secret")
    void noPlaintext() throws Exception {
        VaultService service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        Path file = dir.resolve("vault.db");
        try (VaultSession s = TestVaults.create(service, file)) {
            VaultContents.fill(s);
            s.addAccount(TestVaults.spec("ca-user@example.org", CA.pem()), TestVaults.secret("ca-user-secret"), null);
            // while open, recent changes live in the WAL
            assertNoPlaintext(file, file.resolveSibling("vault.db-wal"));
        }
        assertNoPlaintext(file, file.resolveSibling("vault.db-wal"));
    }

    private static void assertNoPlaintext(Path... files) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path f : files) {
            if (Files.exists(f)) {
                all.writeBytes(Files.readAllBytes(f));
            }
        }
        byte[] bytes = all.toByteArray();
        assertThat(bytes.length).isGreaterThan(4096);
        for (String p : PLAINTEXTS) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertThat(Bytes.indexOf(bytes, p.getBytes(cs)))
                        .as("'%s' in %s", p, cs)
                        .isEqualTo(-1);
            }
        }
    }
}
