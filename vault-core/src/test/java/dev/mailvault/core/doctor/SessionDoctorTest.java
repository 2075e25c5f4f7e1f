package dev.mailvault.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.rotation.RotationService;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The doctor over an open vault")
class SessionDoctorTest {
    @TempDir
    Path dir;

    private VaultSession open() {
        return open(Clock.systemUTC());
    }

    private VaultSession open(Clock clock) {
        VaultService service = TestVaults.service(clock, dir.resolve("state"));
        return TestVaults.create(service, dir.resolve("vault.db"));
    }

    /** Records a check of the IMAP and SMTP logins with one value, as {@code vault verify} does. */
    private static void recordCheck(VaultSession session, Address address, Slot slot, Outcome outcome) {
        List<CredentialCheck> checks = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            checks.add(new CredentialCheck(
                    address,
                    CredentialRef.IMAP,
                    new CheckResult(
                            protocol,
                            slot,
                            outcome,
                            "mail.example.net",
                            993,
                            "",
                            "",
                            "",
                            80,
                            session.clock().instant())));
        }
        session.recordChecks(checks);
    }

    @Test
    @DisplayName("inspects the stored current and pending values and names what is wrong")
    void inspectsStoredValues() {
        try (VaultSession session = open();
                Secret current = TestVaults.secret("fine-password");
                Secret pending = TestVaults.secret("next-password ")) {
            session.addAccount(TestVaults.spec("taro@example.net"), current, null);
            session.setPending(Address.of("taro@example.net"), CredentialRef.IMAP, pending);

            Diagnosis diagnosis =
                    SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), Address.of("taro@example.net"));

            assertThat(diagnosis.has(FindingCode.SPACE_AT_ENDS)).isTrue();
            assertThat(diagnosis.has(FindingCode.NO_CHECKS)).isTrue();
            assertThat(String.join("\n", diagnosis.texts(Locale.ENGLISH))).doesNotContain("next-password");
        }
    }

    @Nested
    @DisplayName("during and after a rotation")
    class Rotation {
        private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T01:00:00Z"));
        private final Address taro = Address.of("taro@example.net");

        private Diagnosis rotateAndCheck(VaultSession session, Outcome pendingOutcome) {
            try (Secret current = TestVaults.secret("old-password");
                    Secret next = TestVaults.secret("new-password")) {
                session.addAccount(TestVaults.spec(taro.toString()), current, null);
                clock.advance(Duration.ofMinutes(1));
                recordCheck(session, taro, Slot.CURRENT, Outcome.AUTH_FAILED);
                clock.advance(Duration.ofMinutes(1));
                new RotationService(session, ProviderCatalog.builtIn(), new SecureRandom())
                        .start(taro, CredentialRef.IMAP, next, false, Optional.empty());
                clock.advance(Duration.ofMinutes(1));
                recordCheck(session, taro, Slot.PENDING, pendingOutcome);
            }
            return SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), taro);
        }

        @Test
        @DisplayName("while the new value is pending, a check of it is explained")
        void pendingExplained() {
            try (VaultSession session = open(clock)) {
                Diagnosis diagnosis = rotateAndCheck(session, Outcome.OK);

                assertThat(diagnosis.has(FindingCode.PENDING_ACCEPTED)).isTrue();
            }
        }

        @Test
        @DisplayName("once verify promoted the accepted value, no finding speaks of a pending value")
        void promotedAfterVerify() {
            try (VaultSession session = open(clock)) {
                rotateAndCheck(session, Outcome.OK);
                session.promotePending(taro, CredentialRef.IMAP, true);
                clock.advance(Duration.ofMinutes(5));

                Diagnosis diagnosis = SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), taro);

                assertThat(diagnosis.codes()).doesNotContain(FindingCode.PENDING_ACCEPTED, FindingCode.PENDING_REFUSED);
                assertThat(diagnosis.has(FindingCode.NO_PROBLEM_FOUND)).isTrue();
                assertThat(String.join("\n", diagnosis.texts(Locale.ENGLISH))).doesNotContain("pending");
            }
        }

        @Test
        @DisplayName("once the pending value was abandoned, its refused check is not explained")
        void abandoned() {
            try (VaultSession session = open(clock)) {
                rotateAndCheck(session, Outcome.AUTH_FAILED);
                session.abandonPending(taro, CredentialRef.IMAP);

                Diagnosis diagnosis = SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), taro);

                assertThat(diagnosis.has(FindingCode.PENDING_REFUSED)).isFalse();
                assertThat(diagnosis.has(FindingCode.AUTH_FAILED)).isTrue();
            }
        }

        @Test
        @DisplayName("a check of an earlier pending value is not blamed on the value pending now")
        void newerPendingValue() {
            try (VaultSession session = open(clock);
                    Secret other = TestVaults.secret("another-password")) {
                rotateAndCheck(session, Outcome.AUTH_FAILED);
                clock.advance(Duration.ofMinutes(1));
                session.setPending(taro, CredentialRef.IMAP, other);

                Diagnosis diagnosis = SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), taro);

                assertThat(diagnosis.has(FindingCode.PENDING_REFUSED)).isFalse();
            }
        }
    }

    @Test
    @DisplayName("an account whose provider left the catalog is diagnosed with the entry for its domain")
    void unknownProviderFallsBack() {
        try (VaultSession session = open();
                Secret value = TestVaults.secret("fine-password")) {
            AccountSpec spec = TestVaults.spec("hanako@gmail.com");
            session.addAccount(
                    new AccountSpec(
                            spec.address(),
                            "",
                            "gone-provider",
                            spec.imap(),
                            spec.smtp(),
                            null,
                            null,
                            true,
                            null,
                            null,
                            null),
                    value,
                    null);

            Diagnosis diagnosis =
                    SessionDoctor.diagnose(session, ProviderCatalog.builtIn(), Address.of("hanako@gmail.com"));

            assertThat(diagnosis.providerId()).isEqualTo("gmail");
        }
    }
}
