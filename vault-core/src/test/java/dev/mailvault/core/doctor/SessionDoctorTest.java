package dev.mailvault.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.testing.TestVaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The doctor over an open vault")
class SessionDoctorTest {
    @TempDir
    Path dir;

    private VaultSession open() {
        VaultService service = TestVaults.service(Clock.systemUTC(), dir.resolve("state"));
        return TestVaults.create(service, dir.resolve("vault.db"));
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
