package dev.mailvault.core.doctor;

import static dev.mailvault.core.doctor.DoctorFixtures.CLOCK;
import static dev.mailvault.core.doctor.DoctorFixtures.check;
import static dev.mailvault.core.doctor.DoctorFixtures.daysAgo;
import static dev.mailvault.core.doctor.DoctorFixtures.device;
import static dev.mailvault.core.doctor.DoctorFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.doctor.DoctorFixtures.AccountBuilder;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("vault doctor")
class DoctorTest {
    private static final String GOOD = "Xk7pQ2mZ";

    private static Diagnosis diagnose(AccountBuilder account, SecretsView secrets, List<CheckResult> checks) {
        return diagnose(account, secrets, checks, List.of());
    }

    private static Diagnosis diagnose(
            AccountBuilder account, SecretsView secrets, List<CheckResult> checks, List<DeviceInfo> devices) {
        return Doctor.diagnose(account.build(), account.provider(), secrets, checks, devices, CLOCK);
    }

    private static SecretsView imap(String value) {
        return SecretsView.builder().imap(secret(value)).build();
    }

    private static List<CheckResult> okChecks() {
        return List.of(check(Protocol.IMAP, Outcome.OK, daysAgo(1)), check(Protocol.SMTP, Outcome.OK, daysAgo(1)));
    }

    private static Finding only(Diagnosis d, FindingCode code) {
        List<Finding> found =
                d.findings().stream().filter(f -> f.code() == code).toList();
        assertThat(found).as("findings %s", d.findings()).hasSize(1);
        return found.get(0);
    }

