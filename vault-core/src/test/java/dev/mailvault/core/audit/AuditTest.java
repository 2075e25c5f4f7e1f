package dev.mailvault.core.audit;

import static dev.mailvault.core.testing.TestVaults.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault audit")
class AuditTest {
    /** Long, unrelated, each scoring 4: nothing but the flag under test is raised by them. */
    static final String STRONG_A = "tarp-Wobbly-7-quince-Harbor-glyph";

    static final String STRONG_B = "mossy-Kettle-42-orbit-Vane-thistle";
    static final String STRONG_C = "plume-Garnet-9-ladder-Sorrel-crisp";
    static final Instant START = Instant.parse("2025-01-10T09:00:00Z");

    @TempDir
    static Path shared;

    /** One empty vault, created once and copied per test: only the unlock runs Argon2 each time. */
    static Path template;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(START);
    final ProviderCatalog catalog = ProviderCatalog.builtIn();
    VaultSession session;

    @BeforeAll
    static void createTemplate() {
        template = shared.resolve("template/vault.db");
        TestVaults.create(TestVaults.service(new MutableClock(START), shared.resolve("state")), template)
                .close();
    }

    @BeforeEach
    void open() throws IOException {
        Path file = dir.resolve("vault.db");
        Files.copy(template, file);
        try (Secret master = TestVaults.master()) {
            session = TestVaults.service(clock, dir.resolve("state")).open(file, master);
        }
    }

    @AfterEach
    void close() {
        session.close();
    }

    AuditReport audit() {
        return Audit.run(session, catalog, clock);
    }

    /** A generic account (no catalog settings) whose one value serves IMAP and SMTP. */
    Address add(String address, String value) {
        session.addAccount(TestVaults.spec(address), secret(value), null);
        return Address.of(address);
    }

    Address addSeparate(String address, String imap, String smtp) {
        AccountSpec same = TestVaults.spec(address);
        AccountSpec spec = new AccountSpec(
                same.address(), "", "generic", same.imap(), same.smtp(), null, null, false, null, null, null);
        session.addAccount(spec, secret(imap), secret(smtp));
        return Address.of(address);
    }

    Address addWithProvider(String address, String providerId, String value) {
        Provider provider = catalog.byId(providerId);
        AccountSpec spec = new AccountSpec(
                Address.of(address),
                "",
                providerId,
                provider.imap().orElseThrow().endpoint(),
                provider.smtp().orElseThrow().endpoint(),
                null,
                null,
                true,
                null,
                null,
                RotationPolicy.DEFAULT);
        session.addAccount(spec, secret(value), null);
        return Address.of(address);
    }

    static CheckResult check(Protocol protocol, Slot slot, Outcome outcome, String code, Instant at) {
        return new CheckResult(protocol, slot, outcome, "imap.example.net", 993, code, "", "", 12, at);
    }

    /** Successful IMAP and SMTP logins of the current value, now. */
    void verified(Address address) {
        session.recordChecks(List.of(
                new CredentialCheck(
                        address,
                        CredentialRef.IMAP,
                        check(Protocol.IMAP, Slot.CURRENT, Outcome.OK, "", clock.instant())),
                new CredentialCheck(
                        address,
                        CredentialRef.SMTP,
                        check(Protocol.SMTP, Slot.CURRENT, Outcome.OK, "", clock.instant()))));
    }

    static List<FlagCode> codes(AuditReport report, Address address) {
        return entry(report, address)
                .map(e -> e.flags().stream().map(AuditFlag::code).toList())
                .orElse(List.of());
    }

    static Optional<AuditEntry> entry(AuditReport report, Address address) {
        return report.entries().stream()
                .filter(e -> e.address().equals(address))
                .findFirst();
    }

    static AuditFlag flag(AuditReport report, Address address, FlagCode code) {
        return entry(report, address).orElseThrow().flags().stream()
                .filter(f -> f.code() == code)
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not raised for " + address + ": " + report));
    }

