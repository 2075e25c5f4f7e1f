package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.verify.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A text a provider's server is known to answer, as a case-insensitive regular expression, with the
 * outcome it means and, optionally, what to do about it.
 */
public record ErrorText(String regex, Outcome outcome, Optional<LocalizedText> hint) {
    public ErrorText {
        Objects.requireNonNull(outcome, "outcome");
        hint = hint == null ? Optional.empty() : hint;
        if (regex == null || regex.isBlank()) {
            throw new BadInputException("an error text needs a pattern");
        }
        compile(regex);
        if (outcome == Outcome.OK || outcome == Outcome.SKIPPED) {
            throw new BadInputException("an error text cannot mean " + outcome + " (it describes a failure)");
        }
    }

    public Pattern pattern() {
        return compile(regex);
    }

    public boolean matches(String serverText) {
        return serverText != null && pattern().matcher(serverText).find();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(
                    "error text pattern '" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }
}
