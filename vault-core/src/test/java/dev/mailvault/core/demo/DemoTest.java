package dev.mailvault.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.demo.Demo.Role;
import dev.mailvault.core.devices.StaleDevices;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.Doctor;
import dev.mailvault.core.doctor.FindingCode;
import dev.mailvault.core.doctor.SecretsView;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.ReminderCounts;
import dev.mailvault.core.remind.Reminders;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.TrustAnchors;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.core.verify.VerifyService.RotationOutcome;
import dev.mailvault.core.verify.VerifyTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The demo's server and vault, driven the way the tour drives them, against the real core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTest {
    final Clock clock = Clock.systemDefaultZone();
    final ProviderCatalog catalog = ProviderCatalog.builtIn();
    Demo demo;
    LoginChecker checker;

    @BeforeAll
    void start() {
        demo = Demo.start(clock, new SecureRandom());
        checker = LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(5), clock));
    }

    @AfterAll
    void stop() {
        checker.close();
        demo.close();
    }

    private VaultSession open() {
        try (Secret master = Demo.masterPassword()) {
            return demo.service().open(demo.vaultFile(), master);
        }
    }

    private VerifyService.Report verify(VaultSession session, Address... named) throws InterruptedException {
        return new VerifyService(session, catalog, checker, clock)
                .verify(
                        new VerifyService.Request(List.of(named), false, 4, 4),
                        VerifyService.Listener.NONE,
                        new Cancellation());
    }

    private static Map<Address, List<Outcome>> currentOutcomes(VerifyService.Report report) {
        return report.checks().stream()
                .filter(c -> c.result().credential() == CheckResult.Slot.CURRENT)
                .collect(Collectors.groupingBy(
                        CredentialCheck::account,
                        Collectors.mapping(c -> c.result().outcome(), Collectors.toList())));
    }

    @Test
    @Order(1)
    @DisplayName("the vault opens with the shown master password at the floor KDF and holds the six sample accounts")
    void vault() {
        try (VaultSession session = open()) {
            assertThat(session.kdfParameters()).isEqualTo(KdfParameters.FLOOR);
            assertThat(session.accounts())
                    .extracting(a -> a.spec().providerId())
                    .containsExactlyInAnyOrder("docomo", "softbank", "gmail", "icloud", "yahoo-japan", "generic");
            for (AccountInfo account : session.accounts()) {
                assertThat(account.spec().imap()).isEqualTo(demo.server().imaps());
                assertThat(account.spec().smtp()).isEqualTo(demo.server().smtps());
                assertThat(account.spec().caCertPem()).isEqualTo(demo.server().caCertificatePem());
            }
            assertThat(session.devices()).hasSize(5).noneMatch(d -> d.stale());
            assertThat(session.account(demo.account(Role.ROTATION))
                            .imapCredential()
                            .hasPending())
                    .isTrue();
        }
    }

    @Test
    @Order(2)
    @DisplayName("the server's certificate is trusted through the account's own CA only, not by the system")
    void trustIsPerAccount() {
        Address address = demo.account(Role.PLAIN);
        try (VaultSession session = open();
                Secret password = session.secret(address, CredentialRef.IMAP)) {
            VerifyTarget untrusted = new VerifyTarget(
                    Protocol.IMAP, demo.server().imaps(), address.value(), password, TrustAnchors.system(), null);
            assertThat(checker.check(untrusted, CheckResult.Slot.CURRENT).outcome())
                    .isEqualTo(Outcome.TLS_CERT_INVALID);
            VerifyTarget trusted = new VerifyTarget(
                    Protocol.IMAP,
                    demo.server().imaps(),
                    address.value(),
                    password,
                    TrustAnchors.withCa(demo.server().caCertificatePem()),
                    null);
            assertThat(checker.check(trusted, CheckResult.Slot.CURRENT).outcome())
                    .isEqualTo(Outcome.OK);
        }
    }

    @Test
    @Order(3)
    @DisplayName("verify --all: OK everywhere but the wrong password (AUTH_FAILED); the pending value waits")
    void verifyAll() throws Exception {
        try (VaultSession session = open()) {
            VerifyService.Report report = verify(session);
            Map<Address, List<Outcome>> current = currentOutcomes(report);
            assertThat(current).hasSize(6);
            current.forEach((address, outcomes) -> assertThat(outcomes)
                    .as(address.value())
                    .hasSize(2)
                    .containsOnly(
                            address.equals(demo.account(Role.WRONG_PASSWORD)) ? Outcome.AUTH_FAILED : Outcome.OK));
            assertThat(report.rotations())
                    .extracting(VerifyService.RotationEvent::outcome)
                    .containsExactly(RotationOutcome.NOT_CHANGED_AT_PROVIDER);
            assertThat(session.account(demo.account(Role.ROTATION))
                            .imapCredential()
                            .hasPending())
                    .isTrue();
        }
    }

    @Test
    @Order(4)
    @DisplayName(
            "once the password changes at the provider, verifying the account promotes it and its devices go stale")
    void rotation() throws Exception {
        Address rotating = demo.account(Role.ROTATION);
        demo.changePasswordAtProvider();
        try (VaultSession session = open()) {
            VerifyService.Report report = verify(session, rotating);
            assertThat(report.rotations())
                    .extracting(VerifyService.RotationEvent::outcome)
                    .containsExactly(RotationOutcome.PROMOTED);
            assertThat(session.account(rotating).imapCredential().hasPending()).isFalse();
            assertThat(session.history(rotating, CredentialRef.IMAP)).hasSize(1);
            List<StaleDevices.Entry> stale = StaleDevices.list(
                    session.devices(),
                    session.accounts().stream().map(AccountInfo::spec).toList(),
                    Optional.empty(),
                    Locale.ENGLISH);
            assertThat(stale).extracting(e -> e.device().name()).containsExactly("Home PC", "iPhone");
            assertThat(stale).allSatisfy(e -> assertThat(e.steps()).isNotEmpty());
        }
    }

    @Test
    @Order(5)
    @DisplayName("one password is overdue and one due soon, with or without unlocking")
    void reminders() {
        Reminders reminders = new Reminders(clock);
        assertThat(reminders.counts(demo.service().schedules(demo.vaultFile()))).isEqualTo(new ReminderCounts(1, 1));
        try (VaultSession session = open()) {
            assertThat(reminders.due(session.accounts()))
                    .extracting(i -> i.address())
                    .containsExactly(demo.account(Role.OVERDUE), demo.account(Role.DUE_SOON));
        }
    }

    @Test
    @Order(6)
    @DisplayName("doctor on the failing account explains the refused login")
    void doctor() {
        Address failing = demo.account(Role.WRONG_PASSWORD);
        try (VaultSession session = open();
                Secret imap = session.secret(failing, CredentialRef.IMAP)) {
            AccountInfo account = session.account(failing);
            Diagnosis diagnosis = Doctor.diagnose(
                    account,
                    catalog.byId(account.spec().providerId()),
                    SecretsView.builder().imap(imap).build(),
                    session.checks(failing, 20),
                    session.devices(),
                    clock);
            assertThat(diagnosis.has(FindingCode.AUTH_FAILED)).isTrue();
            assertThat(diagnosis.hasProblems()).isTrue();
        }
    }

    @Test
    @Order(7)
    @DisplayName("every step has its command and an explanation in Japanese and in English")
    void steps() {
        assertThat(DemoStep.VERIFY_ALL.arguments(demo)).containsExactly("verify", "--all");
        assertThat(DemoStep.DOCTOR.arguments(demo))
                .containsExactly("doctor", demo.account(Role.WRONG_PASSWORD).value());
        for (DemoStep step : DemoStep.values()) {
            String en = step.explanation(Locale.ENGLISH);
            String ja = step.explanation(Locale.JAPANESE);
            assertThat(en).isNotBlank().doesNotContainPattern("[ぁ-んァ-ン]");
            assertThat(ja).isNotBlank().containsPattern("[ぁ-んァ-ン]");
        }
        assertThat(DemoTexts.introduction(demo, Locale.ENGLISH))
                .contains(
                        String.valueOf(demo.server().imaps().port()),
                        demo.folder().toString(),
                        "\"demo\"");
        assertThat(DemoTexts.introduction(demo, Locale.JAPANESE)).contains("「demo」");
    }

    @Test
    @Order(8)
    @DisplayName("close stops the server and deletes the folder, and a second close does nothing")
    void close() {
        Path folder = demo.folder();
        assertThat(folder).isDirectory();
        demo.close();
        assertThat(Files.exists(folder)).isFalse();
        assertThat(demo.isClosed()).isTrue();
        demo.close();
        try (Secret any = Secret.copyOf("x".toCharArray())) {
            VerifyTarget target = new VerifyTarget(
                    Protocol.IMAP,
                    demo.server().imaps(),
                    "x",
                    any,
                    TrustAnchors.withCa(demo.server().caCertificatePem()),
                    null);
            assertThat(checker.check(target, CheckResult.Slot.CURRENT).outcome())
                    .isEqualTo(Outcome.CONNECT_REFUSED);
        }
    }
}
