package dev.mailvault.core.doctor;

import static dev.mailvault.core.doctor.DoctorFixtures.CLOCK;
import static dev.mailvault.core.doctor.DoctorFixtures.check;
import static dev.mailvault.core.doctor.DoctorFixtures.daysAgo;
import static dev.mailvault.core.doctor.DoctorFixtures.device;
import static dev.mailvault.core.doctor.DoctorFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.doctor.DoctorFixtures.AccountBuilder;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The doctor's texts")
class DoctorTextsTest {

    /** Diagnoses that, together, produce every finding code. */
    static List<Diagnosis> everyFinding() {
        List<Diagnosis> all = new ArrayList<>();
        Address docomo = Address.of("taro@docomo.ne.jp");
        all.add(Doctor.diagnose(
                new AccountBuilder("docomo", "taro@docomo.ne.jp")
                        .changed(daysAgo(2), 2)
                        .pendingSince(daysAgo(1))
                        .imap("imap.docomo.example:993")
                        .build(),
                DoctorFixtures.CATALOG.byId("docomo"),
                SecretsView.builder()
                        .imap(secret("same-as-portal "))
                        .portal(secret("same-as-portal "))
                        .pending(CredentialRef.IMAP, secret("Ａ\u200B"))
                        .current(CredentialRef.app("iPhone"), secret(""))
                        .build(),
                List.of(
                        check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(1)),
                        check(Protocol.SMTP, Outcome.TLS_CERT_INVALID, daysAgo(1)),
                        check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, daysAgo(1), "")),
                List.of(device("iPhone", DeviceType.IPHONE, docomo, true)),
                CLOCK));
        for (Outcome outcome : List.of(
                Outcome.AUTH_FAILED,
                Outcome.APP_PASSWORD_REQUIRED,
                Outcome.OAUTH_REQUIRED,
                Outcome.PASSWORD_EXPIRED,
                Outcome.ACCOUNT_LOCKED,
                Outcome.RATE_LIMITED,
                Outcome.CONNECT_TIMEOUT,
                Outcome.SKIPPED)) {
            all.add(Doctor.diagnose(
                    new AccountBuilder("generic", "taro@example.org").build(),
                    DoctorFixtures.CATALOG.generic(),
                    SecretsView.empty(),
                    List.of(check(Protocol.IMAP, outcome, daysAgo(1))),
                    List.of(),
                    CLOCK));
        }
        AccountBuilder gmail = new AccountBuilder("gmail", "taro@gmail.com")
                .separateSmtp()
                .changed(daysAgo(3), 1)
                .pendingSince(daysAgo(1));
        all.add(Doctor.diagnose(
                gmail.build(),
                gmail.provider(),
                SecretsView.builder().imap(secret("abcdefghijklmnop")).build(),
                List.of(
                        check(Protocol.IMAP, Outcome.OK, daysAgo(1)),
                        check(Protocol.SMTP, Outcome.AUTH_FAILED, daysAgo(1)),
                        check(Protocol.SMTP, Slot.PENDING, Outcome.OK, daysAgo(1), "")),
                List.of(),
                CLOCK));
        all.add(Doctor.diagnose(
                gmail.build(),
                gmail.provider(),
                SecretsView.empty(),
                List.of(
                        check(Protocol.SMTP, Outcome.OK, daysAgo(1)),
                        check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(1)),
                        check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(9))),
                List.of(),
                CLOCK));
        all.add(Doctor.diagnose(gmail.build(), gmail.provider(), SecretsView.empty(), List.of(), List.of(), CLOCK));
        all.add(Doctor.diagnose(
                new AccountBuilder("yahoo-japan", "taro@yahoo.co.jp")
                        .changed(daysAgo(1), 1)
                        .build(),
                DoctorFixtures.CATALOG.byId("yahoo-japan"),
                SecretsView.empty(),
                List.of(check(Protocol.IMAP, Outcome.AUTH_FAILED, daysAgo(2))),
                List.of(),
                CLOCK));
        return all;
    }

    @Test
    @DisplayName("every finding code occurs in the sample diagnoses, so every text below is rendered")
    void coverage() {
        Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
        everyFinding().forEach(d -> seen.addAll(d.codes()));
        assertThat(seen).containsExactlyInAnyOrder(FindingCode.values());
    }

    @Test
    @DisplayName("render completely in both languages: no placeholder left, Japanese in Japanese")
    void renderInBothLanguages() {
        for (Diagnosis d : everyFinding()) {
            for (Finding f : d.findings()) {
                String ja = f.text(Locale.JAPANESE);
                String en = f.text(Locale.ENGLISH);
                assertThat(List.of(ja, en))
                        .allSatisfy(text -> assertThat(text)
                                .as(f.toString())
                                .isNotBlank()
                                .doesNotContainPattern("\\{\\d")
                                .doesNotContain("''"));
                assertThat(ja).as(f.toString()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
                if (f.code() != FindingCode.DEVICES_TO_UPDATE && f.code() != FindingCode.DEVICES_NEED_REENTRY) {
                    assertThat(ja).as(f.toString()).isNotEqualTo(en);
                }
                // Quoted Japanese menu names and the cited source's page titles are fine in English.
                String cited = d.providerId().isEmpty()
                        ? ""
                        : DoctorFixtures.CATALOG.byId(d.providerId()).source();
                assertThat(en.replace(cited, "").replaceAll("「[^」]*」", ""))
                        .as(f.toString())
                        .doesNotContainPattern("[\\p{IsHiragana}\\p{IsHan}]{3,}");
            }
        }
    }

    @Test
    @DisplayName("an English locale gets English even when the JVM's default locale is Japanese")
    void noFallbackToDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            Finding f = everyFinding().get(0).findings().stream()
                    .filter(x -> x.code() == FindingCode.SAME_AS_PORTAL_PASSWORD)
                    .findFirst()
                    .orElseThrow();
            assertThat(f.text(Locale.ENGLISH)).doesNotContainPattern("[\\p{IsHiragana}]");
            assertThat(f.text(Locale.US)).isEqualTo(f.text(Locale.ENGLISH));
            assertThat(f.text(Locale.JAPAN)).isEqualTo(f.text(Locale.JAPANESE));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("both bundles hold the same keys, and one for every finding code")
    void sameKeys() throws IOException {
        Properties en = load("DoctorTexts.properties");
        Properties ja = load("DoctorTexts_ja.properties");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (FindingCode code : FindingCode.values()) {
            assertThat(en).containsKey("finding." + code.name());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Doctor.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
