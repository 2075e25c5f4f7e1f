package dev.mailvault.core.verify;

import static dev.mailvault.core.testing.TestVaults.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.FindingCode;
import dev.mailvault.core.doctor.SessionDoctor;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.rotation.RotationService;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import dev.mailvault.core.verify.VerifyService.RotationOutcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify and rotation against a real GreenMail over TLS, trusted per account. */
class VerifyServiceTest {
    static GreenMailServer server;
    static String caPem;

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.now());
    VaultSession session;
    VerifyService verify;
    LoginChecker checker;
    ProviderCatalog catalog = ProviderCatalog.builtIn();

    @BeforeAll
    static void startServer() {
        server = new GreenMailServer();
        List<byte[]> chain = server.served().chainDer();
        caPem = LocalCertificate.toPem(chain.get(chain.size() - 1));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void open() {
        VaultService service = TestVaults.service(clock, dir.resolve("state"));
        session = TestVaults.create(service, dir.resolve("vault.db"));
        checker = LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(5), clock));
        verify = new VerifyService(session, catalog, checker, clock);
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        checker.close();
    }

    private Address account(String address, String storedPassword, String serverPassword) {
        return account(address, storedPassword, serverPassword, server.smtps("127.0.0.1"));
    }

    private Address account(String address, String storedPassword, String serverPassword, Endpoint smtp) {
        server.user(address, serverPassword);
        AccountSpec spec = new AccountSpec(
                Address.of(address),
                "",
                "generic",
                server.imaps("127.0.0.1"),
                smtp,
                null,
                null,
                true,
                caPem,
                null,
                RotationPolicy.DEFAULT);
        session.addAccount(spec, secret(storedPassword), null);
        return spec.address();
    }

    private VerifyService.Report run(boolean force, Address... named) throws InterruptedException {
        return verify.verify(
                new VerifyService.Request(List.of(named), force, 16, 4),
                VerifyService.Listener.NONE,
                new Cancellation());
    }

    private static Outcome outcome(VerifyService.Report report, Address a, Protocol p, CheckResult.Slot slot) {
        return report.checks().stream()
                .filter(c -> c.account().equals(a)
                        && c.result().protocol() == p
                        && c.result().credential() == slot)
                .map(c -> c.result().outcome())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + p + " " + slot + " result for " + a));
    }

    @Test
    @DisplayName(
            "a pinned certificate is used: one that is not the server's gives TLS_CERT_INVALID on that protocol only")
    void pinUsed() throws Exception {
        Address pinned = account("pinned@mv-test.example", "right", "right");
        byte[] other = LocalCertificate.builder("ip:127.0.0.1").build().der();
        session.pinCertificate(pinned, Protocol.IMAP, other);
        VerifyService.Report report = run(false, pinned);
        assertThat(outcome(report, pinned, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.TLS_CERT_INVALID);
        assertThat(outcome(report, pinned, Protocol.SMTP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.OK);
    }

    @Test
    @DisplayName("a right password is OK on IMAP and SMTP, a wrong one AUTH_FAILED, and both are stored")
    void okAndFailed() throws Exception {
        Address good = account("good@mv-test.example", "right", "right");
        Address bad = account("bad@mv-test.example", "stale", "changed");
        VerifyService.Report report = run(false);
        assertThat(outcome(report, good, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.OK);
        assertThat(outcome(report, good, Protocol.SMTP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.OK);
        assertThat(outcome(report, bad, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.AUTH_FAILED);
        assertThat(outcome(report, bad, Protocol.SMTP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.AUTH_FAILED);
        assertThat(report.allOk()).isFalse();
        assertThat(session.account(bad).lastChecks())
                .extracting(CheckResult::outcome)
                .containsOnly(Outcome.AUTH_FAILED);
    }

    @Test
    @DisplayName("lockout safety: a recent failure is skipped in --all, tried with --force or when named")
    void lockout() throws Exception {
        Address bad = account("locked@mv-test.example", "stale", "changed");
        run(false);
        clock.advance(Duration.ofMinutes(5));
        assertThat(outcome(run(false), bad, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(outcome(run(true), bad, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.AUTH_FAILED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(outcome(run(false, bad), bad, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.AUTH_FAILED);
        clock.advance(VerifyService.LOCKOUT_WINDOW);
        assertThat(outcome(run(false), bad, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.AUTH_FAILED);
    }

    @Test
    @DisplayName("a stored CA certificate that does not parse fails that account's checks (TLS_CERT_INVALID, not tried)"
            + " and the other accounts are checked as usual")
    void unreadableCaCertificate() throws Exception {
        Address good = account("good@mv-test.example", "right", "right");
        Address broken = account("broken-ca@mv-test.example", "right", "right");
        // as an older version or another tool could have stored it: the markers around no certificate
        AccountSpec spec = session.account(broken).spec();
        session.updateAccount(
                broken,
                new AccountSpec(
                        spec.address(),
                        spec.displayName(),
                        spec.providerId(),
                        spec.imap(),
                        spec.smtp(),
                        spec.imapLogin(),
                        spec.smtpLogin(),
                        spec.smtpSameAsImap(),
                        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
                        spec.notes(),
                        spec.policy()),
                null);
        List<CredentialCheck> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        VerifyService.Report report =
                verify.verify(new VerifyService.Request(List.of(), false, 16, 4), heard::add, new Cancellation());

        assertThat(outcome(report, good, Protocol.IMAP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.OK);
        assertThat(outcome(report, good, Protocol.SMTP, CheckResult.Slot.CURRENT))
                .isEqualTo(Outcome.OK);
        List<CheckResult> failed = report.checks().stream()
                .filter(c -> c.account().equals(broken))
                .map(CredentialCheck::result)
                .toList();
        assertThat(failed).extracting(CheckResult::protocol).containsExactly(Protocol.IMAP, Protocol.SMTP);
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TLS_CERT_INVALID);
            assertThat(r.code()).isEqualTo(VerifyService.CA_CERT_UNREADABLE);
            assertThat(r.message())
                    .startsWith("not tried: the CA certificate stored for this account cannot be read (")
                    .endsWith("); give the account a readable CA certificate (PEM), or remove it");
            assertThat(r.host()).isEqualTo("127.0.0.1");
        });
        assertThat(heard).hasSize(4);
        assertThat(session.account(broken).lastChecks())
                .extracting(CheckResult::outcome)
                .containsOnly(Outcome.TLS_CERT_INVALID);
        assertThat(report.allOk()).isFalse();
    }

    @Test
    @DisplayName("a provider that accepts no passwords is skipped without connecting")
    void oauthOnly() throws Exception {
        AccountSpec spec = new AccountSpec(
                Address.of("someone@outlook.com"),
                "",
                "outlook",
                Endpoint.parse("127.0.0.1:1:tls"),
                Endpoint.parse("127.0.0.1:1:tls"),
                null,
                null,
                true,
                null,
                null,
                null);
        session.addAccount(spec, secret("whatever"), null);
        VerifyService.Report report = run(false);
        assertThat(report.checks()).extracting(c -> c.result().outcome()).containsOnly(Outcome.SKIPPED);
        assertThat(report.checks()).extracting(c -> c.result().code()).containsOnly("OAUTH_ONLY");
    }

    @Test
    @DisplayName("rotation: the pending value is promoted only once the server accepts it; devices become stale")
    void rotation() throws Exception {
        Address a = account("rotate@mv-test.example", "old-password", "old-password");
        session.addDevice("Phone", DeviceType.IPHONE, List.of(a));
        RotationService rotation = new RotationService(session, catalog, new SecureRandom());
        clock.advance(Duration.ofMinutes(1));
        rotation.start(a, CredentialRef.IMAP, secret("new-password"), false, Optional.empty());

        // Not changed at the provider yet: nothing changes.
        VerifyService.Report early = run(false, a);
        assertThat(outcome(early, a, Protocol.IMAP, CheckResult.Slot.PENDING)).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(outcome(early, a, Protocol.IMAP, CheckResult.Slot.CURRENT)).isEqualTo(Outcome.OK);
        assertThat(early.rotations())
                .extracting(VerifyService.RotationEvent::outcome)
                .containsExactly(RotationOutcome.NOT_CHANGED_AT_PROVIDER);
        assertThat(session.account(a).imapCredential().hasPending()).isTrue();
        try (Secret current = session.secret(a, CredentialRef.IMAP)) {
            assertThat(current.revealChars()).isEqualTo("old-password".toCharArray());
        }

        // The user changes it at the provider.
        server.user("rotate@mv-test.example", "new-password");
        clock.advance(Duration.ofMinutes(1));
        VerifyService.Report done = run(false, a);
        assertThat(done.rotations())
                .extracting(VerifyService.RotationEvent::outcome)
                .containsExactly(RotationOutcome.PROMOTED);
        assertThat(done.allOk()).isTrue();
        assertThat(session.account(a).imapCredential().hasPending()).isFalse();
        try (Secret current = session.secret(a, CredentialRef.IMAP)) {
            assertThat(current.revealChars()).isEqualTo("new-password".toCharArray());
        }
        assertThat(session.history(a, CredentialRef.IMAP)).hasSize(1);
        assertThat(session.devices().get(0).stale()).isTrue();
    }

    @Test
    @DisplayName("rotation of a shared password: IMAP accepting the new value promotes it though SMTP could not be"
            + " reached, and the old value is not tried again")
    void promotedOnOneProtocol() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Address a = account(
                "half@mv-test.example",
                "old-password",
                "new-password",
                new Endpoint("127.0.0.1", closedPort, Security.TLS));
        clock.advance(Duration.ofMinutes(1));
        new RotationService(session, catalog, new SecureRandom())
                .start(a, CredentialRef.IMAP, secret("new-password"), false, Optional.empty());

        VerifyService.Report report = run(false, a);

        assertThat(report.rotations())
                .extracting(VerifyService.RotationEvent::outcome)
                .containsExactly(RotationOutcome.PROMOTED);
        assertThat(outcome(report, a, Protocol.IMAP, CheckResult.Slot.PENDING)).isEqualTo(Outcome.OK);
        assertThat(outcome(report, a, Protocol.SMTP, CheckResult.Slot.PENDING)).isEqualTo(Outcome.CONNECT_REFUSED);
        assertThat(report.checks())
                .as("no login with the old value, on either protocol")
                .noneMatch(c -> c.result().credential() == CheckResult.Slot.CURRENT);
        try (Secret current = session.secret(a, CredentialRef.IMAP)) {
            assertThat(current.revealChars()).isEqualTo("new-password".toCharArray());
        }
    }

    @Test
    @DisplayName("after verify promoted a rotation, the doctor finds no pending value and reads the proof as current")
    void doctorAfterPromotion() throws Exception {
        Address a = account("promoted@mv-test.example", "old-password", "new-password");
        run(false, a);
        clock.advance(Duration.ofMinutes(1));
        new RotationService(session, catalog, new SecureRandom())
                .start(a, CredentialRef.IMAP, secret("new-password"), false, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        assertThat(run(false, a).rotations())
                .extracting(VerifyService.RotationEvent::outcome)
                .containsExactly(RotationOutcome.PROMOTED);

        Diagnosis diagnosis = SessionDoctor.diagnose(session, catalog, a);

        assertThat(diagnosis.codes())
                .doesNotContain(FindingCode.PENDING_ACCEPTED, FindingCode.PENDING_REFUSED, FindingCode.NO_CHECKS);
        assertThat(diagnosis.hasProblems())
                .as("findings %s", diagnosis.findings())
                .isFalse();
    }

    @Test
    @DisplayName("rotation where neither value works reports both failed and keeps both")
    void bothFail() throws Exception {
        Address a = account("lost@mv-test.example", "old", "something-else");
        new RotationService(session, catalog, new SecureRandom())
                .start(a, CredentialRef.IMAP, secret("new"), false, Optional.empty());
        VerifyService.Report report = run(false, a);
        assertThat(report.rotations())
                .extracting(VerifyService.RotationEvent::outcome)
                .containsExactly(RotationOutcome.BOTH_FAILED);
        assertThat(session.pendingSecret(a, CredentialRef.IMAP)).isPresent();
    }
}
