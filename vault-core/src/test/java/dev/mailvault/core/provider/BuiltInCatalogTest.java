package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.verify.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The built-in provider catalog file")
class BuiltInCatalogTest {
    private static final Set<Integer> IMAP_PORTS = Set.of(993, 143);
    private static final Set<Integer> SMTP_PORTS = Set.of(465, 587);

    static Stream<Provider> entries() {
        return ProviderCatalog.builtIn().all().stream().filter(p -> !p.isGeneric());
    }

    @Test
    @DisplayName("has the carriers, the big free-mail providers and a generic entry")
    void hasTheExpectedEntries() {
        assertThat(ProviderCatalog.builtIn().all())
                .extracting(Provider::id)
                .containsExactlyInAnyOrder(
                        "docomo",
                        "au",
                        "softbank",
                        "ymobile",
                        "yahoo-japan",
                        "yahoo",
                        "gmail",
                        "icloud",
                        "outlook",
                        "generic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every entry has domains, both servers on sane ports with TLS, and a login form")
    void serversAreComplete(Provider p) {
        assertThat(p.domains()).isNotEmpty();
        var imap = p.imap().orElseThrow().endpoint();
        var smtp = p.smtp().orElseThrow().endpoint();
        assertThat(imap.port()).isIn(IMAP_PORTS);
        assertThat(smtp.port()).isIn(SMTP_PORTS);
        // Implicit TLS on the TLS ports, STARTTLS (which is always required) on the others.
        assertThat(imap.security()).isEqualTo(imap.port() == 993 ? Security.TLS : Security.STARTTLS);
        assertThat(smtp.security()).isEqualTo(smtp.port() == 465 ? Security.TLS : Security.STARTTLS);
        assertThat(p.imap().orElseThrow().login()).isNotNull();
        assertThat(p.smtp().orElseThrow().login()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every entry has an https portal with steps in Japanese and English")
    void portalIsComplete(Provider p) {
        Portal portal = p.portal().orElseThrow();
        assertThat(portal.url().getScheme()).isEqualTo("https");
        assertThat(portal.steps()).isNotEmpty();
        for (LocalizedText step : portal.steps()) {
            assertBothLanguages(step);
        }
        assertBothLanguages(portal.name());
        assertBothLanguages(p.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every entry says whether --generate makes sense, with rules or a reason in both languages")
    void generateRulesAreComplete(Provider p) {
        GenerateRules g = p.generate();
        if (g.allowed()) {
            assertThat(g.minLength()).isGreaterThanOrEqualTo(8);
            assertThat(g.defaultLength()).isBetween(g.minLength(), g.maxLength());
            assertThat(g.alphabet()).hasSizeGreaterThanOrEqualTo(10);
        } else {
            assertBothLanguages(g.refusal().orElseThrow());
        }
        if (p.passwordKind() != PasswordKind.ACCOUNT && p.passwordKind() != PasswordKind.IMAP_ONLY) {
            assertThat(g.allowed())
                    .as("a provider that issues the password itself or takes none cannot allow --generate")
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every entry has a verified date, a source, and hints in both languages")
    void provenanceAndHints(Provider p) {
        assertThat(p.verified()).isAfter(LocalDate.of(2024, 1, 1));
        assertThat(p.source()).isNotBlank();
        assertThat(p.hints()).isNotEmpty();
        p.hints().values().forEach(BuiltInCatalogTest::assertBothLanguages);
        p.errorTexts().forEach(e -> e.hint().ifPresent(BuiltInCatalogTest::assertBothLanguages));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("an unconfirmed entry says so in both languages and names its source")
    void unconfirmedEntriesAreFlagged(Provider p) {
        if (p.confirmed()) {
            assertThat(p.unconfirmedNotice(Locale.ENGLISH)).isEmpty();
            assertThat(p.source()).containsPattern("https://");
        } else {
            assertThat(p.source()).containsIgnoringCase("not confirmed");
            assertThat(p.unconfirmedNotice(Locale.ENGLISH).orElseThrow())
                    .contains("not confirmed")
                    .contains(p.source());
            assertThat(p.unconfirmedNotice(Locale.JAPANESE).orElseThrow())
                    .contains("確認できていません")
                    .contains(p.name(Locale.JAPANESE));
        }
    }

    @Test
    @DisplayName("au and Y!mobile are marked unconfirmed, as their servers could not be checked")
    void auAndYmobileAreUnconfirmed() {
        ProviderCatalog catalog = ProviderCatalog.builtIn();
        assertThat(catalog.byId("au").confirmed()).isFalse();
        assertThat(catalog.byId("ymobile").confirmed()).isFalse();
    }

    @Test
    @DisplayName("the starting facts hold: docomo, SoftBank, Gmail, iCloud, Outlook.com and Yahoo! JAPAN")
    void knownFacts() {
        ProviderCatalog c = ProviderCatalog.builtIn();
        Provider docomo = c.byId("docomo");
        assertThat(docomo.imap().orElseThrow().endpoint().toString()).isEqualTo("imap.spmode.ne.jp:993:tls");
        assertThat(docomo.smtp().orElseThrow().endpoint().toString()).isEqualTo("smtp.spmode.ne.jp:465:tls");
        assertThat(docomo.passwordKind()).isEqualTo(PasswordKind.IMAP_ONLY);
        assertThat(docomo.issuedLength()).contains(10);
        assertThat(docomo.generate().allowed()).isFalse();
        assertThat(docomo.rules().authFailureMeansAppPassword()).isTrue();
        assertThat(String.join(" ", docomo.portal().orElseThrow().steps(Locale.JAPANESE)))
                .contains("IMAP専用ID・パスワードの確認")
                .contains("ネットワーク暗証番号")
                .contains("Wi-Fi");

        assertThat(c.byId("softbank").imap().orElseThrow().endpoint().toString())
                .isEqualTo("imap.softbank.jp:993:tls");
        assertThat(String.join(" ", c.byId("softbank").portal().orElseThrow().steps(Locale.ENGLISH)))
                .contains("157");

        Provider gmail = c.byId("gmail");
        assertThat(gmail.smtp().orElseThrow().endpoint().toString()).isEqualTo("smtp.gmail.com:465:tls");
        assertThat(gmail.passwordKind()).isEqualTo(PasswordKind.APP_PASSWORD);
        assertThat(gmail.portal().orElseThrow().url().toString())
                .isEqualTo("https://myaccount.google.com/apppasswords");

        Provider icloud = c.byId("icloud");
        assertThat(icloud.smtp().orElseThrow().endpoint().toString()).isEqualTo("smtp.mail.me.com:587:starttls");
        assertThat(icloud.rules().authFailureMeansAppPassword()).isTrue();

        Provider outlook = c.byId("outlook");
        assertThat(outlook.rules().oauthOnly()).isTrue();
        assertThat(outlook.passwordKind()).isEqualTo(PasswordKind.OAUTH_ONLY);
        assertThat(outlook.hint(Outcome.OAUTH_REQUIRED, Locale.ENGLISH).orElseThrow())
                .contains("2024");

        assertThat(c.byId("yahoo-japan").imap().orElseThrow().endpoint().toString())
                .isEqualTo("imap.mail.yahoo.co.jp:993:tls");
        assertThat(String.join(" ", c.byId("yahoo-japan").portal().orElseThrow().steps(Locale.JAPANESE)))
                .contains("IMAP/POP/SMTPアクセス");

        // Yahoo Mail outside Japan wants an app password and the whole address; Yahoo! JAPAN neither
        Provider yahoo = c.forAccount(null, Address.of("taro@ymail.com"));
        assertThat(yahoo.id()).isEqualTo("yahoo");
        assertThat(yahoo.passwordKind()).isEqualTo(PasswordKind.APP_PASSWORD);
        assertThat(yahoo.imapLogin(Address.of("taro@ymail.com"))).contains("taro@ymail.com");
        assertThat(yahoo.smtp().orElseThrow().endpoint().toString()).isEqualTo("smtp.mail.yahoo.com:465:tls");
        assertThat(c.forAccount(null, Address.of("taro@yahoo.co.jp")).id()).isEqualTo("yahoo-japan");
    }

    @Test
    @DisplayName("known server texts become classifier rules with their outcome")
    void errorTextsBecomeRules() {
        Provider gmail = ProviderCatalog.builtIn().byId("gmail");
        var rule = gmail.rules().texts().stream()
                .filter(r -> r.pattern()
                        .matcher("534-5.7.9 Application-specific password required.")
                        .find())
                .findFirst()
                .orElseThrow();
        assertThat(rule.outcome()).isEqualTo(Outcome.APP_PASSWORD_REQUIRED);
        assertThat(gmail.hintForServerText("[ALERT] Application-specific password required", Locale.JAPANESE))
                .get()
                .asString()
                .contains("アプリ パスワード");
    }

    @Test
    @DisplayName("the generic entry has no servers and no portal, and allows --generate")
    void genericEntry() {
        Provider generic = ProviderCatalog.builtIn().generic();
        assertThat(generic.imap()).isEmpty();
        assertThat(generic.smtp()).isEmpty();
        assertThat(generic.portal()).isEmpty();
        assertThat(generic.domains()).isEmpty();
        assertThat(generic.generate().allowed()).isTrue();
    }

    @Test
    @DisplayName("the provider package's own texts exist in both languages")
    void packageTextsInBothLanguages() {
        for (PasswordKind kind : PasswordKind.values()) {
            Provider p = withKind(kind);
            assertThat(p.passwordKindDescription(Locale.ENGLISH)).isNotBlank().doesNotContain("''");
            assertThat(p.passwordKindDescription(Locale.JAPANESE))
                    .isNotBlank()
                    .isNotEqualTo(p.passwordKindDescription(Locale.ENGLISH));
        }
        for (LoginForm form : LoginForm.values()) {
            assertThat(Provider.loginFormDescription(form, Locale.JAPANESE))
                    .isNotEqualTo(Provider.loginFormDescription(form, Locale.ENGLISH));
        }
    }

    private static Provider withKind(PasswordKind kind) {
        Provider g = ProviderCatalog.builtIn().generic();
        return new Provider(
                g.id(),
                g.names(),
                List.of(),
                g.imap(),
                g.smtp(),
                kind,
                g.issuedLength(),
                g.portal(),
                kind == PasswordKind.OAUTH_ONLY ? GenerateRules.refused(LocalizedText.same("no")) : g.generate(),
                g.errorTexts(),
                false,
                g.hints(),
                g.verified(),
                g.source(),
                true);
    }

    private static void assertBothLanguages(LocalizedText text) {
        assertThat(text.ja()).isNotBlank();
        assertThat(text.en()).isNotBlank();
        // The Japanese text is written in Japanese, not a copy of the English one (brand names aside).
        if (!text.ja().equals(text.en())) {
            assertThat(text.ja()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        }
        // English may quote the Japanese menu names users see on the page, in 「」, and nothing else.
        assertThat(text.en().replaceAll("「[^」]*」|'[^']*'", ""))
                .doesNotContainPattern("[\\p{IsHiragana}\\p{IsHan}]{3,}");
    }
}
