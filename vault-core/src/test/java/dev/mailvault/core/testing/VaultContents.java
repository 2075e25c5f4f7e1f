package dev.mailvault.core.testing;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A vault with one of every record type, and a reader that touches every encrypted value. */
public final class VaultContents {
    public static final String ADDRESS = "leaky.user@plaintext-domain.example";
    public static final String HOST = "imap.plaintext-host.example";
    public static final String SMTP_HOST = "smtp.plaintext-host.example";
    public static final String LOGIN = "login-name-xyz";
    public static final String SECRET = "Secret-Value-123";
    public static final String SMTP_SECRET = "Smtp-Secret-456";
    public static final String OLD_SECRET = "Old-Secret-789";
    public static final String PENDING_SECRET = "Pending-Secret-000";
    public static final String APP_SECRET = "abcd efgh ijkl mnop";
    public static final String DEVICE = "Device-Name-Q";
    public static final String SERVER_TEXT = "Server-Text-Said-This";
    public static final String PORTAL_SECRET = "Portal-Secret-111";
    public static final String SECOND_SECRET = "second-secret";
    /** The account's own CA certificate, and the certificate pinned for its IMAP server. */
    public static final LocalCertificate CA =
            LocalCertificate.builder("dns:ca.plaintext-domain").build();

    public static final LocalCertificate PINNED =
            LocalCertificate.builder("dns:pinned.plaintext-domain").build();

    private VaultContents() {}

    public static void fill(VaultSession s) {
        Address a = Address.of(ADDRESS);
        AccountSpec spec = new AccountSpec(
                a,
                "Display Name W",
                "generic",
                Endpoint.parse(HOST + ":993"),
                Endpoint.parse(SMTP_HOST + ":587"),
                LOGIN,
                LOGIN + "-smtp",
                false,
                "",
                "notes-text-V",
                RotationPolicy.parse("3m"));
        s.addAccount(spec, TestVaults.secret(OLD_SECRET), TestVaults.secret(SMTP_SECRET));
        s.setSecret(a, CredentialRef.IMAP, TestVaults.secret(SECRET));
        s.setSecret(a, CredentialRef.app("iPhone"), TestVaults.secret(APP_SECRET));
        s.setSecret(a, CredentialRef.PORTAL, TestVaults.secret(PORTAL_SECRET));
        s.pinCertificate(a, Protocol.IMAP, PINNED.der());
        s.setPending(a, CredentialRef.IMAP, TestVaults.secret(PENDING_SECRET));
        s.addDevice(DEVICE, DeviceType.IPHONE, List.of(a));
        s.recordChecks(List.of(new CredentialCheck(
                a,
                CredentialRef.IMAP,
                new CheckResult(
                        Protocol.IMAP,
                        CheckResult.Slot.CURRENT,
                        Outcome.AUTH_FAILED,
                        HOST,
                        993,
                        "AUTHENTICATIONFAILED",
                        SERVER_TEXT,
                        "",
                        42,
                        Instant.parse("2026-01-01T00:00:00Z")))));
        s.addAccount(TestVaults.spec("second@example.org"), TestVaults.secret(SECOND_SECRET), null);
    }

    /** Decrypts every value the vault holds. */
    public static void readEverything(VaultSession s) {
        for (AccountInfo a : s.accounts()) {
            for (CredentialInfo c : a.credentials()) {
                s.secret(a.address(), c.ref()).close();
                s.pendingSecret(a.address(), c.ref()).ifPresent(Secret::close);
                s.history(a.address(), c.ref()).forEach(HistoryEntry::close);
            }
            s.checks(a.address(), 100);
            s.findAccount(a.address()).orElseThrow();
        }
        s.devices();
    }

    /** Every current and pending value, read in one {@link VaultSession#secrets} call. */
    public static void readAllValuesAtOnce(VaultSession s) {
        List<VaultSession.SecretLookup> lookups = new ArrayList<>();
        for (AccountInfo a : s.accounts()) {
            for (CredentialInfo c : a.credentials()) {
                lookups.add(new VaultSession.SecretLookup(a.address(), c.ref(), false));
                if (c.hasPending()) {
                    lookups.add(new VaultSession.SecretLookup(a.address(), c.ref(), true));
                }
            }
        }
        s.secrets(lookups).forEach(Secret::close);
    }
}
