package dev.mailvault.core.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.Secret;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=";
    final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    @Property(tries = 200)
    @Label("a generated password has the asked length, only alphabet characters, and every class")
    void shape(@ForAll @IntRange(min = 8, max = 64) int length) {
        try (Secret s = generator.generate(ALPHABET, length)) {
            char[] v = s.revealChars();
            assertThat(v).hasSize(length);
            for (char c : v) {
                assertThat(ALPHABET.indexOf(c)).isNotNegative();
            }
            assertThat(new String(v))
                    .containsPattern("[A-Z]")
                    .containsPattern("[a-z]")
                    .containsPattern("[0-9]")
                    .containsPattern("[!#%+=-]");
        }
    }

    @Test
    @DisplayName("20-character passwords do not repeat, and every character of the alphabet occurs")
    void random() {
        Set<String> seen = new HashSet<>();
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            try (Secret s = generator.generate(ALPHABET, 20)) {
                String v = new String(s.revealChars());
                assertThat(seen.add(v)).isTrue();
                v.chars().forEach(c -> chars.add((char) c));
            }
        }
        assertThat(chars).hasSize(ALPHABET.length());
    }

    @Test
    @DisplayName("lengths outside 8..128 are refused")
    void lengths() {
        assertThatThrownBy(() -> generator.generate(ALPHABET, 7)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> generator.generate(ALPHABET, 129)).isInstanceOf(BadInputException.class);
    }
}