    @Nested
    @DisplayName("a clean vault")
    class Clean {
        @Test
        @DisplayName("lists nothing when every password is strong, unique, fresh and verified")
        void nothingListed() {
            Address a = add("alice@example.net", STRONG_A);
            Address b = addSeparate("bob@example.org", STRONG_B, STRONG_C);
            verified(a);
            verified(b);

            AuditReport report = audit();

            assertThat(report.clean()).isTrue();
            assertThat(report.accountsAudited()).isEqualTo(2);
            assertThat(report.at()).isEqualTo(START);
            assertThat(AuditTexts.summary(report, Locale.ENGLISH)).isEqualTo("No account needs attention (2 audited).");
        }

        @Test
        @DisplayName("an empty vault is clean")
        void empty() {
            assertThat(audit().clean()).isTrue();
        }
    }

    @Nested
    @DisplayName("rotation dates")
    class RotationDates {
        @Test
        @DisplayName("overdue after the policy's six months, with the due date and days past it")
        void overdue() {
            Address a = add("alice@example.net", STRONG_A);
            clock.set(Instant.parse("2025-07-20T09:00:00Z"));
            verified(a);

            AuditFlag f = flag(audit(), a, FlagCode.OVERDUE);

            assertThat(f.credential()).contains(CredentialRef.IMAP);
            assertThat(f.detail())
                    .containsEntry(AuditFlag.DUE_ON, LocalDate.of(2025, 7, 10))
                    .containsEntry(AuditFlag.DAYS, 10L)
                    .containsEntry(AuditFlag.POLICY, "6m");
            assertThat(f.action()).isEqualTo(AuditAction.ROTATE);
            assertThat(codes(audit(), a)).containsExactly(FlagCode.OVERDUE);
        }

        @Test
        @DisplayName("due soon in the last fourteen days, with the days left")
        void dueSoon() {
            Address a = add("alice@example.net", STRONG_A);
            clock.set(Instant.parse("2025-06-30T09:00:00Z"));
            verified(a);

            AuditReport report = audit();

            assertThat(codes(report, a)).containsExactly(FlagCode.DUE_SOON);
            assertThat(flag(report, a, FlagCode.DUE_SOON).detail()).containsEntry(AuditFlag.DAYS, 10L);
        }

        @Test
        @DisplayName("one account-wide value is flagged once, not again as SMTP")
        void sameValueOnce() {
            Address a = add("alice@example.net", STRONG_A);
            clock.set(Instant.parse("2025-08-01T09:00:00Z"));
            verified(a);

            assertThat(codes(audit(), a)).containsExactly(FlagCode.OVERDUE);
        }
    }

    @Nested
    @DisplayName("weak passwords")
    class Weak {
        @Test
        @DisplayName("a common password is weak, with its zxcvbn score")
        void common() {
            Address a = add("alice@example.net", "password1");
            verified(a);

            AuditFlag f = flag(audit(), a, FlagCode.WEAK);

            assertThat((Long) f.detail().get(AuditFlag.SCORE)).isLessThanOrEqualTo(2L);
            assertThat(f.credential()).contains(CredentialRef.IMAP);
        }

        @Test
        @DisplayName("the address's own parts count as guessed: a name-and-year password is weak for its owner only")
        void addressPartsAreKnown() {
            // Scores 4 for anyone else; built from the owner's own address it scores 1.
            Address owner = add("hanako.yamada@example.net", "hanako.yamada1987");
            Address other = add("taro@example.org", "hanako.yamada1987x");
            verified(owner);
            verified(other);

            AuditReport report = audit();

            assertThat(codes(report, owner)).contains(FlagCode.WEAK);
            assertThat(codes(report, other)).doesNotContain(FlagCode.WEAK);
        }

        @Test
        @DisplayName("an app password is measured too")
        void appPassword() {
            Address a = add("alice@example.net", STRONG_A);
            session.setSecret(a, CredentialRef.app("iPhone"), secret("123456"));
            verified(a);

            assertThat(flag(audit(), a, FlagCode.WEAK).credential()).contains(CredentialRef.app("iPhone"));
        }
    }

