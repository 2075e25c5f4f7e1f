package dev.mailvault.core.rotation;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.Secret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Random passwords from an alphabet a provider accepts. Every character is drawn uniformly
 * ({@link SecureRandom#nextInt(int)} rejects biased values); when the alphabet has upper case,
 * lower case, digits or symbols and the length allows, each class appears at least once, because
 * many providers insist on it.
 */
public final class PasswordGenerator {
    private final SecureRandom random;

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public Secret generate(String alphabet, int length) {
        if (alphabet == null || alphabet.length() < 10) {
            throw new BadInputException("the alphabet for generated passwords is too small");
        }
        if (length < 8 || length > 128) {
            throw new BadInputException("a generated password must have 8 to 128 characters, not " + length);
        }
        List<String> classes = classes(alphabet);
        char[] out = new char[length];
        for (int attempt = 0; ; attempt++) {
            for (int i = 0; i < length; i++) {
                out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            if (length < classes.size() || coversAll(out, classes) || attempt > 1000) {
                return Secret.adopt(out);
            }
        }
    }

    private static boolean coversAll(char[] value, List<String> classes) {
        for (String cls : classes) {
            boolean found = false;
            for (char c : value) {
                if (cls.indexOf(c) >= 0) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<String> classes(String alphabet) {
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder digit = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (char c : alphabet.toCharArray()) {
            (Character.isUpperCase(c) ? upper : Character.isLowerCase(c) ? lower : Character.isDigit(c) ? digit : other)
                    .append(c);
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder sb : List.of(upper, lower, digit, other)) {
            if (sb.length() > 0) {
                out.add(sb.toString());
            }
        }
        return out;
    }
}
