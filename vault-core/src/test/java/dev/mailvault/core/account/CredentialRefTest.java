package dev.mailvault.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
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

    @Test
    @DisplayName("a new app password's label is printable: a line break, tab or escape inside it is refused")
    void labelPrintable() {
        for (String label : new String[] {"a\nb", "a\tb", "a\u001b[2Jb", "a\rb"}) {
            assertThatThrownBy(() -> CredentialRef.parse("app:" + label))
                    .as(label)
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("an app password label has printable characters only");
        }
        assertThat(CredentialRef.parse("app:My iPhone (2), 日本").label()).isEqualTo("My iPhone (2), 日本");
        // around it, spaces and line ends are dropped as before
        assertThat(CredentialRef.parse("app:iPad\n").label()).isEqualTo("iPad");
    }
}