    @Nested
    @DisplayName("reused passwords")
    class Reused {
        @Test
        @DisplayName("the same value on two accounts flags both, each naming the other")
        void acrossAccounts() {
            Address a = add("alice@example.net", STRONG_A);
            Address b = addSeparate("bob@example.org", STRONG_B, STRONG_A);
            Address c = add("carol@example.com", STRONG_C);
            verified(a);
            verified(b);
            verified(c);

            AuditReport report = audit();

            assertThat(flag(report, a, FlagCode.REUSED).detail())
                    .containsEntry(AuditFlag.SHARED_WITH, List.of("bob@example.org"));
            AuditFlag onB = flag(report, b, FlagCode.REUSED);
            assertThat(onB.credential()).contains(CredentialRef.SMTP);
            assertThat(onB.detail()).containsEntry(AuditFlag.SHARED_WITH, List.of("alice@example.net"));
            assertThat(entry(report, c)).isEmpty();
        }

        @Test
        @DisplayName("IMAP and SMTP of one account sharing a value is normal and not flagged")
        void imapEqualsSmtp() {
            Address a = addSeparate("alice@example.net", STRONG_A, STRONG_A);
            session.setSecret(a, CredentialRef.PORTAL, secret(STRONG_A));
            verified(a);

            assertThat(audit().clean()).isTrue();
        }

        @Test
        @DisplayName("a value shared by three accounts names both others")
        void threeAccounts() {
            Address a = add("alice@example.net", STRONG_A);
            add("bob@example.org", STRONG_A);
            add("carol@example.com", STRONG_A);

            assertThat(flag(audit(), a, FlagCode.REUSED).detail())
                    .containsEntry(AuditFlag.SHARED_WITH, List.of("bob@example.org", "carol@example.com"));
        }
    }

    @Nested
    @DisplayName("login checks")
    class Checks {
        @Test
        @DisplayName(
                "a failed last check is flagged with protocol, outcome and server code, instead of 'never verified'")
        void lastCheckFailed() {
            Address a = add("alice@example.net", STRONG_A);
            verified(a);
            clock.advance(Duration.ofHours(1));
            session.recordChecks(List.of(new CredentialCheck(
                    a,
                    CredentialRef.SMTP,
                    check(Protocol.SMTP, Slot.CURRENT, Outcome.AUTH_FAILED, "535", clock.instant()))));

            AuditReport report = audit();

            AuditFlag f = flag(report, a, FlagCode.LAST_CHECK_FAILED);
            assertThat(f.credential()).contains(CredentialRef.IMAP);
            assertThat(f.detail())
                    .containsEntry(AuditFlag.PROTOCOL, "smtp")
                    .containsEntry(AuditFlag.OUTCOME, "AUTH_FAILED")
                    .containsEntry(AuditFlag.SERVER_CODE, "535")
                    .containsEntry(AuditFlag.AT, clock.instant());
            assertThat(f.action()).isEqualTo(AuditAction.DOCTOR);
            assertThat(codes(report, a)).containsExactly(FlagCode.LAST_CHECK_FAILED);
        }

        @Test
        @DisplayName("a failure from before the value changed tried an older value and is ignored")
        void failureBeforeChange() {
            Address a = add("alice@example.net", STRONG_A);
            session.recordChecks(List.of(new CredentialCheck(
                    a,
                    CredentialRef.IMAP,
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.AUTH_FAILED, "", clock.instant()))));
            clock.advance(Duration.ofMinutes(5));
            session.setSecret(a, CredentialRef.IMAP, secret(STRONG_B));

            assertThat(codes(audit(), a)).containsExactly(FlagCode.NEVER_VERIFIED);
        }

        @Test
        @DisplayName("a skip for lockout protection counts as the failure it follows, which replaces 'never verified'")
        void lockoutSkip() {
            Address a = add("alice@example.net", STRONG_A);
            session.recordChecks(List.of(new CredentialCheck(
                    a,
                    CredentialRef.IMAP,
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.SKIPPED, "LOCKOUT_PROTECTION", clock.instant()))));

            AuditReport report = audit();

