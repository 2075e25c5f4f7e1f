package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.Secret;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether {@code rotate --generate} makes sense for a provider and, if so, which characters and
 * lengths the provider accepts. Providers that issue the password themselves (docomo, Google,
 * Apple) or accept none (Outlook.com) refuse, with a reason.
 */
public record GenerateRules(
        boolean allowed,
        Optional<LocalizedText> refusal,
        String alphabet,
        int minLength,
        int maxLength,
        int defaultLength) {

    /** ASCII letters and digits: accepted everywhere. */
    public static final String LETTERS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Letters, digits and the symbols most sites accept; no quotes, backslash, back-tick or space. */
    public static final String LETTERS_DIGITS_SYMBOLS = LETTERS_DIGITS + "!#$%&()*+,-./:;<=>?@[]^_{|}~";

    public GenerateRules {
        refusal = refusal == null ? Optional.empty() : refusal;
        if (allowed) {
            if (alphabet == null || alphabet.length() < 10) {
                throw new BadInputException("generate rules need an alphabet of at least 10 characters");
            }
            if (alphabet.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new BadInputException("a generate alphabet may hold only printable ASCII without space");
            }
            if (alphabet.chars().distinct().count() != alphabet.length()) {
                throw new BadInputException("a generate alphabet must not repeat a character");
            }
            if (minLength < 8 || maxLength > 128 || minLength > maxLength) {
                throw new BadInputException(
                        "generate lengths must satisfy 8 <= min <= max <= 128, were " + minLength + ".." + maxLength);
            }
            if (defaultLength < minLength || defaultLength > maxLength) {
                throw new BadInputException(
                        "the default generate length " + defaultLength + " is outside " + minLength + ".." + maxLength);
            }
            if (refusal.isPresent()) {
                throw new BadInputException("generate rules that allow generation cannot carry a refusal");
            }
        } else {
            if (refusal.isEmpty()) {
                throw new BadInputException("refused generate rules need a reason in both languages");
            }
            alphabet = "";
            minLength = 0;
            maxLength = 0;
            defaultLength = 0;
        }
    }

    public static GenerateRules allowed(String alphabet, int minLength, int maxLength, int defaultLength) {
        return new GenerateRules(true, Optional.empty(), alphabet, minLength, maxLength, defaultLength);
    }

    public static GenerateRules refused(LocalizedText reason) {
        return new GenerateRules(false, Optional.of(reason), "", 0, 0, 0);
    }

    /** Why generating is refused, or empty when it is allowed. */
    public Optional<String> refusal(Locale locale) {
        return refusal.map(r -> r.get(locale));
    }

    /**
     * The length to generate: the requested one, or the default. Throws {@link BadInputException}
     * when generating is refused or the length is outside what the provider accepts.
     */
    public int lengthFor(Optional<Integer> requested, String providerName) {
        if (!allowed) {
            throw new BadInputException("--generate is not available for " + providerName + ": "
                    + refusal.orElseThrow().en());
        }
        int length = requested.orElse(defaultLength);
        if (length < minLength || length > maxLength) {
            throw new BadInputException("--length " + length + " is not accepted by " + providerName + " (allowed: "
                    + minLength + " to " + maxLength + ")");
        }
        return length;
    }

    /** Whether a value would satisfy these rules (length and characters), without revealing it. */
    public boolean accepts(Secret value) {
        if (!allowed) {
            return false;
        }
        int length = value.length();
        return length >= minLength && length <= maxLength && !value.anyChar(c -> alphabet.indexOf(c) < 0);
    }
}
