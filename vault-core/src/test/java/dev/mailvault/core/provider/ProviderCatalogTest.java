package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.internal.CatalogJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The provider catalog")
class ProviderCatalogTest {

    @Test
    @DisplayName("a provider file that cannot be read says why, not only its name again")
    void unreadableFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("providers.json");
        assertThat(ProviderCatalog.cannotRead(file, new AccessDeniedException(file.toString())))
                .hasMessage(file + ": cannot be read: permission denied");
        assertThat(ProviderCatalog.cannotRead(
                        file, new FileSystemException(file.toString(), null, "Input/output error")))
                .hasMessage(file + ": cannot be read: Input/output error");
    }

    @Test
    @DisplayName("a provider file the user may not read is bad input: FILE: cannot be read: permission denied")
    void unreadableFileOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("providers.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root may read anything");
        assertThatThrownBy(() -> ProviderCatalog.readFile(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": cannot be read: permission denied");
    }

    private final ProviderCatalog catalog = ProviderCatalog.builtIn();

    @Nested
    @DisplayName("looking up an address")
    class Lookup {
        @Test
        @DisplayName("finds the entry by the address's domain")
        void exactDomain() {
            assertThat(catalog.lookup(Address.of("taro@docomo.ne.jp")).id()).isEqualTo("docomo");
            assertThat(catalog.lookup(Address.of("taro@ezweb.ne.jp")).id()).isEqualTo("au");
            assertThat(catalog.lookup(Address.of("taro@hotmail.co.jp")).id()).isEqualTo("outlook");
            assertThat(catalog.lookup(Address.of("taro@me.com")).id()).isEqualTo("icloud");
        }

        @Test
        @DisplayName("ignores the case of the domain")
        void caseInsensitive() {
            assertThat(catalog.lookup(Address.of("Taro@GMail.COM")).id()).isEqualTo("gmail");
            assertThat(catalog.lookup(Address.of("taro@I.SoftBank.JP")).id()).isEqualTo("softbank");
        }

        @Test
        @DisplayName("finds a subdomain's entry through its parent domain")
        void subdomain() {
            assertThat(catalog.lookup(Address.of("taro@mail.docomo.ne.jp")).id())
                    .isEqualTo("docomo");
            assertThat(catalog.lookup(Address.of("taro@a.b.gmail.com")).id()).isEqualTo("gmail");
        }

        @Test
        @DisplayName("does not match a domain that merely ends with the same letters")
        void noSuffixConfusion() {
            assertThat(catalog.find(Address.of("taro@notgmail.com"))).isEmpty();
            assertThat(catalog.find(Address.of("taro@softbank.jp"))).isEmpty();
        }

        @Test
        @DisplayName("falls back to the generic entry for an unknown domain")
        void unknownIsGeneric() {
            assertThat(catalog.lookup(Address.of("taro@example.org")).id()).isEqualTo("generic");
            assertThat(catalog.find(Address.of("taro@example.org"))).isEmpty();
            assertThat(catalog.find(Address.of("taro@ne.jp"))).isEmpty();
        }

        @Test
        @DisplayName("gives default login names by the provider's login form")
        void loginNames() {
            Address a = Address.of("taro@icloud.com");
            Provider icloud = catalog.lookup(a);
            assertThat(icloud.imapLogin(a)).contains("taro");
            assertThat(icloud.smtpLogin(a)).contains("taro@icloud.com");
            Address d = Address.of("taro@docomo.ne.jp");
            assertThat(catalog.lookup(d).imapLogin(d)).isEmpty();
        }
    }

    @Test
    @DisplayName("byId names the known ids when an id is unknown")
    void byIdUnknown() {
        assertThat(catalog.byId("GMAIL").id()).isEqualTo("gmail");
        assertThatThrownBy(() -> catalog.byId("nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("docomo");
    }

    @Test
    @DisplayName("the built-in catalog survives a write and a read unchanged")
    void roundTrip() {
        List<Provider> all = catalog.all();
        assertThat(CatalogJson.read(catalog.toJson(), "test")).isEqualTo(all);
    }

    @Nested
    @DisplayName("with a user's overrides file")
    class Overrides {
        @TempDir
        Path dir;

        @Test
        @DisplayName("a missing file changes nothing")
        void missingFile() {
            assertThat(catalog.withOverrides(dir.resolve("providers.json"))).isSameAs(catalog);
        }

        @Test
        @DisplayName("an entry with a known id replaces the built-in one")
        void replaces() throws Exception {
            Provider mine = copy(catalog.byId("au"), "au", List.of("au.com", "ezweb.ne.jp"), true);
            Path file = write(List.of(mine));
            ProviderCatalog merged = catalog.withOverrides(file);
            assertThat(merged.byId("au").confirmed()).isTrue();
            assertThat(merged.lookup(Address.of("x@au.com")).confirmed()).isTrue();
            assertThat(merged.all()).hasSameSizeAs(catalog.all());
        }

        @Test
        @DisplayName("a new entry is added, and a domain it claims moves to it")
        void addsAndClaimsDomains() throws Exception {
            Provider mine = copy(catalog.byId("gmail"), "my-gmail", List.of("googlemail.com", "example.jp"), false);
            ProviderCatalog merged = catalog.withOverrides(write(List.of(mine)));
            assertThat(merged.lookup(Address.of("x@example.jp")).id()).isEqualTo("my-gmail");
            assertThat(merged.lookup(Address.of("x@googlemail.com")).id()).isEqualTo("my-gmail");
            assertThat(merged.lookup(Address.of("x@gmail.com")).id()).isEqualTo("gmail");
            assertThat(merged.byId("gmail").domains()).containsExactly("gmail.com");
        }

        @Test
        @DisplayName("a malformed file is refused with the file name and the line")
        void malformed() throws Exception {
            Path file = dir.resolve("providers.json");
            Files.writeString(file, "{\n  \"format\": 1,\n  \"providers\": [\n    { \"id\": \n");
            assertThatThrownBy(() -> catalog.withOverrides(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("line");
        }

        @Test
        @DisplayName("an entry with an unknown field or a text in one language only is refused, naming where")
        void strictFields() throws Exception {
            Path file = dir.resolve("providers.json");
            String json = new String(CatalogJson.write(List.of(catalog.byId("au"))), StandardCharsets.UTF_8);
            Files.writeString(file, json.replace("\"password\"", "\"pasword\""));
            assertThatThrownBy(() -> catalog.withOverrides(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("id 'au'")
                    .hasMessageContaining("pasword");
            Files.writeString(file, json.replaceFirst("\"en\" : \"au mail\"", "\"xx\" : \"au mail\""));
            assertThatThrownBy(() -> catalog.withOverrides(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("names");
        }

        @Test
        @DisplayName("a plain-text server or an http portal cannot be entered")
        void refusesInsecureEntries() throws Exception {
            Path file = dir.resolve("providers.json");
            String json = new String(CatalogJson.write(List.of(catalog.byId("au"))), StandardCharsets.UTF_8);
            Files.writeString(file, json.replace("\"security\" : \"tls\"", "\"security\" : \"plain\""));
            assertThatThrownBy(() -> catalog.withOverrides(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("plain");
            Files.writeString(file, json.replace("https://www.au.com", "http://www.au.com"));
            assertThatThrownBy(() -> catalog.withOverrides(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("https");
        }

        private Path write(List<Provider> providers) throws Exception {
            Path file = dir.resolve("providers.json");
            Files.write(file, CatalogJson.write(providers));
            return file;
        }
    }

    @Test
    @DisplayName("the overrides file lives under XDG_CONFIG_HOME, else ~/.config")
    void overridesLocation() {
        Path home = Path.of("/home/taro");
        assertThat(ProviderCatalog.overridesFile(Map.of("XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/xdg/mailvault/providers.json"));
        assertThat(ProviderCatalog.overridesFile(Map.of(), home))
                .isEqualTo(Path.of("/home/taro/.config/mailvault/providers.json"));
        assertThat(ProviderCatalog.overridesFile(Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/taro/.config/mailvault/providers.json"));
    }

    static Provider copy(Provider p, String id, List<String> domains, boolean confirmed) {
        return new Provider(
                id,
                p.names(),
                domains,
                p.imap(),
                p.smtp(),
                p.passwordKind(),
                p.issuedLength(),
                p.portal(),
                p.generate(),
                p.errorTexts(),
                p.authFailureMeansAppPassword(),
                p.hints(),
                LocalDate.of(2026, 11, 1),
                p.source(),
                confirmed);
    }
}
