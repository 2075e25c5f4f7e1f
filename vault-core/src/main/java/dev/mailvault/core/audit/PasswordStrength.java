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
 *
 * <p>Only the first {@link #RATED_LENGTH} characters are rated: zxcvbn's time grows much faster
 * than the length (with the command's JIT settings a random 256-character value took 28 s, 512
 * characters over three minutes), and a value is at least as hard to guess as its beginning.
 *
 * <p>One threshold for every password Mail Vault rates: scores up to {@link #WEAK_MAX_SCORE} are
 * weak, whether the audit finds a stored value or the user types a new master password.
 */
public final class PasswordStrength {
    /** zxcvbn scores up to this one are weak: guessable with up to 10^8 tries. */
    public static final int WEAK_MAX_SCORE = 2;
    /** The lowest score Mail Vault calls strong enough. */
    public static final int GOOD_SCORE = WEAK_MAX_SCORE + 1;

    /** How many characters of a value are rated: a random one this long took up to 1.6 s. */
    public static final int RATED_LENGTH = 64;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();
    /** Words of this product: whoever holds a copy of the vault file knows them too. */
    private static final List<String> PRODUCT_WORDS = List.of("mail", "vault");

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

        /** A score up to {@link #WEAK_MAX_SCORE}: guessable with up to 10^8 tries. */
        public boolean weak() {
            return !good();
        }
    }

    private PasswordStrength() {}

    /**
     * Rates a candidate master password (for {@code init}, {@code passwd} and the app's screens
     * alike), with the product's own words counting as known to an attacker. The candidate stays
     * usable by its owner; zxcvbn's feedback is in {@code locale}.
     */
    public static Result measureMasterPassword(Secret candidate, Locale locale) {
        return measure(candidate, PRODUCT_WORDS, locale);
    }

    public static Result measure(Secret password, List<String> userInputs, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        if (password.isEmpty()) {
            return new Result(0, "", List.of());
        }
        char[] chars = password.revealChars();
        Strength strength = null;
        try {
            strength = ZXCVBN.measure(
                    CharBuffer.wrap(chars, 0, Math.min(chars.length, RATED_LENGTH)), sanitize(userInputs));
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
