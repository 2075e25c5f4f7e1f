package dev.mailvault.core.audit;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.mailvault.core.crypto.Secret;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How hard a password is to guess, by zxcvbn: a score from 0 (guessed at once) to 4 (very hard),
 * with zxcvbn's own warning and suggestions in the asked language. Words the user gave elsewhere
 * (the address, a name) count as known to an attacker. The value is read through a {@code char[]}
 * that is wiped before this returns.
 */
public final class PasswordStrength {
    /** The lowest score Mail Vault calls strong enough for a master password. */
    public static final int GOOD_SCORE = 3;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    /** A score 0–4 and zxcvbn's explanation; {@code warning} is empty when it has none. */
    public record Result(int score, String warning, List<String> suggestions) {
        public Result {
            if (score < 0 || score > 4) {
                throw new IllegalArgumentException("a zxcvbn score is 0 to 4, was " + score);
            }
            warning = warning == null ? "" : warning;
            suggestions = List.copyOf(suggestions);
        }

        public boolean good() {
            return score >= GOOD_SCORE;
        }
    }

    private PasswordStrength() {}

    public static Result measure(Secret password, List<String> userInputs, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        if (password.isEmpty()) {
            return new Result(0, "", List.of());
        }
        char[] chars = password.revealChars();
        Strength strength = null;
        try {
            strength = ZXCVBN.measure(CharBuffer.wrap(chars), sanitize(userInputs));
            Feedback feedback = strength.getFeedback();
            return new Result(strength.getScore(), feedback.getWarning(locale), feedback.getSuggestions(locale));
        } finally {
            if (strength != null) {
                strength.wipe();
            }
            Arrays.fill(chars, '\0');
        }
    }

    private static List<String> sanitize(List<String> userInputs) {
        return userInputs == null
                ? List.of()
                : userInputs.stream()
                        .filter(Objects::nonNull)
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
