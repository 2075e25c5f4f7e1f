package dev.mailvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.CheckTexts.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Mail Vault's own descriptions of a check, in English and Japanese")
class CheckTextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d\\}");

    private static CheckResult result(Outcome outcome, String code, String message) {
        return new CheckResult(
                Protocol.IMAP, Slot.CURRENT, outcome, "127.0.0.1", 1, code, message, "", 13, Instant.EPOCH);
    }

    private static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    @DisplayName("the core's English is today's text, word for word")
    void english() {
        assertThat(Kind.REFUSED_BECAUSE.english("127.0.0.1:1", "Connection refused"))
                .isEqualTo("the connection to 127.0.0.1:1 was refused (Connection refused)");
        assertThat(Kind.CONNECT_TIMED_OUT.english("10.255.255.1:993", CheckTexts.seconds(Duration.ofMillis(1500))))
                .isEqualTo("no connection to 10.255.255.1:993 within 1.5 s");
        assertThat(Kind.NO_ANSWER.english("imap.example.jp:993", CheckTexts.seconds(Duration.ofSeconds(10))))
                .isEqualTo("imap.example.jp:993 did not answer within 10 s");
        assertThat(Kind.LOCKOUT_PROTECTION.english(3, Outcome.AUTH_FAILED))
                .isEqualTo("the last login failed 3 min ago (AUTH_FAILED); not retried to avoid locking the account"
                        + " (use --force, or name the account)");
        assertThat(Kind.OAUTH_ONLY.english("Outlook.com", "IMAP"))
                .isEqualTo("Outlook.com accepts no passwords for IMAP (OAuth only)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    @DisplayName("every description is told again from its English, with its values, and has Japanese words")
    void roundTrip(Kind kind) {
        int count = placeholders(kind.template()).size();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("v" + i + " (x, y)");
        }
        CheckResult r = result(kind.outcome(), "", kind.english(values.toArray()));
        assertThat(CheckTexts.recognize(r)).hasValue(new CheckTexts.Recognized(kind, values));

        String ja = ResourceBundle.getBundle("dev.mailvault.core.verify.CheckTexts", Locale.JAPANESE)
                .getString(kind.name());
        assertThat(new TreeSet<>(placeholders(ja))).isEqualTo(new TreeSet<>(placeholders(kind.template())));
        assertThat(ja)
                .as("a Japanese sentence ends with 。 unless a server's text ends it")
                .matches(".*(。|\\{\\d\\})");
        String worded = CheckTexts.message(r, Locale.JAPANESE);
        assertThat(worded).isNotEqualTo(r.message());
        values.forEach(v -> assertThat(worded).contains(v));
        assertThat(CheckTexts.message(r, Locale.ENGLISH)).isEqualTo(r.message());
    }

    @Test
    @DisplayName("a refused connection reads in Japanese with the host, port and system's reason")
    void refusedInJapanese() {
        CheckResult r =
                result(Outcome.CONNECT_REFUSED, "", "the connection to 127.0.0.1:1 was refused (Connection refused)");
        assertThat(CheckTexts.message(r, Locale.JAPANESE)).isEqualTo("127.0.0.1:1 への接続が拒否されました（Connection refused）。");
        assertThat(CheckTexts.message(r, Locale.ENGLISH))
                .isEqualTo("the connection to 127.0.0.1:1 was refused (Connection refused)");
        assertThat(CheckTexts.message(
                        result(Outcome.CONNECT_TIMEOUT, "", "no connection to 10.255.255.1:993 within 2 s"),
                        Locale.JAPANESE))
                .isEqualTo("2 秒以内に 10.255.255.1:993 に接続できませんでした。");
    }

    @Test
    @DisplayName("a server's own answer stays as the server said it, in any language")
    void serverWordsVerbatim() {
        CheckResult login = result(Outcome.AUTH_FAILED, "AUTHENTICATIONFAILED", "LOGIN failed.");
        assertThat(CheckTexts.message(login, Locale.JAPANESE)).isEqualTo("LOGIN failed.");
        CheckResult smtp = result(Outcome.AUTH_FAILED, "535 5.7.8", "Authentication credentials invalid");
        assertThat(CheckTexts.message(smtp, Locale.JAPANESE)).isEqualTo("Authentication credentials invalid");
        // a server that happens to say one of our sentences is ours only with the outcome it goes with
        CheckResult echo = result(Outcome.AUTH_FAILED, "535", "the server closed the connection");
        assertThat(CheckTexts.message(echo, Locale.JAPANESE)).isEqualTo("the server closed the connection");
        // inside a description, the server's words stay as they are
        CheckResult starttls = result(
                Outcome.TLS_REQUIRED,
                "454 4.7.0",
                "the server offers STARTTLS but refused it, so the password was not sent: TLS not available");
        assertThat(CheckTexts.message(starttls, Locale.JAPANESE)).endsWith("サーバーの応答：TLS not available");
    }
}
