package dev.mailvault.core.transfer;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real vaults for the transfer tests, and a small provider table standing in for the catalog. */
final class TransferFixtures {
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static Path template;

    private TransferFixtures() {}

    /** Known providers, as the catalog describes them (servers and login forms). */
    static final ServerLookup SERVERS = address -> Optional.ofNullable(Map.of(
                    "gmail.com",
                    new KnownServers(
                            "gmail",
                            List.of("gmail.com", "googlemail.com"),
                            Endpoint.parse("imap.gmail.com:993:tls"),
                            Endpoint.parse("smtp.gmail.com:465:tls"),
                            Optional.of(address.value()),
                            Optional.of(address.value())),
                    "yahoo.co.jp",
                    new KnownServers(
                            "yahoo-japan",
                            List.of("yahoo.co.jp"),
                            Endpoint.parse("imap.mail.yahoo.co.jp:993:tls"),
                            Endpoint.parse("smtp.mail.yahoo.co.jp:465:tls"),
                            Optional.of(address.localPart()),
                            Optional.of(address.localPart())),
                    "icloud.com",
                    new KnownServers(
                            "icloud",
                            List.of("icloud.com", "me.com", "mac.com"),
                            Endpoint.parse("imap.mail.me.com:993:tls"),
                            Endpoint.parse("smtp.mail.me.com:587:starttls"),
                            Optional.of(address.localPart()),
                            Optional.of(address.value())))
            .get(parentOrSelf(address.domain())));

    private static String parentOrSelf(String domain) {
        for (String known : List.of("gmail.com", "yahoo.co.jp", "icloud.com")) {
            if (domain.equals(known) || domain.endsWith("." + known)) {
                return known;
            }
        }
        return domain;
    }

    /** An empty vault of its own in {@code dir}, copied from one made once (one KDF run to open). */
    static VaultSession emptyVault(Path dir) {
        try {
            Path file = dir.resolve("vault.db");
            Files.copy(template(), file);
            try (Secret m = TestVaults.master()) {
                return service(dir).open(file, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VaultService service(Path dir) {
        return TestVaults.service(new MutableClock(NOW), dir.resolve("state"));
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("transfer-template");
            Path file = dir.resolve("template.db");
            TestVaults.create(TestVaults.service(new MutableClock(NOW), dir.resolve("state")), file)
                    .close();
            file.toFile().deleteOnExit();
            dir.resolve("state").toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            template = file;
        }
        return template;
    }

    /** A digest of the vault file and its WAL: equal before and after means nothing was written. */
    static String fileState(Path vault) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : List.of(vault, vault.resolveSibling(vault.getFileName() + "-wal"))) {
                if (Files.exists(p)) {
                    sha.update(Files.readAllBytes(p));
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String reveal(VaultSession s, String address, dev.mailvault.core.account.CredentialRef ref) {
        try (Secret secret = s.secret(Address.of(address), ref)) {
            return new String(secret.revealChars());
        }
    }
}
