package dev.mailvault.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mailvault.core.crypto.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Password strength")
class PasswordStrengthTest {

    private static PasswordStrength.Result measure(String value, List<String> inputs, Locale locale) {
        try (Secret secret = Secret.copyOf(value.toCharArray())) {
            return PasswordStrength.measure(secret, inputs, locale);
        }
    }

    @Test
    @DisplayName("a common password scores 0 with a warning")
    void commonPassword() {
        PasswordStrength.Result result = measure("password", List.of(), Locale.ENGLISH);
        assertThat(result.score()).isZero();
        assertThat(result.good()).isFalse();
        assertThat(result.warning()).isNotEmpty();
    }

    @Test
    @DisplayName("a long random passphrase scores 4")
    void longPassphrase() {
        PasswordStrength.Result result = measure("tarp-Wobbly-7-quince-Harbor-glyph", List.of(), Locale.ENGLISH);
        assertThat(result.score()).isEqualTo(4);
        assertThat(result.good()).isTrue();
    }

    @Test
    @DisplayName("the user's own words count as known to an attacker")
    void userInputsLowerTheScore() {
        String value = "kazuhiro.tanaka1987";
        int without = measure(value, List.of(), Locale.ENGLISH).score();
        int with =
                measure(value, List.of("Kazuhiro.Tanaka1987"), Locale.ENGLISH).score();
        assertThat(with).isLessThan(without);
    }

    @Test
    @DisplayName("feedback comes in Japanese when asked")
    void japaneseFeedback() {
        PasswordStrength.Result result = measure("password", List.of(), Locale.JAPANESE);
        assertThat(result.warning())
                .isNotEqualTo(measure("password", List.of(), Locale.ENGLISH).warning());
        assertThat(result.warning()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA
                                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KATAKANA))
                .isTrue();
    }

    @Test
    @DisplayName("an empty password scores 0 and leaves the secret usable by its owner")
    void emptyPassword() {
        try (Secret secret = Secret.copyOf(new char[0])) {
            assertThat(PasswordStrength.measure(secret, List.of(), Locale.ENGLISH)
                            .score())
                    .isZero();
            assertThat(secret.isDestroyed()).isFalse();
        }
    }

    @Test
    @DisplayName("a long value is rated by its first 64 characters, in seconds, not minutes")
    void longValueRatedByItsBeginning() {
        // random characters, many of them l33t substitutes, make zxcvbn slowest: 512 took minutes
        Random random = new Random(7);
        String alphabet = "4@8({[<3!|1+7%$50a";
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String beginning = value.substring(0, PasswordStrength.RATED_LENGTH);
        int score = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> measure(value.toString(), List.of(), Locale.ENGLISH).score());
        assertThat(score)
                .isEqualTo(measure(beginning, List.of(), Locale.ENGLISH).score());

        // the price: a weak beginning is reported weak whatever follows it
        assertThat(measure("a".repeat(64) + "kettle orbit sparrow lantern", List.of(), Locale.ENGLISH)
                        .weak())
                .isTrue();
    }

    @Nested
    @DisplayName("A candidate master password")
    class MasterPassword {
        private static PasswordStrength.Result rate(String value) {
            try (Secret secret = Secret.copyOf(value.toCharArray())) {
                return PasswordStrength.measureMasterPassword(secret, Locale.ENGLISH);
            }
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"x", "password1", "master pw", "new master"})
        @DisplayName("that is short or common is weak: score 0 to 2")
        void weak(String value) {
            PasswordStrength.Result result = rate(value);
            assertThat(result.score()).isBetween(0, PasswordStrength.WEAK_MAX_SCORE);
            assertThat(result.weak()).isTrue();
        }

        @Test
        @DisplayName("of four random words is not weak: score 4")
        void fourRandomWords() {
            PasswordStrength.Result result = rate("kettle orbit sparrow lantern");
            assertThat(result.score()).isEqualTo(4);
            assertThat(result.weak()).isFalse();
        }

        @Test
        @DisplayName("that leans on the product's own words is rated as if an attacker knew them")
        void productWords() {
            assertThat(measure("vaultmail!", List.of(), Locale.ENGLISH).weak()).isFalse();
            assertThat(rate("vaultmail!").weak()).isTrue();
        }

        @Test
        @DisplayName("stays usable by its owner, unchanged, after it is rated")
        void candidateKept() {
            try (Secret secret = Secret.copyOf("kettle orbit sparrow lantern".toCharArray());
                    Secret same = Secret.copyOf("kettle orbit sparrow lantern".toCharArray())) {
                PasswordStrength.measureMasterPassword(secret, Locale.ENGLISH);
                assertThat(secret.isDestroyed()).isFalse();
                assertThat(secret.sameValueAs(same)).isTrue();
            }
        }
    }
}
