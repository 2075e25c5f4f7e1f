package dev.mailvault.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A credential's name")
class CredentialRefTest {

    @Test
    @DisplayName("equals and hashes as a record would: same kind and same label")
    void recordEquality() {
        assertThat(CredentialRef.parse("imap")).isEqualTo(CredentialRef.IMAP).hasSameHashCodeAs(CredentialRef.IMAP);
        assertThat(CredentialRef.app(" iPhone ")).isEqualTo(CredentialRef.app("iPhone"));
        assertThat(CredentialRef.app("iPhone").hashCode())
                .isEqualTo(CredentialRef.app("iPhone").hashCode());
        assertThat(CredentialRef.app("iPhone")).isNotEqualTo(CredentialRef.app("iphone"));
        assertThat(CredentialRef.IMAP)
                .isNotEqualTo(CredentialRef.SMTP)
                .isNotEqualTo("imap")
                .isNotEqualTo(null);
        assertThat(Set.of(CredentialRef.IMAP, CredentialRef.SMTP, CredentialRef.app("iPad")))
                .contains(new CredentialRef(CredentialKind.APP, "iPad"))
                .doesNotContain(CredentialRef.PORTAL);
    }
}
