package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailvault.core.provider.AutoconfigRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("An autoconfig file that is refused, in the user's language")
class AutoconfigRefusedExceptionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern ARGUMENT = Pattern.compile("\\{[0-9]}");

    @TempDir
    Path dir;

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "dev.mailvault.core.provider.ProviderTexts",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static TreeSet<String> arguments(String text) {
        TreeSet<String> found = new TreeSet<>();
        ARGUMENT.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Reason.class)
    @DisplayName("every reason has an English and a Japanese text with the same arguments")
    void everyReasonWorded(Reason reason) {
        String english = bundle(Locale.ROOT).getString(reason.key());
        String japanese = bundle(Locale.JAPANESE).getString(reason.key());
        assertThat(japanese).isNotEqualTo(english);
        assertThat(arguments(japanese)).isEqualTo(arguments(english)).contains("{0}");
        if (!japanese.equals("{0}：{1}") && !japanese.equals("{0}：{1}：{2}")) {
            assertThat(japanese).containsPattern(JAPANESE);
        }
    }

    private AutoconfigRefusedException refusal(Path xml) {
        AutoconfigRefusedException e =
                catchThrowableOfType(() -> ProviderImport.fromAutoconfig(xml, CLOCK), AutoconfigRefusedException.class);
        assertThat(e).isNotNull();
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
        assertThat(e.message(null)).isEqualTo(e.getMessage());
        return e;
    }

    private Path file(String name, String xml) throws Exception {
        return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
    }

    private static String server(String element, String type, String host, String port, String socket) {
        return "<" + element + " type=\"" + type + "\"><hostname>" + host + "</hostname><port>" + port
                + "</port><socketType>" + socket + "</socketType><username>%EMAILADDRESS%</username></" + element
                + ">";
    }

    private static String provider(String domains, String servers) {
        return "<clientConfig version=\"1.1\"><emailProvider id=\"example.jp\">" + domains + servers
                + "</emailProvider></clientConfig>";
    }

    private static final String DOMAIN = "<domain>example.jp</domain>";
    private static final String IMAP = server("incomingServer", "imap", "imap.example.jp", "993", "SSL");
    private static final String SMTP = server("outgoingServer", "smtp", "smtp.example.jp", "465", "SSL");

    @Test
    @DisplayName("a missing file: the English as before, and Japanese")
    void missing() {
        Path xml = dir.resolve("nope.xml");
        AutoconfigRefusedException e = refusal(xml);
        assertThat(e.reason()).isEqualTo(Reason.NO_FILE);
        assertThat(e.getMessage()).isEqualTo(xml + ": no such file");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("ファイル " + xml + " がありません");
    }

    @Test
    @DisplayName("no IMAP server: the English as before, and Japanese")
    void noImap() throws Exception {
        Path xml = file(
                "pop.xml", provider(DOMAIN, server("incomingServer", "pop3", "pop.example.jp", "995", "SSL") + SMTP));
        AutoconfigRefusedException e = refusal(xml);
        assertThat(e.reason()).isEqualTo(Reason.NO_SERVER);
        assertThat(e.getMessage())
                .isEqualTo(xml + ": no <incomingServer type=\"imap\"> (Mail Vault checks IMAP and SMTP logins)");
        assertThat(e.message(Locale.JAPANESE))
                .isEqualTo(xml + "：<incomingServer type=\"imap\"> がありません（Mail Vault は IMAP と SMTP のログインを確認します）");
    }

    @Test
    @DisplayName("only a plain-text SMTP server: the English as before, and Japanese")
    void plainTextOnly() throws Exception {
        Path xml = file(
                "plain.xml",
                provider(DOMAIN, IMAP + server("outgoingServer", "smtp", "smtp.example.jp", "25", "plain")));
        AutoconfigRefusedException e = refusal(xml);
        assertThat(e.reason()).isEqualTo(Reason.PLAIN_TEXT_ONLY);
        assertThat(e.getMessage())
                .isEqualTo(xml + ": the only <outgoingServer type=\"smtp\"> (smtp.example.jp:25) has no encryption"
                        + " (socketType plain). Mail Vault never sends a password without TLS;"
                        + " use a file whose server has socketType SSL or STARTTLS.");
        assertThat(e.message(Locale.JAPANESE))
                .startsWith(xml + "：<outgoingServer type=\"smtp\">（smtp.example.jp:25）は暗号化しない接続")
                .contains("TLS を使わずにパスワードを送ることはしません");
    }

    @Test
    @DisplayName("host placeholders: the English as before, and Japanese")
    void placeholders() throws Exception {
        Path several = file(
                "several.xml",
                provider(
                        DOMAIN + "<domain>example.ne.jp</domain>",
                        server("incomingServer", "imap", "imap.%EMAILDOMAIN%", "993", "SSL") + SMTP));
        AutoconfigRefusedException e = refusal(several);
        assertThat(e.reason()).isEqualTo(Reason.DOMAIN_PLACEHOLDER_AMBIGUOUS);
        assertThat(e.getMessage())
                .isEqualTo(several + ": <incomingServer type=\"imap\"> host 'imap.%EMAILDOMAIN%' depends on the"
                        + " address's domain, which is ambiguous for several domains; give the real host name");
        assertThat(e.message(Locale.JAPANESE)).contains("「imap.%EMAILDOMAIN%」", "ドメインが複数ある");

        Path unknown = file(
                "unknown.xml",
                provider(DOMAIN, IMAP + server("outgoingServer", "smtp", "%EMAILLOCALPART%.smtp.jp", "465", "SSL")));
        e = refusal(unknown);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PLACEHOLDER);
        assertThat(e.getMessage())
                .isEqualTo(unknown + ": <outgoingServer type=\"smtp\"> host '%EMAILLOCALPART%.smtp.jp' holds a"
                        + " placeholder Mail Vault does not fill");
        assertThat(e.message(Locale.JAPANESE)).contains("埋められないプレースホルダー");
    }

    @Test
    @DisplayName("not an autoconfig file, and several providers: the English as before, and Japanese")
    void notAutoconfig() throws Exception {
        Path html = file("page.xml", "<html><body/></html>");
        AutoconfigRefusedException e = refusal(html);
        assertThat(e.reason()).isEqualTo(Reason.WRONG_ROOT);
        assertThat(e.getMessage())
                .isEqualTo(html
                        + ": the root element is <html>; a Thunderbird autoconfig file starts with <clientConfig>");
        assertThat(e.message(Locale.JAPANESE))
                .isEqualTo(html + " のルート要素は <html> です。Thunderbird の自動設定ファイルは <clientConfig> で始まります");

        Path text = file("notes.xml", "just some notes\n");
        e = refusal(text);
        assertThat(e.reason()).isEqualTo(Reason.NOT_WELL_FORMED_AT_LINE);
        assertThat(e.getMessage()).startsWith(text + ": not well-formed XML at line 1: ");
        assertThat(e.message(Locale.JAPANESE)).startsWith(text + " の 1 行目：XML として正しくありません（");

        String one = "<emailProvider id=\"a.jp\"><domain>a.jp</domain></emailProvider>";
        Path two = file("two.xml", "<clientConfig>" + one + one + "</clientConfig>");
        e = refusal(two);
        assertThat(e.reason()).isEqualTo(Reason.SEVERAL_PROVIDERS);
        assertThat(e.getMessage())
                .isEqualTo(two + ": <clientConfig> holds 2 <emailProvider> elements; import one provider per file");
        assertThat(e.message(Locale.JAPANESE)).contains("<emailProvider> が 2 個あります");
    }

    @Test
    @DisplayName("the id and the port as written, with apostrophes, in English as before")
    void writtenValues() throws Exception {
        Path id = file("id.xml", "<clientConfig><emailProvider id=\"Bad Id\"/></clientConfig>");
        assertThat(refusal(id).getMessage())
                .isEqualTo(id + ": <emailProvider id=\"Bad Id\"> is not usable as a provider id"
                        + " (lower-case letters, digits, '.' and '-')");
        Path port = file("port.xml", provider(DOMAIN, server("incomingServer", "imap", "imap.example.jp", "x", "SSL")));
        assertThat(refusal(port).getMessage())
                .isEqualTo(port + ": <incomingServer type=\"imap\"> <port> 'x' is not a number");
    }
}
