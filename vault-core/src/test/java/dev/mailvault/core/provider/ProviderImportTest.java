package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.provider.internal.CatalogJson;
import dev.mailvault.core.testing.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Importing a Thunderbird autoconfig file")
class ProviderImportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name.replace('/', '_'));
        try (InputStream in = getClass().getResourceAsStream("autoconfig/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Nested
    @DisplayName("of a realistic ISPDB file")
    class Realistic {
        @Test
        @DisplayName("takes the encrypted IMAP and SMTP servers, skipping the plain-text one")
        void choosesEncryptedServers() throws Exception {
            Provider p = ProviderImport.fromAutoconfig(fixture("example-isp.jp.xml"), CLOCK);
            assertThat(p.id()).isEqualTo("example-isp.jp");
            assertThat(p.imap().orElseThrow().endpoint().toString()).isEqualTo("imap.example-isp.jp:993:tls");
            assertThat(p.imap().orElseThrow().login()).isEqualTo(LoginForm.LOCAL_PART);
            assertThat(p.smtp().orElseThrow().endpoint().security()).isEqualTo(Security.STARTTLS);
            assertThat(p.smtp().orElseThrow().endpoint().port()).isEqualTo(587);
            assertThat(p.smtp().orElseThrow().login()).isEqualTo(LoginForm.ADDRESS);
            assertThat(p.domains()).containsExactly("example-isp.jp", "mail.example-isp.jp", "example-isp.ne.jp");
            assertThat(p.name(Locale.JAPANESE)).isEqualTo("Example ISP メール");
            assertThat(p.passwordKind()).isEqualTo(PasswordKind.ACCOUNT);
        }

        @Test
        @DisplayName("marks the entry unconfirmed, dated today, with the file as its source")
        void unconfirmedWithSource() throws Exception {
            Path xml = fixture("example-isp.jp.xml");
            Provider p = ProviderImport.fromAutoconfig(xml, CLOCK);
            assertThat(p.confirmed()).isFalse();
            assertThat(p.verified()).isEqualTo(LocalDate.of(2026, 11, 29));
            assertThat(p.source()).contains(xml.toString());
            assertThat(p.unconfirmedNotice(Locale.ENGLISH)).get().asString().contains(xml.toString());
        }

        @Test
        @DisplayName("an OAuth-only provider gets no --generate and fills %EMAILDOMAIN% in host names")
        void oauthOnly() throws Exception {
            Provider p = ProviderImport.fromAutoconfig(fixture("oauth-only.example.xml"), CLOCK);
            assertThat(p.passwordKind()).isEqualTo(PasswordKind.OAUTH_ONLY);
            assertThat(p.generate().allowed()).isFalse();
            assertThat(p.imap().orElseThrow().endpoint().host()).isEqualTo("imap.oauth.example");
        }

        @Test
        @DisplayName("is saved into the overrides file, which the catalog then uses for its domains")
        void savedAndUsed() throws Exception {
            Path overrides = dir.resolve("config/mailvault/providers.json");
            ProviderImport.importInto(fixture("example-isp.jp.xml"), overrides, CLOCK);
            ProviderCatalog catalog = ProviderCatalog.builtIn().withOverrides(overrides);
            Provider found = catalog.lookup(Address.of("taro@example-isp.jp"));
            assertThat(found.id()).isEqualTo("example-isp.jp");
            assertThat(found.confirmed()).isFalse();
            assertThat(dir.resolve("config/mailvault"))
                    .isDirectoryNotContaining(f -> f.getFileName().toString().endsWith(".tmp"));
        }

        @Test
        @DisplayName("importing again replaces the earlier entry and keeps the others")
        void reimportReplaces() throws Exception {
            Path overrides = dir.resolve("providers.json");
            ProviderImport.importInto(fixture("oauth-only.example.xml"), overrides, CLOCK);
            ProviderImport.importInto(fixture("example-isp.jp.xml"), overrides, CLOCK);
            ProviderImport.importInto(fixture("example-isp.jp.xml"), overrides, CLOCK);
            List<Provider> saved = CatalogJson.read(Files.readAllBytes(overrides), "test");
            assertThat(saved).extracting(Provider::id).containsExactly("oauth.example", "example-isp.jp");
        }

        @Test
        @DisplayName("a malformed overrides file is refused and left as it was")
        void malformedOverridesUntouched() throws Exception {
            Path overrides = dir.resolve("providers.json");
            Files.writeString(overrides, "{ \"format\": 1, \"providers\": [ ");
            Path xml = fixture("example-isp.jp.xml");
            assertThatThrownBy(() -> ProviderImport.importInto(xml, overrides, CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(overrides.toString());
            assertThat(overrides).hasContent("{ \"format\": 1, \"providers\": [ ");
        }
    }

    @Nested
    @DisplayName("of a broken file")
    class Broken {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "truncated.xml      | not well-formed XML at line",
                    "wrong-root.xml     | <html>",
                    "plain-only.xml     | socketType plain",
                    "xxe.xml            | DOCTYPE",
                    "billion-laughs.xml | DOCTYPE",
                    "external-dtd.xml   | DOCTYPE",
                    "pop-only.xml       | no <incomingServer type=\"imap\">",
                    "binary.xml         | not",
                    "bad-port.xml       | port must be between 1 and 65535",
                })
        @DisplayName("is refused with a clear message, and nothing is written")
        void refused(String name, String expected) throws Exception {
            Path xml = fixture("broken/" + name);
            Path overrides = dir.resolve("providers.json");
            assertThatThrownBy(() -> ProviderImport.importInto(xml, overrides, CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(xml.toString())
                    .hasMessageContaining(expected);
            assertThat(overrides).doesNotExist();
            assertThat(dir)
                    .isDirectoryNotContaining(f -> f.getFileName().toString().endsWith(".tmp"));
        }

        @Test
        @DisplayName("an existing overrides file stays byte for byte the same")
        void existingFileUnchanged() throws Exception {
            Path overrides = dir.resolve("providers.json");
            ProviderImport.importInto(fixture("oauth-only.example.xml"), overrides, CLOCK);
            byte[] before = Files.readAllBytes(overrides);
            Path xml = fixture("broken/plain-only.xml");
            assertThatThrownBy(() -> ProviderImport.importInto(xml, overrides, CLOCK))
                    .isInstanceOf(BadInputException.class);
            assertThat(Files.readAllBytes(overrides)).isEqualTo(before);
        }

        @Test
        @DisplayName("the plain-text refusal says why and what would be accepted")
        void plainTextMessage() throws Exception {
            Path xml = fixture("broken/plain-only.xml");
            assertThatThrownBy(() -> ProviderImport.fromAutoconfig(xml, CLOCK))
                    .hasMessageContaining("imap.plain.example:143")
                    .hasMessageContaining("never sends a password without TLS")
                    .hasMessageContaining("SSL or STARTTLS");
        }

        @Test
        @DisplayName("an external entity is never read: its content appears nowhere")
        void externalEntityNotRead() throws Exception {
            Path xml = fixture("broken/xxe.xml");
            assertThatThrownBy(() -> ProviderImport.fromAutoconfig(xml, CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .message()
                    .doesNotContain("root:");
        }

        @Test
        @DisplayName("a file over 1 MiB is refused as too large, and nothing is written")
        void tooLarge() throws Exception {
            Path xml = Files.write(dir.resolve("huge.xml"), new byte[(int) ProviderCatalog.MAX_FILE_BYTES + 1]);
            Path overrides = dir.resolve("providers.json");
            assertThatThrownBy(() -> ProviderImport.importInto(xml, overrides, CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage(xml + ": larger than 1 MiB; an autoconfig file is a few kilobytes");
            assertThat(overrides).doesNotExist();
        }

        @Test
        @DisplayName(
                "an input with no size and no end (a pipe, a device) is read just past 1 MiB and refused as too large")
        void endlessInput() throws Exception {
            Path fifo = SpecialFiles.fifo(dir.resolve("endless.xml"));
            Path overrides = dir.resolve("providers.json");
            // without a limit the whole 64 MiB would be read (and /dev/zero would never end)
            try (AutoCloseable writer = SpecialFiles.feed(fifo, 64L * 1024 * 1024)) {
                assertThatThrownBy(() -> ProviderImport.importInto(fifo, overrides, CLOCK))
                        .isInstanceOf(BadInputException.class)
                        .hasMessage(fifo + ": larger than 1 MiB; an autoconfig file is a few kilobytes");
            }
            assertThat(overrides).doesNotExist();
        }

        @Test
        @DisplayName("a missing file is reported as such")
        void missingFile() {
            Path xml = dir.resolve("nope.xml");
            assertThatThrownBy(() -> ProviderImport.fromAutoconfig(xml, CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("no such file");
        }
    }

    /** An autoconfig file for entry {@code id} serving {@code domains}, with servers elsewhere. */
    private Path autoconfig(String id, String... domains) throws IOException {
        StringBuilder xml = new StringBuilder("<clientConfig version=\"1.1\"><emailProvider id=\"" + id + "\">");
        for (String domain : domains) {
            xml.append("<domain>").append(domain).append("</domain>");
        }
        xml.append("<displayName>Fast mail</displayName>")
                .append("<incomingServer type=\"imap\"><hostname>imap.elsewhere.example</hostname><port>993</port>")
                .append("<socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>")
                .append("<outgoingServer type=\"smtp\"><hostname>smtp.elsewhere.example</hostname><port>465</port>")
                .append("<socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>")
                .append("</emailProvider></clientConfig>");
        Path file = dir.resolve(id + ".xml");
        Files.writeString(file, xml);
        return file;
    }

    @Nested
    @DisplayName("that displaces a built-in provider")
    class BuiltInTakeovers {
        private List<ProviderImport.BuiltInTakeover> takeovers(Path xml) {
            return ProviderImport.builtInTakenOver(ProviderImport.fromAutoconfig(xml, CLOCK));
        }

        @Test
        @DisplayName("names the built-in whose domain another id takes, a parent domain included")
        void domainTakenOver() throws Exception {
            assertThat(takeovers(autoconfig("sub.docomo", "docomo.ne.jp", "example-isp.jp")))
                    .containsExactly(new ProviderImport.BuiltInTakeover(
                            ProviderCatalog.builtIn().byId("docomo"), false, List.of("docomo.ne.jp")));
            assertThat(takeovers(autoconfig("fast.au", "mail.ezweb.ne.jp")))
                    .containsExactly(new ProviderImport.BuiltInTakeover(
                            ProviderCatalog.builtIn().byId("au"), false, List.of("mail.ezweb.ne.jp")));
        }

        @Test
        @DisplayName("names a built-in replaced by its id, with all its domains, the generic entry too")
        void replacedById() throws Exception {
            Provider docomo = ProviderCatalog.builtIn().byId("docomo");
            assertThat(takeovers(autoconfig("docomo", "example-isp.jp")))
                    .containsExactly(new ProviderImport.BuiltInTakeover(docomo, true, List.of("docomo.ne.jp")));
            assertThat(takeovers(autoconfig("generic", "example-isp.jp")))
                    .containsExactly(new ProviderImport.BuiltInTakeover(
                            ProviderCatalog.builtIn().generic(), true, List.of()));
        }

        @Test
        @DisplayName("still names the built-in when the same file was imported before")
        void reimported() throws Exception {
            Path overrides = dir.resolve("providers.json");
            Path xml = autoconfig("sub.docomo", "docomo.ne.jp");
            ProviderImport.importInto(xml, overrides, CLOCK);
            assertThat(ProviderCatalog.builtIn()
                            .withOverrides(overrides)
                            .lookup(Address.of("taro@docomo.ne.jp"))
                            .id())
                    .isEqualTo("sub.docomo");
            assertThat(takeovers(xml)).extracting(t -> t.builtIn().id()).containsExactly("docomo");
        }

        @Test
        @DisplayName("names nothing for a domain no built-in serves")
        void ownDomain() throws Exception {
            assertThat(takeovers(fixture("example-isp.jp.xml"))).isEmpty();
        }

        @Test
        @DisplayName("is never confirmed, even in place of a confirmed built-in")
        void neverConfirmed() throws Exception {
            Path overrides = dir.resolve("providers.json");
            assertThat(ProviderCatalog.builtIn().byId("gmail").confirmed()).isTrue();
            ProviderImport.importInto(autoconfig("gmail", "gmail.com"), overrides, CLOCK);
            ProviderCatalog merged = ProviderCatalog.builtIn().withOverrides(overrides);
            assertThat(merged.byId("gmail").confirmed()).isFalse();
            assertThat(merged.lookup(Address.of("taro@gmail.com")).unconfirmedNotice(Locale.ENGLISH))
                    .isPresent();
        }
    }
}