            assertThat(flag(report, a, FlagCode.LAST_CHECK_FAILED).detail())
                    .containsEntry(AuditFlag.OUTCOME, "SKIPPED");
            assertThat(codes(report, a)).containsExactly(FlagCode.LAST_CHECK_FAILED);
        }

        @Test
        @DisplayName("never verified names the protocols without a successful login")
        void neverVerified() {
            Address a = add("alice@example.net", STRONG_A);
            session.recordChecks(List.of(new CredentialCheck(
                    a, CredentialRef.IMAP, check(Protocol.IMAP, Slot.CURRENT, Outcome.OK, "", clock.instant()))));

            AuditFlag f = flag(audit(), a, FlagCode.NEVER_VERIFIED);

            assertThat(f.detail()).containsEntry(AuditFlag.PROTOCOLS, List.of("smtp"));
            assertThat(f.action()).isEqualTo(AuditAction.VERIFY);
        }

        @Test
        @DisplayName("a new account with no checks is never verified on both protocols")
        void newAccount() {
            Address a = add("alice@example.net", STRONG_A);

            assertThat(flag(audit(), a, FlagCode.NEVER_VERIFIED).detail())
                    .containsEntry(AuditFlag.PROTOCOLS, List.of("imap", "smtp"));
        }

        @Test
        @DisplayName("a login older than 30 days is flagged with its date; 30 days is still recent")
        void notVerifiedRecently() {
            Address a = add("alice@example.net", STRONG_A);
            verified(a);
            clock.advance(Duration.ofDays(30));
            assertThat(audit().clean()).isTrue();

            clock.advance(Duration.ofDays(1));
            AuditFlag f = flag(audit(), a, FlagCode.NOT_VERIFIED_RECENTLY);

            assertThat(f.detail())
                    .containsEntry(AuditFlag.LAST_VERIFIED_ON, LocalDate.of(2025, 1, 10))
                    .containsEntry(AuditFlag.DAYS, 31L);
        }

        @Test
        @DisplayName("a rotation promoted after its pending value logged in counts as verified")
        void verifiedPromotion() {
            Address a = add("alice@example.net", STRONG_A);
            clock.advance(Duration.ofDays(1));
            session.setPending(a, CredentialRef.IMAP, secret(STRONG_B));
            session.recordChecks(List.of(
                    new CredentialCheck(
                            a, CredentialRef.IMAP, check(Protocol.IMAP, Slot.PENDING, Outcome.OK, "", clock.instant())),
                    new CredentialCheck(
                            a,
                            CredentialRef.SMTP,
                            check(Protocol.SMTP, Slot.PENDING, Outcome.OK, "", clock.instant()))));
            session.promotePending(a, CredentialRef.IMAP, true);

            assertThat(audit().clean()).isTrue();
        }

        @Test
        @DisplayName("a rotation promoted without a login is never verified")
        void unverifiedPromotion() {
            Address a = add("alice@example.net", STRONG_A);
            verified(a);
            clock.advance(Duration.ofDays(1));
            session.setPending(a, CredentialRef.IMAP, secret(STRONG_B));
            session.promotePending(a, CredentialRef.IMAP, false);

            assertThat(codes(audit(), a)).containsExactly(FlagCode.NEVER_VERIFIED);
        }
    }

    @Nested
    @DisplayName("rotations and devices")
    class RotationsAndDevices {
        @Test
        @DisplayName("a pending value is a rotation not finished, with the time it was stored")
        void pending() {
            Address a = add("alice@example.net", STRONG_A);
            verified(a);
            clock.advance(Duration.ofHours(2));
            session.setPending(a, CredentialRef.IMAP, secret(STRONG_B));

            AuditFlag f = flag(audit(), a, FlagCode.PENDING_ROTATION);

            assertThat(f.detail()).containsEntry(AuditFlag.PENDING_SINCE, clock.instant());
            assertThat(codes(audit(), a)).containsExactly(FlagCode.PENDING_ROTATION);
        }

        @Test
        @DisplayName("devices holding the old value are counted once each, and ticking them off clears the flag")
        void staleDevices() {
            Address a = add("alice@example.net", STRONG_A);
            Address b = add("bob@example.org", STRONG_B);
            session.addDevice("iPhone", DeviceType.IPHONE, List.of(a, b));
            session.addDevice("Thunderbird", DeviceType.THUNDERBIRD, List.of(a));
            clock.advance(Duration.ofMinutes(1));
            session.setPending(a, CredentialRef.IMAP, secret(STRONG_C));
            session.promotePending(a, CredentialRef.IMAP, true);
            verified(a);
            verified(b);

            AuditReport report = audit();

            AuditFlag f = flag(report, a, FlagCode.DEVICES_STALE);
            assertThat(f.credential()).isEmpty();
            assertThat(f.detail()).containsEntry(AuditFlag.COUNT, 2L);
            assertThat(f.action()).isEqualTo(AuditAction.DEVICES);
            assertThat(entry(report, b)).isEmpty();

            session.markDeviceDone("iPhone", Optional.empty());
            session.markDeviceDone("Thunderbird", Optional.empty());
            assertThat(audit().clean()).isTrue();
        }

        @Test
        @DisplayName("app passwords are suspect after the main password changed")
        void suspectAppPassword() {
            Address a = add("alice@example.net", STRONG_A);
            session.setSecret(a, CredentialRef.app("iPhone"), secret(STRONG_C));
            clock.advance(Duration.ofMinutes(1));
            session.setPending(a, CredentialRef.IMAP, secret(STRONG_B));
            session.promotePending(a, CredentialRef.IMAP, true);
            verified(a);

            AuditFlag f = flag(audit(), a, FlagCode.APP_PASSWORD_SUSPECT);

            assertThat(f.credential()).contains(CredentialRef.app("iPhone"));
        }
    }

    @Nested
    @DisplayName("providers")
    class Providers {
        @Test
        @DisplayName("unconfirmed catalog settings are flagged until a login reaches the servers")
        void settingsUnconfirmed() {
            Address a = addWithProvider("hanako@docomo.ne.jp", "docomo", STRONG_A);

            AuditReport before = audit();
            AuditFlag f = flag(before, a, FlagCode.SETTINGS_UNCONFIRMED);
            assertThat(f.detail()).containsEntry(AuditFlag.PROVIDER, "docomo");
            assertThat(entry(before, a).orElseThrow().provider().id()).isEqualTo("docomo");

            // A refused password still proves host, port and TLS.
            session.recordChecks(List.of(
                    new CredentialCheck(
                            a,
                            CredentialRef.IMAP,
                            check(Protocol.IMAP, Slot.CURRENT, Outcome.AUTH_FAILED, "", clock.instant())),
                    new CredentialCheck(
                            a,
                            CredentialRef.SMTP,
                            check(Protocol.SMTP, Slot.CURRENT, Outcome.OK, "", clock.instant()))));
            assertThat(codes(audit(), a)).containsExactly(FlagCode.LAST_CHECK_FAILED);
        }

        @Test
        @DisplayName("an account on its own servers is not flagged for the provider's unconfirmed settings")
        void ownServers() {
            AccountSpec spec = new AccountSpec(
                    Address.of("hanako@docomo.ne.jp"),
                    "",
                    "docomo",
                    Endpoint.parse("imap.example.net:993"),
                    Endpoint.parse("smtp.example.net:465"),
                    null,
                    null,
                    true,
                    null,
                    null,
                    null);
            session.addAccount(spec, secret(STRONG_A), null);
            verified(spec.address());

            assertThat(audit().clean()).isTrue();
        }

        @Test
        @DisplayName("a provider that accepts no passwords is flagged, without asking for checks that cannot run")
        void oauthOnly() {
            Address a = addWithProvider("taro@outlook.com", "outlook", STRONG_A);
            session.recordChecks(List.of(new CredentialCheck(
                    a,
                    CredentialRef.IMAP,
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.SKIPPED, "OAUTH_ONLY", clock.instant()))));

            AuditReport report = audit();

            assertThat(codes(report, a)).containsExactly(FlagCode.OAUTH_ONLY);
            assertThat(flag(report, a, FlagCode.OAUTH_ONLY).detail()).containsEntry(AuditFlag.PROVIDER, "outlook");
        }
    }

    @Nested
    @DisplayName("order")
    class Order {
        @Test
        @DisplayName("accounts come most urgent first, and each account's flags too")
        void byUrgency() {
            Address fresh = add("fresh@example.net", STRONG_A);
            Address reused1 = add("reuse1@example.org", STRONG_B);
            Address reused2 = add("reuse2@example.org", STRONG_B);
            clock.set(Instant.parse("2025-06-01T09:00:00Z"));
            Address broken = add("broken@example.com", "password1");
            session.recordChecks(List.of(new CredentialCheck(
                    broken,
                    CredentialRef.IMAP,
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.AUTH_FAILED, "", clock.instant()))));
            verified(reused1);
            verified(reused2);
            clock.set(Instant.parse("2025-06-28T09:00:00Z"));

            AuditReport report = audit();

            assertThat(report.entries())
                    .extracting(AuditEntry::address)
                    .containsExactly(broken, reused1, reused2, fresh);
            assertThat(codes(report, broken)).containsExactly(FlagCode.LAST_CHECK_FAILED, FlagCode.WEAK);
            assertThat(codes(report, reused1)).containsExactly(FlagCode.REUSED, FlagCode.DUE_SOON);
            assertThat(codes(report, fresh)).containsExactly(FlagCode.DUE_SOON, FlagCode.NEVER_VERIFIED);
        }

        @Test
        @DisplayName("the longer overdue account comes first")
        void overdueDays() {
            Address older = add("older@example.net", STRONG_A);
            clock.advance(Duration.ofDays(20));
            Address newer = add("newer@example.net", STRONG_B);
            clock.set(Instant.parse("2025-09-01T09:00:00Z"));
            verified(older);
            verified(newer);

            assertThat(audit().entries()).extracting(AuditEntry::address).containsExactly(older, newer);
        }
    }

    @Nested
    @DisplayName("texts")
    class Texts {
        /** A vault raising every flag at once; returns the stored values to look for in the texts. */
        private List<String> everyFlag() {
            List<String> values = new ArrayList<>();
            // alice: failed check, stale device, suspect app password, pending SMTP rotation, reuse, overdue
            Address a = addSeparate("alice@example.net", "First-imap-value-31q", STRONG_B);
            add("bob@example.org", STRONG_B);
            session.setSecret(a, CredentialRef.app("iPhone"), secret("Kz9#appvalue!"));
            session.addDevice("iPhone", DeviceType.IPHONE, List.of(a));
            add("weak@example.com", "password1");
            addWithProvider("hanako@docomo.ne.jp", "docomo", "Docomo-only-value-55r");
            addWithProvider("taro@outlook.com", "outlook", STRONG_A);
            clock.advance(Duration.ofMinutes(1));
            session.setPending(a, CredentialRef.IMAP, secret("Pending-value-77x"));
            session.promotePending(a, CredentialRef.IMAP, true);
            session.setPending(a, CredentialRef.SMTP, secret("Pending-smtp-88y"));
            session.recordChecks(List.of(new CredentialCheck(
                    a,
                    CredentialRef.IMAP,
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.AUTH_FAILED, "535 5.7.8", clock.instant()))));
            // carol: due soon and not verified for months
            clock.set(Instant.parse("2025-01-25T09:00:00Z"));
            verified(add("carol@example.com", STRONG_C));
            clock.set(Instant.parse("2025-07-20T09:00:00Z"));
            values.addAll(List.of(
                    "First-imap-value-31q",
                    STRONG_B,
                    "Kz9#appvalue!",
                    "password1",
                    "Docomo-only-value-55r",
                    STRONG_A,
                    "Pending-value-77x",
                    "Pending-smtp-88y",
                    STRONG_C));
            return values;
        }

        @Test
        @DisplayName("every flag is raised by the crafted vault, and no text in either language holds a stored value")
        void noSecretInAnyText() {
            List<String> values = everyFlag();

            AuditReport report = audit();

            List<FlagCode> raised = report.entries().stream()
                    .flatMap(e -> e.flags().stream())
                    .map(AuditFlag::code)
                    .distinct()
                    .toList();
            assertThat(raised).containsExactlyInAnyOrder(FlagCode.values());
            List<String> texts = new ArrayList<>();
            texts.add(report.toString());
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                texts.add(AuditTexts.summary(report, locale));
                for (AuditEntry e : report.entries()) {
                    for (AuditFlag f : e.flags()) {
                        texts.add(AuditTexts.label(f.code(), locale));
                        texts.add(AuditTexts.describe(e, f, ZoneOffset.UTC, locale));
                        texts.add(f.nextStep(locale));
                        f.detail().keySet().forEach(k -> texts.add(f.detailText(k)));
                    }
                }
            }
            for (String text : texts) {
                for (String value : values) {
                    assertThat(text).doesNotContain(value);
                }
            }
        }

        @Test
        @DisplayName("a reuse and a due-soon flag read as sentences in English and Japanese")
        void sentences() {
            Address a = add("alice@example.net", STRONG_A);
            Address b = add("bob@example.org", STRONG_A);
            clock.set(Instant.parse("2025-07-09T09:00:00Z"));
            verified(a);
            verified(b);
            AuditReport report = audit();
            AuditEntry e = entry(report, a).orElseThrow();

            AuditFlag reused = flag(report, a, FlagCode.REUSED);
            assertThat(AuditTexts.describe(e, reused, ZoneOffset.UTC, Locale.ENGLISH))
                    .isEqualTo("The password (IMAP and SMTP) is the same as a password stored for bob@example.org.");
            assertThat(AuditTexts.describe(e, reused, ZoneOffset.UTC, Locale.JAPANESE))
                    .isEqualTo("パスワード（IMAP・SMTP共通）は、bob@example.orgに保存されているパスワードと同じです。");
            AuditFlag due = flag(report, a, FlagCode.DUE_SOON);
            assertThat(AuditTexts.describe(e, due, ZoneOffset.UTC, Locale.ENGLISH))
                    .isEqualTo(
                            "The password (IMAP and SMTP) is due for a change on 2025-07-10 (tomorrow; policy: every 6 months).");
            assertThat(AuditTexts.describe(e, due, ZoneOffset.UTC, Locale.JAPANESE))
                    .isEqualTo("パスワード（IMAP・SMTP共通）の変更期限は2025-07-10です（明日。変更の目安: 6 か月ごと）。");
            assertThat(reused.nextStep(Locale.JAPANESE)).isEqualTo("アカウントごとに別のパスワードになるよう変更してください。");
            Address separate = addSeparate("carol@example.com", STRONG_A + "-imap", STRONG_A + "-smtp");
            AuditReport withSeparate = audit();
            assertThat(AuditTexts.describe(
                            entry(withSeparate, separate).orElseThrow(),
                            flag(withSeparate, separate, FlagCode.NEVER_VERIFIED),
                            ZoneOffset.UTC,
                            Locale.ENGLISH))
                    .startsWith("The IMAP password ");
            assertThat(AuditTexts.summary(report, Locale.JAPANESE)).isEqualTo("2 件中 2 件のアカウントに注意が必要です（理由 4 件）。");
        }

        @Test
        @DisplayName("every flag has a label, a sentence and a next step in both bundles")
        void bundlesComplete() {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                for (FlagCode code : FlagCode.values()) {
                    assertThat(AuditTexts.label(code, locale)).isNotBlank();
                    assertThat(AuditTexts.nextStep(new AuditFlag(code, Optional.empty(), null), locale))
                            .isNotBlank();
                }
            }
            assertThat(AuditTexts.label(FlagCode.WEAK, Locale.JAPANESE)).isEqualTo("推測されやすい");
            assertThat(AuditTexts.label(FlagCode.WEAK, Locale.ENGLISH)).isEqualTo("Weak");
        }
    }
}
