package dev.mailvault.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Keyed digests of secrets")
class KeyedDigestTest {
    private static Secret s(String value) {
        return Secret.copyOf(value.toCharArray());
    }

    @Test
    @DisplayName("equal values give equal digests, different values different ones")
    void equality() {
        try (KeyedDigest digest = KeyedDigest.withRandomKey(new SecureRandom())) {
            KeyedDigest.Digest a = digest.of(s("hunter2-Ｘ"));
            KeyedDigest.Digest b = digest.of(s("hunter2-Ｘ"));
            KeyedDigest.Digest c = digest.of(s("hunter2-X"));
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        }
    }

    @Test
    @DisplayName("under another key the same value gives another digest")
    void keyed() {
        try (KeyedDigest one = KeyedDigest.withRandomKey(new SecureRandom());
                KeyedDigest two = KeyedDigest.withRandomKey(new SecureRandom())) {
            assertThat(one.of(s("same value"))).isNotEqualTo(two.of(s("same value")));
        }
    }

    @Test
    @DisplayName("a digest prints nothing of the value, and a closed digest refuses work")
    void redactedAndClosed() {
        KeyedDigest digest = KeyedDigest.withRandomKey(new SecureRandom());
        assertThat(digest.of(s("value")).toString()).isEqualTo("Digest[redacted]");
        digest.close();
        assertThat(digest.isDestroyed()).isTrue();
        assertThatThrownBy(() -> digest.of(s("value"))).isInstanceOf(IllegalStateException.class);
    }
}