    @Nested
    @DisplayName("when everything is fine")
    class Healthy {
        @Test
        @DisplayName("says so, finds no problem, and still ends with where to reset and which devices")
        void noProblem() {
            AccountBuilder account = new AccountBuilder("gmail", "taro@gmail.com");
            Address address = Address.of("taro@gmail.com");
            Diagnosis d = diagnose(
                    account,
                    imap("abcdefghijklmnop"),
                    okChecks(),
                    List.of(device("Taro's iPhone", DeviceType.IPHONE, address, false)));
            assertThat(d.hasProblems()).isFalse();
            assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.NO_PROBLEM_FOUND);
            assertThat(d.findings())
                    .extracting(Finding::code)
                    .endsWith(FindingCode.RESET_WHERE, FindingCode.DEVICES_TO_UPDATE);
            assertThat(only(d, FindingCode.RESET_WHERE).text(Locale.ENGLISH))
                    .contains("https://myaccount.google.com/apppasswords")
                    .contains("1. ");
            assertThat(only(d, FindingCode.DEVICES_TO_UPDATE).text(Locale.JAPANESE))
                    .contains("Taro's iPhone（iPhone / iPad(メール)）");
            assertThat(only(d, FindingCode.DEVICES_TO_UPDATE).text(Locale.ENGLISH))
                    .contains("Taro's iPhone (iPhone / iPad (Mail))");
        }
    }

    @Nested
    @DisplayName("inspecting a stored value")
    class StoredValues {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {GOOD + " ", " " + GOOD, GOOD + "\n", "\t" + GOOD, GOOD + "\u3000"})
        @DisplayName("finds a space or line break at either end")
        void spaceAtEnds(String value) {
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(value), okChecks());
            Finding f = only(d, FindingCode.SPACE_AT_ENDS);
            assertThat(f.credential()).contains(CredentialRef.IMAP);
            assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(d.hasProblems()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Ｘk7pQ2mZ", "Xk7p\u3000Q2mZ", "Xk7pQ２mZ", "Xk7ｱQ2mZ", "Xk7pQ2m！"})
        @DisplayName("finds full-width letters, digits, symbols, U+3000 and half-width katakana")
        void fullWidth(String value) {
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(value), okChecks());
            assertThat(only(d, FindingCode.FULL_WIDTH_CHARACTERS).text(Locale.JAPANESE))
                    .contains("全角")
                    .contains("日本語入力");
            assertThat(d.has(FindingCode.INVISIBLE_CHARACTERS)).isFalse();
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"200B", "FEFF", "200D", "0009", "00A0", "2060", "0000"})
        @DisplayName("finds invisible and control characters inside the value")
        void invisible(String hex) {
            String value = "Xk7p" + (char) Integer.parseInt(hex, 16) + "Q2mZ";
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(value), okChecks());
            assertThat(only(d, FindingCode.INVISIBLE_CHARACTERS).text(Locale.ENGLISH))
                    .contains("invisible");
            assertThat(d.has(FindingCode.FULL_WIDTH_CHARACTERS)).isFalse();
        }

        @Test
        @DisplayName("finds nothing in a clean value, even with an inner ASCII space or non-Latin letters")
        void clean() {
            for (String value : List.of(GOOD, "pass word 42", "パスワード2026", "Ünïcödé-42")) {
                Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(value), okChecks());
                assertThat(d.hasProblems()).as(value).isFalse();
            }
        }

        @Test
        @DisplayName("finds an empty value")
        void empty() {
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(""), okChecks());
            assertThat(only(d, FindingCode.EMPTY_VALUE).severity()).isEqualTo(Severity.PROBLEM);
        }

        @Test
        @DisplayName("looks at pending values too and says which value it means")
        void pendingValue() {
            SecretsView secrets = SecretsView.builder()
                    .imap(secret(GOOD))
                    .pending(CredentialRef.IMAP, secret(GOOD + " "))
                    .build();
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), secrets, okChecks());
            Finding f = only(d, FindingCode.SPACE_AT_ENDS);
            assertThat(f.text(Locale.ENGLISH)).contains("new value");
            assertThat(f.text(Locale.JAPANESE)).contains("新しい値");
        }

        @Test
        @DisplayName("looks at a separate SMTP value, and names it")
        void separateSmtp() {
            SecretsView secrets = SecretsView.builder()
                    .imap(secret(GOOD))
                    .smtp(secret(" " + GOOD))
                    .build();
            Diagnosis d =
                    diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp").separateSmtp(), secrets, okChecks());
            Finding f = only(d, FindingCode.SPACE_AT_ENDS);
            assertThat(f.credential()).contains(CredentialRef.SMTP);
            assertThat(f.text(Locale.ENGLISH)).contains("SMTP password");
        }

        @Test
        @DisplayName("does not close the secrets it was given")
        void leavesSecretsOpen() {
            Secret value = secret(GOOD);
            Doctor.diagnose(
                    new AccountBuilder("gmail", "taro@gmail.com").build(),
                    CATALOG_GMAIL,
                    SecretsView.builder().imap(value).build(),
                    okChecks(),
                    List.of(),
                    CLOCK);
            assertThat(value.isDestroyed()).isFalse();
            assertThat(value.length()).isEqualTo(GOOD.length());
        }
    }

    private static final dev.mailvault.core.provider.Provider CATALOG_GMAIL = DoctorFixtures.CATALOG.byId("gmail");

    @Nested
    @DisplayName("comparing with the portal password")
    class PortalPassword {
        @Test
        @DisplayName("finds a docomo IMAP value equal to the d account (portal) password")
        void docomo() {
            SecretsView secrets = SecretsView.builder()
                    .imap(secret("dAccount!2026"))
                    .portal(secret("dAccount!2026"))
                    .build();
            Diagnosis d = diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), secrets, okChecks());
            Finding f = only(d, FindingCode.SAME_AS_PORTAL_PASSWORD);
            assertThat(f.text(Locale.JAPANESE)).contains("My docomo").contains("メール専用のパスワード");
            assertThat(f.text(Locale.ENGLISH)).contains("a password only for mail");
        }

        @Test
        @DisplayName("finds a Gmail value equal to the Google Account password")
        void gmail() {
            SecretsView secrets = SecretsView.builder()
                    .imap(secret("googlePass99"))
                    .portal(secret("googlePass99"))
                    .build();
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), secrets, okChecks());
            assertThat(only(d, FindingCode.SAME_AS_PORTAL_PASSWORD).text(Locale.ENGLISH))
                    .contains("app password");
        }

        @Test
        @DisplayName("says nothing when the provider wants the account password anyway, or the values differ")
        void notForAccountPasswords() {
            SecretsView same = SecretsView.builder()
                    .imap(secret(GOOD))
                    .portal(secret(GOOD))
                    .build();
            assertThat(diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), same, okChecks())
                            .has(FindingCode.SAME_AS_PORTAL_PASSWORD))
                    .isFalse();
            SecretsView different = SecretsView.builder()
                    .imap(secret("abcdefghij"))
                    .portal(secret("dAccount!2026"))
                    .build();
            assertThat(diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), different, okChecks())
                            .has(FindingCode.SAME_AS_PORTAL_PASSWORD))
                    .isFalse();
        }

        @Test
        @DisplayName("finds a value whose length is not the one the provider issues (docomo: 10)")
        void issuedLength() {
            Diagnosis wrong =
                    diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), imap("abcdefghijk"), okChecks());
            assertThat(only(wrong, FindingCode.UNEXPECTED_LENGTH).text(Locale.ENGLISH))
                    .contains("10");
            Diagnosis right =
                    diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), imap("abcdefghij"), okChecks());
            assertThat(right.has(FindingCode.UNEXPECTED_LENGTH)).isFalse();
        }
    }

    @Nested
    @DisplayName("reading the last checks")
    class Checks {
        @Test
        @DisplayName("IMAP OK but SMTP AUTH_FAILED: the SMTP password or login differs")
        void smtpDiffers() {
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.OK, daysAgo(1)),
                    check(Protocol.SMTP, Outcome.AUTH_FAILED, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(GOOD), checks);
            Finding f = only(d, FindingCode.SMTP_REFUSED_IMAP_ACCEPTED);
            assertThat(f.protocol()).contains(Protocol.SMTP);
            assertThat(f.text(Locale.ENGLISH)).contains("SMTP login name (taro@yahoo.co.jp)");
            assertThat(f.text(Locale.JAPANESE)).contains("SMTPのユーザー名");
            assertThat(d.has(FindingCode.AUTH_FAILED)).isFalse();
        }

        @Test
        @DisplayName("APP_PASSWORD_REQUIRED: says what to do for that provider")
        void appPasswordRequired() {
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.APP_PASSWORD_REQUIRED, daysAgo(1)));
            Diagnosis gmail = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), checks);
            assertThat(only(gmail, FindingCode.APP_PASSWORD_REQUIRED).text(Locale.ENGLISH))
                    .contains("myaccount.google.com/apppasswords")
                    .contains("2-Step Verification");
            Diagnosis docomo = diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), imap("abcdefghij"), checks);
            assertThat(only(docomo, FindingCode.APP_PASSWORD_REQUIRED).text(Locale.JAPANESE))
                    .contains("IMAP専用ID・パスワードの確認");
        }

        @Test
        @DisplayName("uses the advice attached to the server's own words when it knows them")
        void serverTextHint() {
            List<CheckResult> checks = List.of(check(
                    Protocol.IMAP,
                    Slot.CURRENT,
                    Outcome.ACCOUNT_LOCKED,
                    daysAgo(1),
                    "[ALERT] Please log in via your web browser"));
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), checks);
            assertThat(only(d, FindingCode.ACCOUNT_LOCKED).text(Locale.ENGLISH))
                    .contains("Stop retrying")
                    .contains("Sign in to Gmail in a browser");
        }

        @Test
        @DisplayName("OAUTH_REQUIRED: explains that no password can work for Outlook.com")
        void oauthRequired() {
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.OAUTH_REQUIRED, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("outlook", "taro@outlook.jp"), imap(GOOD), checks);
            String text = only(d, FindingCode.OAUTH_REQUIRED).text(Locale.ENGLISH);
            assertThat(text).contains("OAuth").contains("2024");
            assertThat(only(d, FindingCode.RESET_WHERE).text(Locale.JAPANESE)).contains("OAuth");
        }

        @Test
        @DisplayName("an OAuth-only provider is a problem even without a check: no password works, use its sign-in")
        void oauthOnlyProvider() {
            Diagnosis d = diagnose(new AccountBuilder("outlook", "ichiro@outlook.com"), imap(GOOD), List.of());
            assertThat(d.hasProblems()).isTrue();
            assertThat(d.has(FindingCode.NO_PROBLEM_FOUND)).isFalse();
            Finding oauth = only(d, FindingCode.OAUTH_REQUIRED);
            assertThat(oauth.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(oauth.protocol()).isEmpty();
            assertThat(oauth.credential()).isEmpty();
            assertThat(d.problems()).containsExactly(oauth);
            assertThat(oauth.text(Locale.ENGLISH))
                    .startsWith("Outlook.com accepts no password for IMAP or SMTP")
                    .contains("sign-in (OAuth)")
                    .contains("use a mail app that supports the provider's sign-in")
                    .contains("since 16 September 2024");
            assertThat(oauth.text(Locale.JAPANESE))
                    .startsWith("Outlook.comはIMAP・SMTPでパスワードを受け付けず")
                    .contains("サインイン（OAuth）")
                    .contains("2024年9月16日");
        }

        @Test
        @DisplayName("an OAuth-only provider's skipped checks and refusals are not explained a second time")
        void oauthOnlyOnce() {
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Slot.CURRENT, Outcome.SKIPPED, daysAgo(1), "OAUTH_ONLY"),
                    check(Protocol.SMTP, Outcome.OAUTH_REQUIRED, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("outlook", "ichiro@outlook.com"), imap(GOOD), checks);
            assertThat(only(d, FindingCode.OAUTH_REQUIRED).protocol()).isEmpty();
            assertThat(d.has(FindingCode.CHECK_SKIPPED)).isTrue();
        }

        @Test
        @DisplayName("AUTH_FAILED right after a rotation: the provider or a device has not been updated")
        void afterRotation() {
            AccountBuilder account = new AccountBuilder("softbank", "taro@i.softbank.jp").changed(daysAgo(2), 3);
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(1)));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            Finding f = only(d, FindingCode.NOT_UPDATED_AFTER_ROTATION);
            assertThat(f.text(Locale.ENGLISH)).contains("2026-11-27").contains("My SoftBank");
            assertThat(d.has(FindingCode.AUTH_FAILED)).isFalse();
        }

        @Test
        @DisplayName("AUTH_FAILED while a new value is pending: same explanation, mentioning the pending value")
        void pendingExists() {
            AccountBuilder account = new AccountBuilder("softbank", "taro@i.softbank.jp").pendingSince(daysAgo(1));
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(0)));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(only(d, FindingCode.NOT_UPDATED_AFTER_ROTATION).text(Locale.ENGLISH))
                    .contains("pending");
        }

        @Test
        @DisplayName("AUTH_FAILED long after the last change: a plain refusal with the provider's hint")
        void plainAuthFailed() {
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("softbank", "taro@i.softbank.jp"), imap(GOOD), checks);
            String text = only(d, FindingCode.AUTH_FAILED).text(Locale.JAPANESE);
            assertThat(text).contains("157").contains("taro");
            assertThat(d.has(FindingCode.NOT_UPDATED_AFTER_ROTATION)).isFalse();
        }

        @Test
        @DisplayName("a failed check older than the last change tested an old value and is not blamed on it")
        void checkOlderThanChange() {
            AccountBuilder account = new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp").changed(daysAgo(3), 1);
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(5)));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(d.has(FindingCode.CHECK_OLDER_THAN_CHANGE)).isTrue();
            assertThat(d.has(FindingCode.AUTH_FAILED)).isFalse();
            assertThat(d.has(FindingCode.NOT_UPDATED_AFTER_ROTATION)).isFalse();
        }

        @Test
        @DisplayName("only the newest check per protocol counts, whatever the order of the list")
        void newestWins() {
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.OK, daysAgo(1)),
                    check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(3)),
                    check(Protocol.SMTP, Outcome.OK, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp"), imap(GOOD), checks);
            assertThat(d.hasProblems()).isFalse();
        }

        @Test
        @DisplayName("ACCOUNT_LOCKED: stop retrying, wait, use the provider's web login")
        void locked() {
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Outcome.ACCOUNT_LOCKED, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("docomo", "taro@docomo.ne.jp"), imap("abcdefghij"), checks);
            String en = only(d, FindingCode.ACCOUNT_LOCKED).text(Locale.ENGLISH);
            assertThat(en).contains("Stop retrying").contains("Wait").contains("My docomo");
            assertThat(only(d, FindingCode.ACCOUNT_LOCKED).text(Locale.JAPANESE))
                    .contains("再試行はやめて");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Outcome.class,
                names = {"TLS_REQUIRED", "TLS_CERT_INVALID", "TLS_HOSTNAME_MISMATCH", "TLS_ERROR"})
        @DisplayName("a TLS outcome is explained with the host and what to check")
        void tls(Outcome outcome) {
            List<CheckResult> checks = List.of(check(Protocol.SMTP, outcome, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), checks);
            Finding f = only(d, FindingCode.TLS_PROBLEM);
            assertThat(f.text(Locale.ENGLISH)).contains("smtp.example.net:465").contains("SMTP");
            assertThat(f.text(Locale.JAPANESE)).contains("smtp.example.net:465");
            assertThat(f.credential()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Outcome.class,
                names = {
                    "DNS_FAILURE",
                    "CONNECT_REFUSED",
                    "CONNECT_TIMEOUT",
                    "READ_TIMEOUT",
                    "SERVER_UNAVAILABLE",
                    "PROTOCOL_ERROR"
                })
        @DisplayName("a connection outcome is explained as not a password problem")
        void connection(Outcome outcome) {
            List<CheckResult> checks = List.of(check(Protocol.IMAP, outcome, daysAgo(1)));
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), checks);
            assertThat(only(d, FindingCode.CONNECTION_PROBLEM).text(Locale.ENGLISH))
                    .contains("not a password problem");
            assertThat(only(d, FindingCode.CONNECTION_PROBLEM).text(Locale.JAPANESE))
                    .contains("。パスワードの問題ではありません。")
                    .as("no space joins two Japanese sentences")
                    .doesNotContain("。 ");
        }

        @Test
        @DisplayName("the pending value accepted while the current one is refused: make it current")
        void pendingAccepted() {
            AccountBuilder account = new AccountBuilder("gmail", "taro@gmail.com").pendingSince(daysAgo(1));
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(0)),
                    check(Protocol.IMAP, Slot.PENDING, Outcome.OK, daysAgo(0), ""));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(d.has(FindingCode.PENDING_ACCEPTED)).isTrue();
        }

        @Test
        @DisplayName("the pending value refused: it has not been changed at the provider yet")
        void pendingRefused() {
            AccountBuilder account = new AccountBuilder("softbank", "taro@i.softbank.jp").pendingSince(daysAgo(1));
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.OK, daysAgo(0)),
                    check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(0), ""));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(only(d, FindingCode.PENDING_REFUSED).text(Locale.ENGLISH))
                    .contains("My SoftBank");
        }

        @Test
        @DisplayName("no checks at all: says the findings come from the stored values only")
        void noChecks() {
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap("abcdefghijklmnop"), List.of());
            assertThat(d.has(FindingCode.NO_CHECKS)).isTrue();
            assertThat(d.hasProblems()).isFalse();
        }
    }

    @Nested
    @DisplayName("reading checks of a pending value")
    class PendingChecks {
        @Test
        @DisplayName("after the pending value was abandoned, its old checks are not explained any more")
        void abandoned() {
            AccountBuilder account = new AccountBuilder("gmail", "taro@gmail.com");
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(1)),
                    check(Protocol.IMAP, Slot.PENDING, Outcome.OK, daysAgo(1), ""),
                    check(Protocol.SMTP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(1), ""));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(d.has(FindingCode.PENDING_ACCEPTED)).isFalse();
            assertThat(d.has(FindingCode.PENDING_REFUSED)).isFalse();
            assertThat(only(d, FindingCode.AUTH_FAILED).protocol()).contains(Protocol.IMAP);
        }

        @Test
        @DisplayName("only checks made since the value became pending count for it, not those of an earlier one")
        void earlierPendingValue() {
            AccountBuilder account = new AccountBuilder("softbank", "taro@i.softbank.jp").pendingSince(daysAgo(1));
            Diagnosis earlier = diagnose(
                    account,
                    imap(GOOD),
                    List.of(
                            check(Protocol.IMAP, Outcome.OK, daysAgo(0)),
                            check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(2), "")));
            assertThat(earlier.has(FindingCode.PENDING_REFUSED)).isFalse();
            assertThat(earlier.hasProblems()).isFalse();

            Diagnosis sameMoment = diagnose(
                    account,
                    imap(GOOD),
                    List.of(
                            check(Protocol.IMAP, Outcome.OK, daysAgo(0)),
                            check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(1), "")));
            assertThat(sameMoment.has(FindingCode.PENDING_REFUSED)).isTrue();
        }

        @Test
        @DisplayName("after a verified promotion, the check that proved the value counts as a check of the current one")
        void promotedByVerify() {
            AccountBuilder account = new AccountBuilder("gmail", "taro@gmail.com").changed(daysAgo(1), 2);
            List<CheckResult> checks = List.of(
                    check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(2)),
                    check(Protocol.SMTP, Outcome.AUTH_FAILED, daysAgo(2)),
                    check(Protocol.IMAP, Slot.PENDING, Outcome.OK, daysAgo(1), ""),
                    check(Protocol.SMTP, Slot.PENDING, Outcome.OK, daysAgo(1), ""));
            Diagnosis d = diagnose(account, imap("abcdefghijklmnop"), checks);
            assertThat(d.has(FindingCode.PENDING_ACCEPTED)).isFalse();
            assertThat(d.has(FindingCode.CHECK_OLDER_THAN_CHANGE)).isFalse();
            assertThat(d.has(FindingCode.NO_CHECKS)).isFalse();
            assertThat(d.has(FindingCode.NO_PROBLEM_FOUND))
                    .as("findings %s", d.findings())
                    .isTrue();
        }

        @Test
        @DisplayName("after a promotion without a successful check, the old pending checks say nothing")
        void promotedUnverified() {
            AccountBuilder account = new AccountBuilder("softbank", "taro@i.softbank.jp")
                    .changed(daysAgo(1), 2)
                    .promotedUnverified();
            List<CheckResult> checks = List.of(check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(1), ""));
            Diagnosis d = diagnose(account, imap(GOOD), checks);
            assertThat(d.has(FindingCode.PENDING_REFUSED)).isFalse();
            assertThat(d.has(FindingCode.NO_CHECKS)).isTrue();
        }
    }

    @Nested
    @DisplayName("at the end")
    class Ending {
        @Test
        @DisplayName("lists the devices that still hold an old value as a problem, and all devices to update")
        void devices() {
            Address address = Address.of("taro@docomo.ne.jp");
            List<DeviceInfo> devices = List.of(
                    device("iPhone 15", DeviceType.IPHONE, address, true),
                    device("Office PC", DeviceType.OUTLOOK_WINDOWS, address, false),
                    device("Other phone", DeviceType.ANDROID, Address.of("hanako@docomo.ne.jp"), true));
            Diagnosis d = diagnose(
                    new AccountBuilder("docomo", "taro@docomo.ne.jp"), imap("abcdefghij"), okChecks(), devices);
            assertThat(d.hasProblems()).isTrue();
            assertThat(only(d, FindingCode.DEVICES_NEED_REENTRY).text(Locale.ENGLISH))
                    .contains("iPhone 15")
                    .doesNotContain("Office PC")
                    .doesNotContain("Other phone");
            assertThat(only(d, FindingCode.DEVICES_TO_UPDATE).text(Locale.JAPANESE))
                    .contains("iPhone 15（iPhone / iPad(メール)）、Office PC（Outlook(Windows 10/11)）");
        }

        @Test
        @DisplayName("without registered devices, reminds the user to think of every device")
        void noDevices() {
            Diagnosis d = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), okChecks());
            assertThat(d.has(FindingCode.NO_DEVICES)).isTrue();
        }

        @Test
        @DisplayName("the generic provider has no reset page in the catalog and says so")
        void genericReset() {
            Diagnosis d = diagnose(new AccountBuilder("generic", "taro@example.org"), imap(GOOD), okChecks());
            assertThat(d.has(FindingCode.RESET_UNKNOWN)).isTrue();
            assertThat(d.has(FindingCode.RESET_WHERE)).isFalse();
        }

        @Test
        @DisplayName("an unconfirmed provider's diagnosis says its settings are unconfirmed")
        void unconfirmed() {
            Diagnosis d = diagnose(new AccountBuilder("au", "taro@au.com"), imap(GOOD), okChecks());
            assertThat(only(d, FindingCode.UNCONFIRMED_SETTINGS).text(Locale.JAPANESE))
                    .contains("確認できていません");
            assertThat(d.hasProblems()).isFalse();
            Diagnosis confirmed = diagnose(new AccountBuilder("gmail", "taro@gmail.com"), imap(GOOD), okChecks());
            assertThat(confirmed.has(FindingCode.UNCONFIRMED_SETTINGS)).isFalse();
        }

        @Test
        @DisplayName("an account whose servers differ from the catalog is told so")
        void serverDiffers() {
            AccountBuilder account = new AccountBuilder("gmail", "taro@gmail.com").imap("imap.googlemail.com:993");
            Diagnosis d = diagnose(account, imap(GOOD), okChecks());
            assertThat(only(d, FindingCode.SERVER_DIFFERS_FROM_CATALOG).text(Locale.ENGLISH))
                    .contains("imap.googlemail.com:993:tls")
                    .contains("imap.gmail.com:993:tls");
        }
    }
}
